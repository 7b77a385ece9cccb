import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, formatNumber, useFormAction } from '../../app/ui/index.ts';
import type { Verification } from './types.ts';

/**
 * Verifies the whole ledger on the server (every event, the tree, every checkpoint) and says the
 * outcome: intact, or the first altered, missing or reordered event.
 *
 * @example
 * <Verify />
 */
export function Verify() {
  const [took, setTook] = useState(0);
  const {
    busy,
    error,
    result,
    run: verify,
  } = useFormAction(async () => {
    const started = performance.now();
    const verification = await apiPost<Verification>('/ledger/verify', {});
    setTook(performance.now() - started);
    return verification;
  });

  return (
    <div className="stack">
      <div className="actions">
        <Button onClick={() => void verify()} disabled={busy}>
          Verify the ledger
        </Button>
        {busy && <span role="status">Verifying every event…</span>}
      </div>
      <ErrorBox error={error} />
      {result && (
        <div
          className={result.ok ? 'ok-box' : 'error-box'}
          role="status"
          data-verified={result.ok ? 'ok' : 'failed'}
        >
          <strong>{result.ok ? 'Ledger verified: intact' : 'Ledger verification FAILED'}</strong>{' '}
          {formatNumber(result.size)} events, root <span className="mono">{result.rootHash}</span>;{' '}
          {result.checkpointsMatched} of {result.checkpointsChecked} checkpoints match (
          {(took / 1000).toFixed(1)} s).
          {result.problem && (
            <p>
              {result.problem.kind} at event {result.problem.index}
              {result.problem.eventID ? ` (${result.problem.eventID})` : ''}: {result.problem.what}
            </p>
          )}
          {result.checkpointFaults.length > 0 && (
            <ul>
              {result.checkpointFaults.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
