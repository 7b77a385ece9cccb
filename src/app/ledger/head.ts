import { toBase64 } from '../../ledger/merkle/hash.ts';
import type { AppContext } from '../context.ts';
import { ledgerOrigin } from './checkpoint.ts';
import { ledgerRecords } from './records.ts';
import { requireRole, staffRoles, type Actor } from './roles.ts';

/** One signed checkpoint as the records keep it (the note itself is for witnesses, not listed). */
export interface CheckpointSummary {
  readonly size: number;
  readonly rootHash: string;
  readonly keyId: string;
  readonly signedAt: string;
  readonly actor: string;
}

/** The ledger as it stands: its origin, tree head and every signed checkpoint, newest first. */
export interface LedgerHead {
  readonly origin: string;
  readonly size: number;
  /** Base64, as checkpoints and proofs write it. */
  readonly rootHash: string;
  readonly updatedAt: string | null;
  readonly checkpoints: readonly CheckpointSummary[];
}

/**
 * Reads the ledger's tree head and checkpoints without verifying anything (verification reads
 * every event; this reads two small tables, so a dashboard can show it on every visit).
 *
 * @example
 * const head = await ledgerHead(app, auditor);
 * head.size; // 18234
 */
export async function ledgerHead(app: AppContext, actor: Actor): Promise<LedgerHead> {
  requireRole(actor, staffRoles, 'read the ledger head');
  const records = ledgerRecords(app.store);
  const head = await records.treeHead();
  const checkpoints = await records.checkpoints();
  return {
    origin: await ledgerOrigin(app.store),
    size: head.size,
    rootHash: toBase64(head.rootHash),
    updatedAt: head.updatedAt,
    checkpoints: checkpoints
      .map(({ size, rootHash, keyId, signedAt, actor: by }) => ({
        size,
        rootHash,
        keyId,
        signedAt,
        actor: by,
      }))
      .reverse(),
  };
}
