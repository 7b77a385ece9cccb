import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import {
  Button,
  ErrorBox,
  Field,
  formatDateTime,
  problemFor,
  Table,
  useFormAction,
} from '../../app/ui/index.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { QualityHistory } from './types.ts';

const actor = (ref: string | null) => (ref === null ? '—' : ref.replace(/^user:/, ''));

/**
 * The lot's disposition: every decision so far (who, when, why, the second person), and for quality
 * the form to release, hold or reject it. A release where the plant asks four eyes takes the second
 * person's own name and password.
 *
 * @example
 * <Disposition lotNumber={n} history={history} mayDecide onDecided={reload} />
 */
export function Disposition({
  lotNumber,
  history,
  mayDecide,
  onDecided,
}: {
  readonly lotNumber: string;
  readonly history: QualityHistory;
  readonly mayDecide: boolean;
  readonly onDecided: () => void;
}) {
  const [decision, setDecision] = useState<'released' | 'held' | 'rejected'>('released');
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormAction(async () => {
    await apiPost(`/lots/${encodeURIComponent(lotNumber)}/decision`, {
      decision,
      ...(reason !== '' ? { reason } : {}),
      ...(approver !== '' ? { approval: { name: approver, password } } : {}),
    });
    setPassword('');
    onDecided();
  });

  return (
    <div className="card stack">
      <h2>
        Disposition <StatusBadge status={history.status} />
      </h2>
      <Table
        caption="Decisions on the lot, oldest first"
        rows={history.decisions}
        rowKey={(d) => d.id}
        empty="No decision yet."
        columns={[
          { header: 'Decision', cell: (d) => <StatusBadge status={d.status} /> },
          { header: 'When', cell: (d) => formatDateTime(d.decidedAt) },
          { header: 'By', cell: (d) => actor(d.actor) },
          { header: 'Second person', cell: (d) => actor(d.approver) },
          { header: 'Reason', cell: (d) => d.reason ?? '—' },
        ]}
      />
      {mayDecide && (
        <form className="stack" onSubmit={submit} aria-label="Decide on the lot">
          <div className="row">
            <Field label="Decision" problem={problemFor(error, 'decision')}>
              {(id) => (
                <select
                  id={id}
                  value={decision}
                  onChange={(e) => setDecision(e.target.value as typeof decision)}
                >
                  <option value="released">release</option>
                  <option value="held">hold</option>
                  <option value="rejected">reject</option>
                </select>
              )}
            </Field>
            <Field label="Reason" hint="needed to hold or reject" problem={problemFor(error, 'reason')}>
              {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <Field label="Second person" hint="for four eyes" problem={problemFor(error, 'approval.name')}>
              {(id) => (
                <input
                  id={id}
                  autoComplete="off"
                  value={approver}
                  onChange={(e) => setApprover(e.target.value)}
                />
              )}
            </Field>
            <Field label="Second person’s password" problem={problemFor(error, 'approval.password')}>
              {(id) => (
                <input
                  id={id}
                  type="password"
                  autoComplete="off"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              )}
            </Field>
            <Button type="submit" disabled={busy}>
              Record decision
            </Button>
          </div>
          <ErrorBox error={error} />
        </form>
      )}
    </div>
  );
}
