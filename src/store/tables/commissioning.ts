/**
 * Tables of line commissioning: signatories (their public keys; private keys stay in files),
 * acceptance tests (running or closed, each with its protocol as started), acceptance acts
 * (the document's path and SHA-256, the verdict, where its hash sits in the ledger) and the
 * detached signatures over each act's bytes. Conventions as in `core.ts`.
 *
 * Repositories reach these tables through `db.withTables<CommissioningTables>()`.
 */

export interface SignatoryTable {
  id: string;
  name: string;
  role: string;
  /** Raw Ed25519 public key, base64. */
  public_key: string;
  /** First 8 bytes of SHA-256(public key), hex: names the key in signatures. */
  key_id: string;
  created_at: string;
  actor: string;
}

export interface AcceptanceTestTable {
  id: string;
  line_id: string;
  /** `running` or `closed`. */
  status: string;
  /** The protocol as started (JSON). */
  protocol: string;
  started_at: string;
  /** When the protocol's operating time is reached on the plant's clock. */
  due_at: string;
  closed_at: string | null;
  /** 0/1: closed before `due_at` (`--early`). */
  early: number;
  actor: string;
}

export interface AcceptanceActTable {
  id: string;
  act_number: string;
  test_id: string;
  line_id: string;
  /** 0/1: the verdict. */
  passed: number;
  early: number;
  period_from: string;
  period_to: string;
  /** The document's file name under the acts directory. */
  file_name: string;
  /** SHA-256 of the document's bytes, hex. */
  sha256: string;
  /** The evaluation (thresholds, measures, stops, reasons) as JSON. */
  result: string;
  /** The act this one superseded, if any. */
  supersedes: string | null;
  ledger_event_id: string;
  ledger_index: number;
  issued_at: string;
  actor: string;
}

export interface ActSignatureTable {
  act_id: string;
  seq: number;
  /** `plant` (the ledger key) or `signatory`. */
  signer_kind: string;
  signer_name: string;
  key_id: string;
  /** Raw Ed25519 public key the signature verifies with, base64. */
  public_key: string;
  /** Ed25519 signature over the document's exact bytes, base64. */
  signature: string;
  signed_at: string;
}

// A type alias (not an interface) so that Kysely's `withTables` accepts it.
export type CommissioningTables = {
  signatories: SignatoryTable;
  acceptance_tests: AcceptanceTestTable;
  acceptance_acts: AcceptanceActTable;
  act_signatures: ActSignatureTable;
};
