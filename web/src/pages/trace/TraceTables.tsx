import { Link } from '../../app/router.tsx';
import { formatNumber, Table } from '../../app/ui/index.ts';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import type { ForwardTrace } from './types.ts';

/**
 * One traced lot in figures: status, rounds with each consignee (delivered, in transit), shipments,
 * and what is still in the plant.
 *
 * @example
 * <TraceTables trace={t} />
 */
export function TraceTables({ trace }: { readonly trace: ForwardTrace }) {
  const inPlant = trace.crates.filter((c) => c.shipmentNumber === null);
  return (
    <div className="card stack">
      <h2>
        <Link to={`/lots/${encodeURIComponent(trace.lotNumber)}`}>Lot {trace.lotNumber}</Link>{' '}
        <StatusBadge status={trace.status} />
      </h2>
      <p className="muted">
        {trace.productId}, {formatNumber(trace.quantity)} rounds made; {trace.crates.length} crates,{' '}
        {inPlant.length} still in the plant ({formatNumber(inPlant.reduce((s, c) => s + c.rounds, 0))} rounds)
        {trace.loose.length > 0 &&
          `; loose: ${trace.loose.map((l) => `${formatNumber(l.quantity)} ${l.form}s at ${l.locationId}`).join(', ')}`}
        .
      </p>
      <Table
        caption={`Consignees of lot ${trace.lotNumber}`}
        rows={trace.consignees}
        rowKey={(c) => c.consigneeId}
        empty="Not shipped to anyone yet."
        columns={[
          { header: 'Consignee', cell: (c) => `${c.name} (${c.country})` },
          { header: 'Rounds', cell: (c) => formatNumber(c.rounds), align: 'right' },
          { header: 'Delivered', cell: (c) => formatNumber(c.delivered), align: 'right' },
          { header: 'In transit', cell: (c) => formatNumber(c.inTransit), align: 'right' },
        ]}
      />
      <Table
        caption={`Shipments carrying lot ${trace.lotNumber}`}
        rows={trace.shipments}
        rowKey={(s) => s.shipmentNumber}
        empty="No shipment."
        columns={[
          { header: 'Shipment', cell: (s) => s.shipmentNumber },
          { header: 'Consignee', cell: (s) => s.consigneeId },
          { header: 'Status', cell: (s) => <StatusBadge status={s.status.replace('_', '-')} /> },
          { header: 'Crates', cell: (s) => formatNumber(s.crates), align: 'right' },
          { header: 'Rounds', cell: (s) => formatNumber(s.rounds), align: 'right' },
        ]}
      />
    </div>
  );
}
