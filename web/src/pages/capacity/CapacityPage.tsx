import { useState } from 'react';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { Button, ErrorBox, formatDateTime, Table, useApi } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { StartStudy } from './StartStudy.tsx';
import { StudyView } from './StudyView.tsx';
import type { Study } from './types.ts';

/** Capacity studies: run one with chosen parameters, watch it, read its charts; earlier ones listed. */
export default function CapacityPage(_props: PageProps) {
  const { user } = useSession();
  const studies = useApi<{ items: Study[] }>('/simulations', { limit: 20 });
  const [open, setOpen] = useState<string | undefined>(undefined);
  const shown = open ?? studies.data?.items.find((s) => s.status === 'done')?.id;
  const mayRun = user.role === 'planner' || user.role === 'admin';

  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Capacity study</h1>
      {mayRun && (
        <StartStudy
          onStarted={(id) => {
            setOpen(id);
            studies.reload();
          }}
        />
      )}
      <ErrorBox error={studies.error} title="The studies could not be read" />
      {shown !== undefined && <StudyView key={shown} id={shown} onSettled={studies.reload} />}
      <div className="card">
        <Table
          caption="Studies, newest first"
          rows={studies.data?.items ?? []}
          rowKey={(s) => s.id}
          empty={studies.data === undefined ? 'Loading…' : 'No study yet.'}
          columns={[
            { header: 'Started', cell: (s) => formatDateTime(s.createdAt) },
            { header: 'Replications', cell: (s) => s.replications, align: 'right' },
            { header: 'Horizon (days)', cell: (s) => s.horizonDays, align: 'right' },
            { header: 'Seed', cell: (s) => s.seed, align: 'right' },
            { header: 'By', cell: (s) => s.requestedBy.replace(/^user:/, '') },
            { header: 'Status', cell: (s) => <StatusBadge status={s.status} /> },
            {
              header: 'Open',
              cell: (s) => (
                <Button kind="secondary" onClick={() => setOpen(s.id)} disabled={s.id === shown}>
                  Show study of {formatDateTime(s.createdAt)}
                </Button>
              ),
            },
          ]}
        />
      </div>
    </section>
  );
}
