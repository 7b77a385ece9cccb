/**
 * Tables of lot quality: each lot's sampling inspection, the quality decisions on it (released,
 * held, rejected), and each product's place in the Z1.4 switching rules. Conventions as in
 * `core.ts` (ISO times, integer quantities, 0/1 booleans, JSON as text, `actor` on every row).
 */

/** One original inspection per lot (resubmitted lots are not sampled again here). */
export interface SamplingInspectionTable {
  id: string;
  lot_id: string;
  product_id: string;
  /** `normal`, `tightened` or `reduced`. */
  severity: string;
  inspection_level: string;
  code_letter: string;
  lot_size: number;
  /** Per defect class: plan (n, Ac, Re), inspected, defects, verdict, score step; JSON. */
  classes: string;
  accepted: number;
  /** 0/1: accepted with a count between Ac and Re (reduced inspection). */
  in_gap: number;
  /** `2`, `3` or `reset`. */
  score_step: string;
  /** Rounds the destructive checks consumed. */
  rounds_consumed: number;
  /** The switch of severity this lot caused, JSON, or null. */
  switched: string | null;
  inspected_at: string;
  actor: string;
}

/** Quality decisions on a lot, in order (`seq` 1, 2, ...); the last one is the lot's status. */
export interface LotDecisionTable {
  id: string;
  lot_id: string;
  seq: number;
  /** `released`, `held` or `rejected`. */
  status: string;
  reason: string | null;
  inspection_id: string | null;
  /** The second person of a four-eyes release, `user:NAME`, or null. */
  approver: string | null;
  decided_at: string;
  actor: string;
}

/** A product's switching state (ANSI/ASQ Z1.4-2003) and the conditions for reduced inspection. */
export interface SamplingStateTable {
  product_id: string;
  /** `normal`, `tightened`, `reduced` or `discontinued`. */
  severity: string;
  score: number;
  /** Last ≤ 5 lots on normal inspection, oldest first: `A` accepted, `N` not accepted. */
  recent: string;
  accepted_in_row: number;
  not_accepted_on_tightened: number;
  /** 0/1: production at a steady rate. */
  steady_production: number;
  /** 0/1: the responsible authority approves reduced inspection. */
  reduced_approved: number;
  updated_at: string;
  actor: string;
}

export interface QualityTables {
  sampling_inspections: SamplingInspectionTable;
  lot_decisions: LotDecisionTable;
  sampling_states: SamplingStateTable;
}
