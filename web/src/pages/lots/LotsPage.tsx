import { useMemo, useState } from 'react';
import { Link } from '../../app/router.tsx';
import type { PageProps } from '../../app/routes.ts';
import { ErrorBox, formatDateTime, formatNumber, Stat, Table } from '../../app/ui/index.ts';
import './badges.css';
import { StatusBadge } from './StatusBadge.tsx';
import type { Lot, LotStatusRow } from './types.ts';
import { useAllPages } from './useAllPages.ts';

const shown = 60;
const statuses = ['pending', 'released', 'held', 'rejected'] as const;

/** Every lot with its quality status, newest first, filtered by status, line or number. */
export default function LotsPage(_props: PageProps) {
  const lots = useAllPages<Lot>('/lots');
  const status = useAllPages<LotStatusRow>('/lot-statuses');
  const [want, setWant] = useState<string>('');
  const [line, setLine] = useState<string>('');
  const [text, setText] = useState('');

  const statusOf = useMemo(
    () => new Map((status.items ?? []).map((s) => [s.lotNumber, s.status])),
    [status.items],
  );
  const all = useMemo(
    () =>
      [...(lots.items ?? [])]
        .sort((a, b) =>
          a.commissionedAt < b.commissionedAt ? 1 : a.commissionedAt > b.commissionedAt ? -1 : 0,
        )
        .map((l) => ({ ...l, status: statusOf.get(l.lotNumber) ?? 'pending' })),
    [lots.items, statusOf],
  );
  const rows = all.filter(
    (l) =>
      (want === '' || l.status === want) &&
      (line === '' || l.lineId === line) &&
      (text === '' || l.lotNumber.toLowerCase().includes(text.toLowerCase())),
  );
  const lines = [...new Set(all.map((l) => l.lineId))].sort();
  const count = (s: string) => all.filter((l) => l.status === s).length;

  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Lots</h1>
      <ErrorBox error={lots.error ?? status.error} title="The lots could not be read" />
      <div className="card row" aria-label="Lots by status">
        <Stat label="Lots" value={formatNumber(all.length)} />
        <Stat label="Waiting for sampling" value={formatNumber(count('pending'))} tone="warn" />
        <Stat label="Released" value={formatNumber(count('released'))} tone="good" />
        <Stat label="Held" value={formatNumber(count('held'))} tone={count('held') > 0 ? 'bad' : undefined} />
        <Stat
          label="Rejected"
          value={formatNumber(count('rejected'))}
          tone={count('rejected') > 0 ? 'bad' : undefined}
        />
      </div>
      <div className="card stack">
        <div className="row">
          <label className="field">
            <span>Status</span>
            <select value={want} onChange={(e) => setWant(e.target.value)}>
              <option value="">any</option>
              {statuses.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Line</span>
            <select value={line} onChange={(e) => setLine(e.target.value)}>
              <option value="">any</option>
              {lines.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Lot number contains</span>
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        </div>
        {lots.items === undefined ? (
          <p className="loading" role="status">
            Loading lots…
          </p>
        ) : (
          <Table
            caption={`Lots, newest first${rows.length > shown ? ` (${shown} of ${formatNumber(rows.length)})` : ''}`}
            rows={rows.slice(0, shown)}
            rowKey={(l) => l.id}
            columns={[
              {
                header: 'Lot',
                cell: (l) => <Link to={`/lots/${encodeURIComponent(l.lotNumber)}`}>{l.lotNumber}</Link>,
              },
              { header: 'Product', cell: (l) => l.productId },
              { header: 'Line', cell: (l) => l.lineId },
              { header: 'Rounds', cell: (l) => formatNumber(l.quantity), align: 'right' },
              {
                header: 'Headstamp',
                cell: (l) => (typeof l.marking['headstamp'] === 'string' ? l.marking['headstamp'] : '—'),
              },
              { header: 'Commissioned', cell: (l) => formatDateTime(l.commissionedAt) },
              { header: 'Status', cell: (l) => <StatusBadge status={l.status} /> },
            ]}
          />
        )}
      </div>
    </section>
  );
}
