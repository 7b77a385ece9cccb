import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { shipmentRepository } from '../../store/custody/shipments.ts';

/** One line of the transfer report: one product of one shipment. */
export interface TransferLine {
  readonly id: string;
  readonly shipmentNumber: string;
  readonly consigneeId: string;
  readonly consignee: string;
  readonly country: string;
  readonly productId: string;
  readonly rounds: number;
  readonly authorisation: string;
  readonly authority: string;
  readonly status: string;
  readonly dispatchedAt: string | null;
  readonly receivedAt: string | null;
  readonly transportRef: string;
  readonly invoiceRef: string;
}

/**
 * Transfers (shipments dispatched in [from, to)) per consignee and country, product, quantity,
 * authorisation and dates: what a national inspector asks for. Missing crates are left out.
 *
 * @example
 * const lines = await transferReport(app, auditor, { from: '2027-01-01T00:00:00.000Z' });
 */
export async function transferReport(
  app: AppContext,
  actor: Actor,
  window: { from?: string; to?: string } = {},
): Promise<TransferLine[]> {
  requireRole(actor, staff, 'read the transfer report');
  const scenario = await plantScenario(app.store);
  const rows = await shipmentRepository(app.store).transfers(window);
  return rows
    .map((r) => {
      const c = scenario.consignees.find((x) => x.id === r.consignee_id);
      return {
        id: `${r.shipment_number}:${r.product_id}`,
        shipmentNumber: r.shipment_number,
        consigneeId: r.consignee_id,
        consignee: c?.name ?? r.consignee_id,
        country: r.country,
        productId: r.product_id,
        rounds: r.rounds,
        authorisation: r.authorisation,
        authority: r.authority,
        status: r.status,
        dispatchedAt: r.dispatched_at,
        receivedAt: r.received_at,
        transportRef: r.transport_ref,
        invoiceRef: r.invoice_ref,
      };
    })
    .sort(
      (a, b) =>
        a.country.localeCompare(b.country) ||
        a.consigneeId.localeCompare(b.consigneeId) ||
        a.productId.localeCompare(b.productId) ||
        (a.dispatchedAt ?? '').localeCompare(b.dispatchedAt ?? ''),
    );
}

const CSV_COLUMNS = [
  'shipmentNumber',
  'consigneeId',
  'consignee',
  'country',
  'productId',
  'rounds',
  'authorisation',
  'authority',
  'status',
  'dispatchedAt',
  'receivedAt',
  'transportRef',
  'invoiceRef',
] as const;

/**
 * The report as CSV (RFC 4180: quoted where needed, CRLF line ends), header first.
 *
 * @example
 * transfersCsv(lines).split('\r\n')[0]; // 'shipmentNumber,consigneeId,...'
 */
export function transfersCsv(lines: readonly TransferLine[]): string {
  const cell = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [CSV_COLUMNS.join(','), ...lines.map((l) => CSV_COLUMNS.map((c) => cell(l[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}
