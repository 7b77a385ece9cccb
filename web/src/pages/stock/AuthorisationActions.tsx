import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, problemFor, useFormAction } from '../../app/ui/index.ts';
import type { Authorisation } from './types.ts';

type Status = 'valid' | 'suspended' | 'revoked';
const verbs: Record<Status, string> = { suspended: 'Suspend', revoked: 'Revoke', valid: 'Reinstate' };

/**
 * Suspends, revokes or reinstates one authorisation with a reason
 * (`POST /authorisations/{number}/status`, logistics and admin). Only the changes away from its present
 * status are offered; the server judges whether one is allowed (a revoked certificate stays revoked).
 *
 * @example
 * <AuthorisationActions authorisation={a} onDone={auths.reload} />
 */
export function AuthorisationActions({
  authorisation,
  onDone,
}: {
  readonly authorisation: Authorisation;
  readonly onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const {
    busy,
    error,
    run: change,
  } = useFormAction(async (status: Status) => {
    await apiPost(`/authorisations/${encodeURIComponent(authorisation.number)}/status`, { status, reason });
    setReason('');
    onDone();
  });
  const offered = (['suspended', 'revoked', 'valid'] as const).filter((s) => s !== authorisation.status);
  if (authorisation.status === 'revoked') return <span>—</span>;

  const problem = problemFor(error, 'reason');
  return (
    <div className="stack">
      <div className="actions">
        <input
          aria-label={`Reason for ${authorisation.number}`}
          placeholder="reason"
          value={reason}
          size={14}
          onChange={(e) => setReason(e.target.value)}
        />
        {offered.map((status) => (
          <Button
            key={status}
            kind={status === 'revoked' ? 'danger' : 'secondary'}
            disabled={busy}
            aria-label={`${verbs[status]} ${authorisation.number}`}
            onClick={() => void change(status)}
          >
            {verbs[status]}
          </Button>
        ))}
      </div>
      {problem !== undefined ? (
        <span className="problem" role="alert">
          reason: {problem}
        </span>
      ) : (
        <ErrorBox error={error} />
      )}
    </div>
  );
}
