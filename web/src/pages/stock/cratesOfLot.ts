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
