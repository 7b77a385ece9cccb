import type { FieldProblem } from '../../domain/errors.ts';
import {
  canReach,
  isPackMLState,
  validateLineEvent,
  type LineCursor,
  type LineEvent,
} from '../../domain/line/index.ts';
import type { RecordedEvent } from '../../store/repositories/line-data.ts';

export type Placement = { ok: true; event: LineEvent } | { ok: false; problems: FieldProblem[] };

/**
 * A line's recorded states and counts around the late events of one batch (read once per batch
 * with `recordedSince`), kept in time order. A late event accepted here joins them, so the next
 * late event of the same batch is checked against it too, as it would be had it come in a later
 * batch.
 *
 * @example
 * const late = new LateEvents(recorded);
 * const placed = late.place(input, '2026-01-05T06:03:00.000Z', notAfter);
 * if (placed.ok) late.add(placed.event, eventId, at);
 */
export class LateEvents {
  private readonly counts: RecordedEvent[];
  private readonly states: RecordedEvent[];

  constructor(recorded: readonly RecordedEvent[]) {
    this.counts = recorded.filter((r) => r.kind === 'count');
    this.states = recorded.filter((r) => r.kind === 'state');
  }

  /**
   * Checks an event behind the line's last one (`at`: its time, canonical). A late count must
   * fit between its neighbours (it changes no totals: counters are cumulative, so the later
   * count already holds its rounds); a late state must follow the state recorded before it.
   */
  place(input: unknown, at: string, notAfter: Date): Placement {
    const previousCount = this.counts[upperBound(this.counts, at) - 1];
    const nextCount = this.counts[upperBound(this.counts, at)];
    const previousState = this.states[upperBound(this.states, at) - 1];
    const before: LineCursor = {
      ...(previousCount === undefined
        ? {}
        : { processed: previousCount.processed, defective: previousCount.defective }),
      ...(previousState?.state != null && isPackMLState(previousState.state)
        ? { state: previousState.state }
        : {}),
    };
    const checked = validateLineEvent(input, before, notAfter);
    if (!checked.ok) return { ok: false, problems: [...checked.problems] };
    const event = checked.event;
    if (event.kind === 'count') {
      if (event.counterReset === true) {
        return {
          ok: false,
          problems: [
            { path: 'counterReset', problem: 'a counter reset cannot arrive late: send it in order' },
          ],
        };
      }
      if (
        nextCount !== undefined &&
        !nextCount.counterReset &&
        (event.processed > nextCount.processed || event.defective > nextCount.defective)
      ) {
        return {
          ok: false,
          problems: [
            {
              path: 'processed',
              problem: `does not fit before the count at ${nextCount.at} (processed ${nextCount.processed}, defective ${nextCount.defective}): counts would go backwards`,
            },
          ],
        };
      }
    }
    if (event.kind === 'state' && before.state !== undefined && !canReach(before.state, event.state)) {
      return {
        ok: false,
        problems: [{ path: 'state', problem: `${event.state} cannot follow ${before.state} (PackML)` }],
      };
    }
    return { ok: true, event };
  }

  /** A late event accepted: later ones of the batch are placed among it as well. */
  add(event: LineEvent, eventId: string, at: string): void {
    if (event.kind === 'stop') return;
    const list = event.kind === 'count' ? this.counts : this.states;
    const entry: RecordedEvent =
      event.kind === 'count'
        ? {
            kind: 'count',
            at,
            eventId,
            state: null,
            processed: event.processed,
            defective: event.defective,
            counterReset: false,
          }
        : { kind: 'state', at, eventId, state: event.state, processed: 0, defective: 0, counterReset: false };
    list.splice(upperBound(list, at), 0, entry);
  }
}

/** The first index whose event is after `at` (all before it are at or before `at`). */
function upperBound(list: readonly RecordedEvent[], at: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
