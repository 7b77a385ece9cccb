/**
 * Tables of the ledger (the tamper-evident custody log). Conventions as in `core.ts`; hashes are
 * lowercase hex text on both dialects.
 *
 * `ledger_events`, `ledger_nodes` and `ledger_checkpoints` are append-only: triggers refuse
 * UPDATE and DELETE on SQLite and on PostgreSQL. What they hold is checked against the Merkle
 * tree by `headstamp ledger verify`, so a change made around the triggers is found too.
 */

/** One custody event at its place in the log. */
export interface LedgerEventTable {
  /** Position in the log, from 0: the Merkle leaf index. */
  idx: number;
  event_id: string;
  /** 1 for an error declaration (which repeats the eventID of the event it declares wrong). */
  declares_error: number;
  event_type: string;
  biz_step: string | null;
  event_time: string;
  record_time: string;
  /** Canonical JSON of `{ event, index }`: the Merkle leaf data. */
  body: string;
  /** SHA-256(0x00 || body), hex. */
  leaf_hash: string;
}

/** A perfect subtree's root, level ≥ 1 (level 0 is `ledger_events.leaf_hash`). */
export interface LedgerNodeTable {
  level: number;
  idx: number;
  hash: string;
}

/** The tree head: one row, rewritten on every append. */
export interface LedgerTreeHeadTable {
  id: number;
  size: number;
  root_hash: string;
  /** JSON array of base64 right-edge subtree roots (see `Frontier`). */
  frontier: string;
  updated_at: string;
}

/** A signed checkpoint (C2SP signed note), as handed to witnesses. */
export interface LedgerCheckpointTable {
  size: number;
  root_hash: string;
  note: string;
  key_id: string;
  signed_at: string;
  actor: string;
}

/** A signing key's public half, by key ID (hex), with the events that took it in and out of service. */
export interface LedgerKeyTable {
  key_id: string;
  name: string;
  verifier_key: string;
  commissioned_at: string;
  retired_at: string | null;
  actor: string;
}

export interface LedgerTables {
  ledger_events: LedgerEventTable;
  ledger_nodes: LedgerNodeTable;
  ledger_tree_head: LedgerTreeHeadTable;
  ledger_checkpoints: LedgerCheckpointTable;
  ledger_keys: LedgerKeyTable;
}
