/**
 * Tables of custody: end-user certificates (authorisations), shipments and the crates on them,
 * discrepancies found at receipt, four-eyes approval requests, and recalls with their notices.
 * Conventions as in `src/store/tables/core.ts` (ISO times, integer quantities, JSON as text,
 * `actor` on every row someone writes).
 */

export interface AuthorisationTable {
  id: string;
  number: string;
  authority: string;
  consignee_id: string;
  country: string;
  /** Product ids, JSON array. */
  products: string;
  quantity_ceiling: number;
  valid_from: string;
  valid_to: string;
  /** `valid`, `suspended` or `revoked`. */
  status: string;
  status_reason: string | null;
  /** Document references, JSON array. */
  documents: string;
  created_at: string;
  actor: string;
  /** The second person (`user:NAME`), when four eyes were asked. */
  approver: string | null;
  updated_at: string;
}

export interface ShipmentTable {
  id: string;
  shipment_number: string;
  consignee_id: string;
  authorisation_id: string;
  transport_ref: string;
  invoice_ref: string;
  /** `planned`, `in_transit` or `received`. */
  status: string;
  /** Rounds on the shipment. */
  quantity: number;
  created_at: string;
  actor: string;
  dispatched_at: string | null;
  dispatched_by: string | null;
  dispatch_approver: string | null;
  received_at: string | null;
  received_by: string | null;
}

/** A crate on a shipment (a pallet's crates are listed one by one, with the pallet). */
export interface ShipmentCrateTable {
  shipment_id: string;
  crate_id: string;
  sscc: string;
  pallet_sscc: string | null;
  lot_id: string;
  product_id: string;
  rounds: number;
  /** `listed` (planned), `shipped`, `received`, `missing` (shortfall), `surplus`. */
  outcome: string;
}

/**
 * Rounds of a lot on a shipment, from its crates not missing: kept by the shipment repository
 * whenever the shipment's crates change, so a lot's deliveries are read without its crates.
 */
export interface ShipmentLotTable {
  lot_id: string;
  shipment_id: string;
  crates: number;
  rounds: number;
}

/** A crate destroyed whole: no longer stock, its row in `crates` kept for trace. */
export interface DestroyedCrateTable {
  crate_id: string;
  lot_id: string;
  rounds: number;
  reason: string;
  destroyed_at: string;
  actor: string;
  approver: string | null;
}

export interface ShipmentDiscrepancyTable {
  id: string;
  shipment_id: string;
  /** `shortfall` or `surplus`. */
  kind: string;
  sscc: string;
  lot_id: string | null;
  rounds: number;
  reason: string;
  recorded_at: string;
  actor: string;
}

export interface ApprovalRequestTable {
  id: string;
  request_number: string;
  /** `lot.release`, `stock.adjust`, `stock.destroy`, `authorisation.add`, `shipment.dispatch`. */
  kind: string;
  /** What to do, JSON: the act's input. */
  payload: string;
  /** What it is about, in words (for the list). */
  summary: string;
  /** `pending`, `approved` or `withdrawn`. */
  status: string;
  requested_at: string;
  actor: string;
  requester_role: string;
  approver: string | null;
  decided_at: string | null;
  /** The act's result, JSON, once done. */
  result: string | null;
}

export interface RecallTable {
  id: string;
  recall_number: string;
  /** `lot`, `component-lot` or `field-report`. */
  origin_kind: string;
  origin_ref: string;
  reason: string;
  created_at: string;
  actor: string;
}

export interface RecallLotTable {
  recall_id: string;
  lot_id: string;
  /** Rounds of the lot still in the plant when the hold was put on. */
  rounds_held: number;
}

export interface RecallNoticeTable {
  recall_id: string;
  consignee_id: string;
  rounds: number;
  /** Per lot and shipment, JSON. */
  details: string;
}

export interface CustodyTables {
  authorisations: AuthorisationTable;
  shipments: ShipmentTable;
  shipment_crates: ShipmentCrateTable;
  shipment_lots: ShipmentLotTable;
  destroyed_crates: DestroyedCrateTable;
  shipment_discrepancies: ShipmentDiscrepancyTable;
  approval_requests: ApprovalRequestTable;
  recalls: RecallTable;
  recall_lots: RecallLotTable;
  recall_notices: RecallNoticeTable;
}
