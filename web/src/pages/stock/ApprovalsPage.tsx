import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorBox, formatDateTime, Table } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { useAllPages } from '../lots/useAllPages.ts';
import type { ApprovalRequest } from './types.ts';

const approvers = ['operator', 'planner', 'quality', 'logistics', 'admin'];

/**
 * Four-eyes requests waiting for a second person: approve (someone other than who asked) or withdraw
 * one's own; below, the decided ones most recent first.
 */
export default function ApprovalsPage(_props: PageProps) {
  const { user } = useSession();
  const waiting = useAllPages<ApprovalRequest>('/approvals');
  const all = useAllPages<ApprovalRequest>('/approvals', { all: true });
  const [note, setNote] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const mayAct = approvers.includes(user.role);

  async function act(request: ApprovalRequest, verb: 'approve' | 'withdraw') {
    setError(undefined);
    setNote(undefined);
    try {
      await apiPost(`/approvals/${encodeURIComponent(request.requestNumber)}/${verb}`);
      setNote(`${request.requestNumber} ${verb === 'approve' ? 'approved: done' : 'withdrawn'}`);
      waiting.reload();
      all.reload();
    } catch (e) {
      setError(e);
    }
  }

  // The API lists requests newest first.
  const decided = (all.items ?? []).filter((r) => r.status !== 'pending').slice(0, 30);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Approvals</h1>
      <ErrorBox error={waiting.error ?? all.error} title="The approvals could not be read" />
      <ErrorBox error={error} />
      {note !== undefined && (
        <p className="ok-box" role="status">
          {note}
        </p>
      )}
      <div className="card stack">
        <Table
          caption="Waiting for a second person"
          rows={waiting.items ?? []}
          rowKey={(r) => r.id}
          empty={waiting.items === undefined ? 'Loading…' : 'Nothing waits.'}
          columns={[
            { header: 'Request', cell: (r) => r.requestNumber },
            { header: 'What', cell: (r) => r.summary },
            { header: 'Asked by', cell: (r) => r.requestedBy },
            { header: 'When', cell: (r) => formatDateTime(r.requestedAt) },
            ...(mayAct
              ? [
                  {
                    header: 'Action',
                    cell: (r: ApprovalRequest) =>
                      r.requestedBy === user.name ? (
                        <Button kind="secondary" onClick={() => void act(r, 'withdraw')}>
                          Withdraw {r.requestNumber}
                        </Button>
                      ) : (
                        <Button onClick={() => void act(r, 'approve')}>Approve {r.requestNumber}</Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      <div className="card stack">
        <Table
          caption="Decided, most recent first"
          rows={decided}
          rowKey={(r) => r.id}
          columns={[
            { header: 'Request', cell: (r) => r.requestNumber },
            { header: 'What', cell: (r) => r.summary },
            { header: 'Asked by', cell: (r) => r.requestedBy },
            { header: 'Second person', cell: (r) => r.approvedBy ?? '—' },
            { header: 'Decided', cell: (r) => (r.decidedAt ? formatDateTime(r.decidedAt) : '—') },
            { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
          ]}
        />
      </div>
    </section>
  );
}
