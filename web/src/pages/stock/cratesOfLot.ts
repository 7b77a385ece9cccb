import { apiGet } from '../../app/api.ts';
import type { LotCrates } from './types.ts';

/**
 * The SSCCs to ship all of a lot's crates still in the plant: a pallet's SSCC for crates on a pallet
 * (the server ships a pallet whole), the crate's own for the rest.
 *
 * @example
 * await unshippedOf('HSP26A001-001'); // ['206141410000000016', '106141410000000842', …]
 */
export async function unshippedOf(lotNumber: string): Promise<string[]> {
  const trace = await apiGet<LotCrates>(`/trace/lots/${encodeURIComponent(lotNumber)}`);
  const out = new Set<string>();
  for (const c of trace.crates)
    if (c.shipmentNumber === null && c.locationId !== '') out.add(c.palletSscc ?? c.sscc);
  return [...out];
}

/** A crate of a lot still in the plant, where it stands and the pallet it is on. */
export interface CrateInPlant {
  readonly sscc: string;
  readonly locationId: string;
  readonly palletSscc: string | null;
}

/**
 * A lot's crates still in the plant (not shipped), for picking one to move, palletise or destroy.
 *
 * @example
 * await cratesInPlant('HSP26A001-001'); // [{ sscc: '106141410000000842', locationId: 'magazine-1', palletSscc: null }, …]
 */
export async function cratesInPlant(lotNumber: string): Promise<CrateInPlant[]> {
  const trace = await apiGet<LotCrates>(`/trace/lots/${encodeURIComponent(lotNumber)}`);
  return trace.crates
    .filter((c) => c.shipmentNumber === null && c.locationId !== '')
    .map(({ sscc, locationId, palletSscc }) => ({ sscc, locationId, palletSscc }));
}
