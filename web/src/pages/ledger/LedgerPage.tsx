import { useState } from 'react';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorBox, formatDateTime, formatNumber, Stat, Table, useApi } from '../../app/ui/index.ts';
import '../lots/badges.css';
import type { LedgerHead, Reconciliation } from './types.ts';
import { SignCheckpoint } from './SignCheckpoint.tsx';
import { Verify } from './Verify.tsx';

const shown = 50;

/** The ledger's head and checkpoints, verification on demand, and every lot reconciled. */
export default function LedgerPage(_props: PageProps) {
  const { user } = useSession();
  const head = useApi<LedgerHead>('/ledger');
  const rec = useApi<Reconciliation>('/reconciliation');
  const [onlyDifferences, setOnly] = useState(false);
  const lots = [...(rec.data?.lots ?? [])]
    .filter((l) => !onlyDifferences || l.difference !== 0)
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || (a.lotNumber < b.lotNumber ? 1 : -1));
  const t = rec.data?.totals;

  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">Ledger and reconciliation</h1>
      <ErrorBox error={head.error ?? rec.error} title="The ledger could not be read" />
      <div className="card stack">
        <h2>Tree head</h2>
        {head.data && (
          <>
            <div className="row">
              <Stat label="Events" value={formatNumber(head.data.size)} />
              <Stat label="Checkpoints" value={formatNumber(head.data.checkpoints.length)} />
              <Stat
                label="Last append"
                value={head.data.updatedAt ? formatDateTime(head.data.updatedAt) : '—'}
              />
            </div>
            <dl className="facts">
              <dt>Origin</dt>
              <dd className="mono">{head.data.origin}</dd>
              <dt>Root hash</dt>
              <dd className="mono">{head.data.rootHash}</dd>
            </dl>
          </>
        )}
        <Verify />
        {user.role === 'admin' && <SignCheckpoint onSigned={head.reload} />}
        <Table
          caption="Signed checkpoints, newest first"
          rows={(head.data?.checkpoints ?? []).slice(0, 20)}
          rowKey={(c) => String(c.size)}
          empty="No checkpoint signed yet (an admin signs them: headstamp ledger checkpoint)."
          columns={[
            { header: 'Size', cell: (c) => formatNumber(c.size), align: 'right' },
            { header: 'Root hash', cell: (c) => <span className="mono">{c.rootHash}</span> },
            { header: 'Signed', cell: (c) => formatDateTime(c.signedAt) },
            { header: 'By', cell: (c) => c.actor.replace(/^user:/, '') },
            { header: 'Key', cell: (c) => <span className="mono">{c.keyId.slice(0, 16)}</span> },
          ]}
        />
      </div>
      <div className="card stack">
        <h2>Reconciliation</h2>
        <p className="muted">
          Per lot: commissioned = in stock + in transit + delivered + consumed in tests + destroyed + lost +
          adjusted, every term but stock summed from the ledger.
        </p>
        {rec.data && t && (
          <div className="row">
            <Stat label="Lots" value={formatNumber(rec.data.lots.length)} />
            <Stat label="Commissioned" value={formatNumber(t.commissioned)} unit="rounds" />
            <Stat label="Delivered" value={formatNumber(t.delivered)} unit="rounds" />
            <Stat
              label="Lots with a difference"
              value={formatNumber(rec.data.lots.filter((l) => l.difference !== 0).length)}
              tone={rec.data.lots.some((l) => l.difference !== 0) ? 'bad' : 'good'}
            />
            <Stat
              label="Unexplained"
              value={formatNumber(rec.data.unexplained)}
              tone={rec.data.unexplained > 0 ? 'bad' : 'good'}
            />
          </div>
        )}
        <label className="actions">
          <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnly(e.target.checked)} />
          only lots with a difference
        </label>
        <Table
          caption={`Lots reconciled, differences first${lots.length > shown ? ` (${shown} of ${formatNumber(lots.length)})` : ''}`}
          rows={lots.slice(0, shown)}
          rowKey={(l) => `${l.productId}/${l.lotNumber}`}
          rowClass={(l) => (l.difference !== 0 ? 'highlight' : undefined)}
          empty={rec.data === undefined ? 'Reconciling…' : 'Every lot reconciles.'}
          columns={[
            {
              header: 'Lot',
              cell: (l) => <Link to={`/lots/${encodeURIComponent(l.lotNumber)}`}>{l.lotNumber}</Link>,
            },
            { header: 'Commissioned', cell: (l) => formatNumber(l.commissioned), align: 'right' },
            { header: 'In stock', cell: (l) => formatNumber(l.inStock), align: 'right' },
            { header: 'In transit', cell: (l) => formatNumber(l.inTransit), align: 'right' },
            { header: 'Delivered', cell: (l) => formatNumber(l.delivered), align: 'right' },
            { header: 'Tests', cell: (l) => formatNumber(l.consumedInTests), align: 'right' },
            { header: 'Destroyed', cell: (l) => formatNumber(l.destroyed), align: 'right' },
            { header: 'Lost', cell: (l) => formatNumber(l.lost), align: 'right' },
            { header: 'Adjusted', cell: (l) => formatNumber(l.adjusted), align: 'right' },
            {
              header: 'Difference',
              cell: (l) => (l.difference !== 0 ? <strong>{formatNumber(l.difference)}</strong> : '0'),
              align: 'right',
            },
          ]}
        />
      </div>
    </section>
  );
}
