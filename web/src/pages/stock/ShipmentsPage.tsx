import { useMemo } from 'react';
import type { PageProps } from '../../app/routes.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorBox, formatDateTime, formatNumber, Table } from '../../app/ui/index.ts';
import '../lots/badges.css';
import { StatusBadge } from '../lots/StatusBadge.tsx';
import { useAllPages } from '../lots/useAllPages.ts';
import { AuthorisationActions } from './AuthorisationActions.tsx';
import { NewAuthorisation } from './NewAuthorisation.tsx';
import { NewShipment } from './NewShipment.tsx';
import { ShipmentActions } from './ShipmentActions.tsx';
import type { ApprovalRequest, Authorisation, Shipment, StockLine } from './types.ts';

const shown = 30;
const statusWords = { planned: 'planned', in_transit: 'in-transit', received: 'received' } as const;

/** Authorisations with their ceilings, shipments with their status; planning, dispatch and receipt by role. */
export default function ShipmentsPage(_props: PageProps) {
  const { user } = useSession();
  const consignee = user.role === 'consignee';
  const logistics = user.role === 'logistics' || user.role === 'admin';
  const shipments = useAllPages<Shipment>('/shipments');
  const auths = useAllPages<Authorisation>('/authorisations');
  const stock = useAllPages<StockLine>(logistics ? '/stock' : undefined);
  // Authorisations waiting for a second person (the approvals route is the staff's only).
  const approvals = useAllPages<ApprovalRequest>(consignee ? undefined : '/approvals');
  const waitingAuths = (approvals.items ?? []).filter((r) => r.kind === 'authorisation.add');
  const rows = useMemo(() => [...(shipments.items ?? [])].reverse(), [shipments.items]);
  const lotsInStock = useMemo(
    () =>
      [
        ...new Set(
          (stock.items ?? [])
            .filter((l) => l.form === 'crate' && l.status === 'released')
            .map((l) => l.lotNumber),
        ),
      ].sort(),
    [stock.items],
  );
  const consignees = useMemo(
    () => [...new Set([...(auths.items ?? []).map((a) => a.consigneeId), 'army', 'police', 'guard'])].sort(),
    [auths.items],
  );
  const reload = () => {
    shipments.reload();
    auths.reload();
    if (!consignee) approvals.reload();
  };

  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{consignee ? 'Our deliveries' : 'Shipments'}</h1>
      <ErrorBox error={shipments.error ?? auths.error} title="The shipments could not be read" />
      {logistics && auths.items && (
        <NewShipment
          consignees={consignees}
          authorisations={auths.items}
          lots={lotsInStock}
          onCreated={reload}
        />
      )}
      <div className="card stack">
        <Table
          caption={`Shipments, newest first${rows.length > shown ? ` (${shown} of ${formatNumber(rows.length)})` : ''}`}
          rows={rows.slice(0, shown)}
          rowKey={(s) => s.id}
          empty={shipments.items === undefined ? 'Loading…' : 'No shipments yet.'}
          columns={[
            { header: 'Shipment', cell: (s) => s.shipmentNumber },
            ...(consignee ? [] : [{ header: 'Consignee', cell: (s: Shipment) => s.consigneeId }]),
            { header: 'Status', cell: (s) => <StatusBadge status={statusWords[s.status]} /> },
            { header: 'Crates', cell: (s) => formatNumber(s.crates), align: 'right' },
            { header: 'Rounds', cell: (s) => formatNumber(s.quantity), align: 'right' },
            {
              header: 'Products',
              cell: (s) =>
                Object.entries(s.products)
                  .map(([p, q]) => `${p} ${formatNumber(q)}`)
                  .join(', '),
            },
            { header: 'Authorisation', cell: (s) => s.authorisation ?? '—' },
            { header: 'Dispatched', cell: (s) => (s.dispatchedAt ? formatDateTime(s.dispatchedAt) : '—') },
            { header: 'Received', cell: (s) => (s.receivedAt ? formatDateTime(s.receivedAt) : '—') },
            ...(logistics || consignee
              ? [
                  {
                    header: 'Action',
                    cell: (s: Shipment) => <ShipmentActions shipment={s} role={user.role} onDone={reload} />,
                  },
                ]
              : []),
          ]}
        />
      </div>
      <div className="card stack">
        <Table
          caption="Authorisations (end-user certificates) and what shipments have used of each"
          rows={auths.items ?? []}
          rowKey={(a) => a.id}
          rowClass={(a) => (a.status !== 'valid' ? 'highlight' : undefined)}
          columns={[
            { header: 'Number', cell: (a) => a.number },
            { header: 'Consignee', cell: (a) => `${a.consigneeId} (${a.country})` },
            { header: 'Authority', cell: (a) => a.authority },
            { header: 'Products', cell: (a) => a.products.join(', ') },
            { header: 'Valid', cell: (a) => `${a.validFrom} to ${a.validTo}` },
            { header: 'Ceiling', cell: (a) => formatNumber(a.quantityCeiling), align: 'right' },
            { header: 'Used', cell: (a) => formatNumber(a.used), align: 'right' },
            { header: 'Remaining', cell: (a) => formatNumber(a.remaining), align: 'right' },
            { header: 'Status', cell: (a) => <StatusBadge status={a.status} /> },
            ...(logistics
              ? [
                  {
                    header: 'Change status',
                    cell: (a: Authorisation) => <AuthorisationActions authorisation={a} onDone={reload} />,
                  },
                ]
              : []),
          ]}
        />
      </div>
      {logistics && <NewAuthorisation consignees={consignees} onAdded={reload} />}
      {!consignee && (
        <div className="card stack">
          <Table
            caption="Authorisations waiting for a second person (approve on the Approvals page)"
            rows={waitingAuths}
            rowKey={(r) => r.id}
            empty={approvals.items === undefined ? 'Loading…' : 'None waits.'}
            columns={[
              { header: 'Request', cell: (r) => r.requestNumber },
              { header: 'What', cell: (r) => r.summary },
              { header: 'Asked by', cell: (r) => r.requestedBy },
              { header: 'When', cell: (r) => formatDateTime(r.requestedAt) },
            ]}
          />
        </div>
      )}
    </section>
  );
}
