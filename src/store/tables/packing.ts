/**
 * Tables of packing and stock: a lot's loose rounds and boxes by location, crates and pallets
 * with their SSCCs, and physical count adjustments. Conventions as in `core.ts`.
 */

/** Loose stock of a lot at a location: rounds not in boxes, or boxes not in crates. */
export interface LotStockTable {
  lot_id: string;
  location_id: string;
  /** `round` or `box`. */
  form: string;
  /** Never negative (a check constraint says so too). */
  quantity: number;
}

/** A crate: full boxes of one lot, with its SSCC. */
export interface CrateTable {
  id: string;
  sscc: string;
  lot_id: string;
  product_id: string;
  boxes: number;
  rounds: number;
  location_id: string;
  pallet_id: string | null;
  packed_at: string;
  actor: string;
}

/** A pallet: crates of one product, lots may be mixed. */
export interface PalletTable {
  id: string;
  sscc: string;
  product_id: string;
  location_id: string;
  built_at: string;
  actor: string;
}

/** A physical count of a lot's loose stock at a location, and the adjustment it caused. */
export interface StockCountTable {
  id: string;
  location_id: string;
  lot_id: string;
  form: string;
  recorded: number;
  counted: number;
  delta: number;
  reason: string | null;
  note: string | null;
  counted_at: string;
  actor: string;
}

export interface PackingTables {
  lot_stock: LotStockTable;
  crates: CrateTable;
  pallets: PalletTable;
  stock_counts: StockCountTable;
}
