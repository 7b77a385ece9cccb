import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, formatNumber, problemFor, useFormAction } from '../../app/ui/index.ts';

interface RecallResult {
  readonly recallNumber: string;
  readonly lots: readonly { lotNumber: string; previousStatus: string; roundsHeld: number }[];
  readonly notices: readonly { consigneeId: string; name: string; rounds: number }[];
}

/**
 * Starts a recall of a lot (`POST /recalls`), optionally of every lot sharing a component lot with
 * it: the lots go on hold and each consignee that received any gets a notice, listed in place.
 *
 * @example
 * <Recall lotNumber="HSP26A001-001" onRecalled={retrace} />
 */
export function Recall({
  lotNumber,
  onRecalled,
}: {
  readonly lotNumber: string;
  readonly onRecalled: () => void;
}) {
  const [reason, setReason] = useState('');
  const [viaComponents, setVia] = useState(false);
  const { busy, error, result, submit } = useFormAction(
    async () => {
      const recalled = await apiPost<RecallResult>('/recalls', { lotNumber, viaComponents, reason });
      onRecalled();
      return recalled;
    },
    { keepResult: true },
  );

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="recall">
      <h2 id="recall">Recall lot {lotNumber}</h2>
      <div className="row">
        <Field label="Reason" problem={problemFor(error, 'reason')}>
          {(id) => (
            <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required size={40} />
          )}
        </Field>
        <label className="actions">
          <input type="checkbox" checked={viaComponents} onChange={(e) => setVia(e.target.checked)} />
          also every lot that shares a component lot
        </label>
        <Button type="submit" kind="danger" disabled={busy}>
          Start recall
        </Button>
      </div>
      <ErrorBox error={error} />
      {result && (
        <div className="ok-box" role="status">
          <strong>{result.recallNumber}</strong>: {result.lots.length} lots on hold (
          {formatNumber(result.lots.reduce((s, l) => s + l.roundsHeld, 0))} rounds held here);{' '}
          {result.notices.length === 0
            ? 'no consignee received any.'
            : `notices to ${result.notices.map((n) => `${n.name} (${formatNumber(n.rounds)} rounds)`).join(', ')}.`}
        </div>
      )}
    </form>
  );
}
