import { Link } from '../../app/router.tsx';
import { formatDateTime, formatNumber, Table } from '../../app/ui/index.ts';
import type { LotDetail } from './types.ts';

/**
 * Where the lot came from: its run on the line (with good and defective counts), its production
 * order, and the component lots it consumed.
 *
 * @example
 * <Genealogy lot={lot} />
 */
export function Genealogy({ lot }: { readonly lot: LotDetail }) {
  return (
    <div className="card stack">
      <h2>Genealogy</h2>
      <dl className="facts">
        <dt>Line</dt>
        <dd>
          <Link to={`/lines/${encodeURIComponent(lot.lineId)}`}>{lot.lineId}</Link>
        </dd>
        <dt>Production order</dt>
        <dd>{lot.productionOrderNumber ?? '—'}</dd>
        {lot.run && (
          <>
            <dt>Run</dt>
            <dd>
              {formatDateTime(lot.run.startedAt)} →{' '}
              {lot.run.endedAt ? formatDateTime(lot.run.endedAt) : 'running'}
            </dd>
            <dt>Run counts</dt>
            <dd>
              {formatNumber(lot.run.good)} good, {formatNumber(lot.run.defective)} defective of{' '}
              {formatNumber(lot.run.processed)}
            </dd>
          </>
        )}
        <dt>Trace</dt>
        <dd>
          <Link to={`/trace?q=${encodeURIComponent(lot.lotNumber)}`}>where this lot went</Link>
        </dd>
      </dl>
      <Table
        caption="Component lots consumed"
        rows={lot.components}
        rowKey={(c) => c.id}
        columns={[
          { header: 'Component', cell: (c) => c.componentId },
          { header: 'Component lot', cell: (c) => c.lotNumber },
          { header: 'Supplier', cell: (c) => c.supplier },
          { header: 'Supplier lot', cell: (c) => c.supplierLot },
          { header: 'Quantity', cell: (c) => formatNumber(c.quantity), align: 'right' },
        ]}
      />
    </div>
  );
}
