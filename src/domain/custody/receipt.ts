/**
 * What a consignee's receipt says against what was shipped: crates received as shipped, crates
 * shipped but not received (a shortfall), crates received that the shipment did not list (a
 * surplus). Each shortfall and surplus is a discrepancy with its reason and its own events.
 *
 * @example
 * compareReceipt(['A', 'B', 'C'], ['A', 'C', 'D']);
 * // { received: ['A', 'C'], missing: ['B'], surplus: ['D'] }
 */
export function compareReceipt(
  shipped: readonly string[],
  received: readonly string[],
): { received: string[]; missing: string[]; surplus: string[] } {
  const shippedSet = new Set(shipped);
  const receivedSet = new Set(received);
  return {
    received: shipped.filter((s) => receivedSet.has(s)),
    missing: shipped.filter((s) => !receivedSet.has(s)),
    surplus: [...receivedSet].filter((s) => !shippedSet.has(s)),
  };
}

/** Shipment states: created, then dispatched (in transit), then received by the consignee. */
export const SHIPMENT_STATUSES = ['planned', 'in_transit', 'received'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
