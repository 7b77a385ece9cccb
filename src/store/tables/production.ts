import type { Generated } from 'kysely';

/**
 * Tables of production: orders, schedules, line data, runs, lots and component lots.
 * Conventions as in `core.ts` (ISO times, integer quantities, `actor` on every written row),
 * but for the busiest table, line_events: its time is in milliseconds and its sender is on its
 * batch's receipt (see `LineEventTable`).
 */

export interface CustomerOrderTable {
  id: string;
  order_number: string;
  consignee_id: string;
  product_id: string;
  quantity: number;
  /** ISO date (`2027-01-31`). */
  due_date: string;
  /** 1 is most urgent. */
  priority: number;
  created_at: string;
  actor: string;
}

export interface ProductionOrderTable {
  id: string;
  order_number: string;
  customer_order_id: string | null;
  product_id: string;
  quantity: number;
  due_date: string;
  priority: number;
  /** `open`, `running`, `done`. */
  status: string;
  created_at: string;
  actor: string;
}

export interface ScheduleTable {
  id: string;
  created_at: string;
  /** The plant time the schedule starts from. */
  starts_at: string;
  /** Why it was made (`planned`, `after stop on L2`). */
  reason: string;
  actor: string;
}

export interface SchedulePlacementTable {
  schedule_id: string;
  seq: number;
  production_order_id: string;
  line_id: string;
  product_id: string;
  quantity: number;
  starts_at: string;
  ends_at: string;
  /** Changeover minutes before this placement starts producing. */
  changeover_minutes: number;
  /** 0/1: finishes after the order's due date. */
  late: number;
}

export interface LineEventTable {
  line_id: string;
  /** The sender's id for the event: the key that makes ingest idempotent. */
  event_id: string;
  /** `state`, `count` or `stop` (see src/domain/line/events.ts). */
  kind: string;
  /**
   * When it happened, in milliseconds since the epoch: an integer keeps the row and the time
   * index half the size of ISO text (reads turn it back into an ISO instant).
   */
  at_ms: number;
  state: string | null;
  reason: string | null;
  /** Cumulative counters of the line (never go backwards). */
  processed: number | null;
  defective: number | null;
  /** 0/1: the counters restarted from zero before this count. */
  counter_reset: number;
  /** A stop's end (absent while it lasts). */
  ended_at: string | null;
  note: string | null;
  /** The batch it came in (who sent it, when it arrived): said once per batch, not per event. */
  receipt_id: number;
}

/** One batch of line events as it was recorded: when it arrived, who sent it, how many events it added. */
export interface LineEventReceiptTable {
  id: Generated<number>;
  received_at: string;
  actor: string;
  events: number;
}

/** The latest known state and counters per line: what ingest checks new events against. */
export interface LineStatusTable {
  line_id: string;
  state: string | null;
  state_at: string | null;
  reason: string | null;
  processed: number;
  defective: number;
  count_at: string | null;
}

export interface ProductionRunTable {
  id: string;
  production_order_id: string;
  line_id: string;
  product_id: string;
  started_at: string;
  ended_at: string | null;
  processed: number;
  good: number;
  defective: number;
  /** Good rounds already put into lots. */
  lotted: number;
  actor: string;
}

export interface LotTable {
  id: string;
  plant_id: string;
  lot_number: string;
  run_id: string;
  product_id: string;
  line_id: string;
  quantity: number;
  /** Headstamp and label fields as JSON. */
  marking: string;
  /**
   * Components the lot's bill asks for that no received component lot could supply, by
   * component id, as JSON (`{}` when the genealogy is complete): a gap for reconciliation.
   */
  component_shortfall: string;
  commissioned_at: string;
  actor: string;
}

export interface SequenceTable {
  plant_id: string;
  /** What the sequence counts within (e.g. manufacturer + year). */
  scope: string;
  last: number;
}

export interface ComponentLotTable {
  id: string;
  component_id: string;
  /** Our number for the lot (`CASE-26A-0001`). */
  lot_number: string;
  supplier: string;
  /** The supplier's own lot number, as written on the delivery. */
  supplier_lot: string;
  received: number;
  remaining: number;
  received_at: string;
  actor: string;
}

/** Genealogy: which component lots went into which cartridge lot, and how many. */
export interface LotComponentTable {
  lot_id: string;
  component_lot_id: string;
  quantity: number;
}

export interface ProductionTables {
  customer_orders: CustomerOrderTable;
  production_orders: ProductionOrderTable;
  schedules: ScheduleTable;
  schedule_placements: SchedulePlacementTable;
  line_events: LineEventTable;
  line_event_receipts: LineEventReceiptTable;
  line_status: LineStatusTable;
  production_runs: ProductionRunTable;
  lots: LotTable;
  sequences: SequenceTable;
  component_lots: ComponentLotTable;
  lot_components: LotComponentTable;
}
