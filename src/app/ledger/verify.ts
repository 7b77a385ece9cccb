import type { Checkpoint } from '../../ledger/checkpoint/checkpoint.ts';
import { openCheckpoint } from '../../ledger/checkpoint/checkpoint.ts';
import type { CheckDepth, LedgerProblem } from '../../ledger/entry.ts';
import { toBase64 } from '../../ledger/merkle/hash.ts';
import { verifyLog, type LogVerification } from '../../ledger/verify-log.ts';
import { isHeadstampError } from '../../domain/errors.ts';
import { requireRole, staffRoles, type Actor } from './roles.ts';
import type { AppContext } from '../context.ts';
import { ledgerOrigin } from './checkpoint.ts';
import { ledgerVerifiers } from './keys.ts';
import { ledgerRecords } from './records.ts';

/** The answer of `headstamp ledger verify`. */
export interface LedgerVerification extends LogVerification {
  /** Stored checkpoints whose signature or contents are wrong (each one is a problem). */
  readonly checkpointFaults: readonly string[];
  /** Signed checkpoints the log was compared with (stored ones, and the witness's). */
  readonly checkpointsChecked: number;
  /** The tree head the records hold. */
  readonly treeHead: { readonly size: number; readonly rootHash: string };
}

/**
 * Verifies the whole ledger: every stored event (canonical bytes, index, columns, leaf hash),
 * the sequence, the Merkle tree against the stored tree head and every stored checkpoint whose
 * signature holds, and, with `against`, against a checkpoint a witness kept. Names the first
 * altered, missing or reordered event. `depth: 'hashes'` skips parsing each event (columns other
 * than the eventID unchecked; see `CheckDepth`). Anyone but a consignee may verify.
 *
 * @example
 * const result = await verifyLedger(app, auditor, { against: readFileSync('witness.note', 'utf8') });
 * if (!result.ok) console.error(result.problem);
 */
export async function verifyLedger(
  app: AppContext,
  actor: Actor,
  options: { against?: string; depth?: CheckDepth } = {},
): Promise<LedgerVerification> {
  requireRole(actor, staffRoles, 'verify the ledger');
  const records = ledgerRecords(app.store);
  const verifiers = await ledgerVerifiers(app.store);
  const origin = await ledgerOrigin(app.store);
  const faults: string[] = [];
  const checkpoints: Checkpoint[] = [];
  for (const stored of await records.checkpoints()) {
    try {
      const cp = openCheckpoint(stored.note, verifiers, origin);
      if (cp.size !== stored.size || toBase64(cp.rootHash) !== stored.rootHash) {
        faults.push(`checkpoint of size ${stored.size}: its columns differ from its signed note`);
      }
      checkpoints.push(cp);
    } catch (error) {
      faults.push(
        `checkpoint of size ${stored.size}: ${isHeadstampError(error) ? error.message : String(error)}`,
      );
    }
  }
  // A witness's checkpoint that does not verify is bad input: refused with the reason.
  if (options.against !== undefined) checkpoints.push(openCheckpoint(options.against, verifiers, origin));
  const head = await records.treeHead();
  const result = await verifyLog(records.allEntries(), {
    checkpoints,
    treeHead: { size: head.size, rootHash: head.rootHash },
    depth: options.depth ?? 'full',
  });
  const problem: LedgerProblem | undefined = result.problem;
  return {
    ...result,
    ok: result.ok && faults.length === 0,
    ...(problem === undefined ? {} : { problem }),
    checkpointFaults: faults,
    checkpointsChecked: checkpoints.length,
    treeHead: { size: head.size, rootHash: toBase64(head.rootHash) },
  };
}
