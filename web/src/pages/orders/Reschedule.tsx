import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, useFormAction } from '../../app/ui/index.ts';
import type { MadeSchedule } from './types.ts';

/**
 * Schedules the open orders again (`POST /schedule`) and says what came of it: how many placed, which
 * could not be, and the planner's warnings.
 *
 * @example
 * <Reschedule onDone={schedule.reload} />
 */
export function Reschedule({ onDone }: { readonly onDone: () => void }) {
  const {
    busy,
    error,
    result: made,
    run,
  } = useFormAction(
    async () => {
      const schedule = await apiPost<MadeSchedule>('/schedule', {});
      onDone();
      return schedule;
    },
    { keepResult: true },
  );

  return (
    <div className="stack">
      <div className="actions">
        <Button onClick={() => void run()} disabled={busy}>
          Reschedule open orders
        </Button>
        {busy && <span role="status">Scheduling…</span>}
      </div>
      <ErrorBox error={error} />
      {made && (
        <div className="ok-box" role="status">
          Rescheduled: {made.placements.length} production orders placed,{' '}
          {made.placements.filter((p) => p.late).length} late, {made.unplaced.length} not placed.
          {(made.unplaced.length > 0 || made.warnings.length > 0) && (
            <ul>
              {made.unplaced.map((u) => (
                <li key={u.orderNumber}>
                  {u.orderNumber}: {u.reason}
                </li>
              ))}
              {made.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
