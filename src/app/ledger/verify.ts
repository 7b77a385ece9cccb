import { availableParallelism } from 'node:os';
import type { Checkpoint } from '../../ledger/checkpoint/checkpoint.ts';
import { openCheckpoint } from '../../ledger/checkpoint/checkpoint.ts';
import type { CheckDepth, LedgerProblem } from '../../ledger/entry.ts';
import { Frontier, frontierKeys } from '../../ledger/merkle/frontier.ts';
import { sameHash, toBase64 } from '../../ledger/merkle/hash.ts';
import { verifyLogParallel } from '../../ledger/parallel/verify-parallel.ts';
import { verifyLog, type LogAnchors, type LogVerification } from '../../ledger/verify-log.ts';
import { isHeadstampError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { SQLITE_RANGE_SOURCE } from '../../store/sqlite/ledger-range-source.ts';
import { requireRole, staffRoles, type Actor } from './roles.ts';
import type { AppContext } from '../context.ts';
import { ledgerOrigin } from './checkpoint.ts';
import { ledgerVerifiers } from './keys.ts';
import { ledgerRecords, storedNodes } from './records.ts';
import { withTransaction } from '../transaction.ts';

/** The answer of `headstamp ledger verify`. */
export interface LedgerVerification extends LogVerification {
  /** Stored checkpoints whose signature or contents are wrong (each one is a problem). */
  readonly checkpointFaults: readonly string[];
  /** Signed checkpoints the log was compared with (stored ones, and the witness's). */
  readonly checkpointsChecked: number;
  /** The tree head the records hold. */
  readonly treeHead: { readonly size: number; readonly rootHash: string };
  /** Index of the first event read: 0, or the size of the checkpoint verified from. */
  readonly from: number;
  /** Worker threads that read and checked the events (1: the command's own thread). */
  readonly threads: number;
}

/** How `verifyLedger` reads: from the start or from the last checkpoint, on how many threads. */
export interface VerifyOptions {
  /** A witness's signed checkpoint note the log must extend. */
  readonly against?: string;
  /** `full` (default) or `hashes` (`verify --quick`): see `CheckDepth`. */
  readonly depth?: CheckDepth;
  /**
   * `checkpoint`: read only the events after the latest stored checkpoint whose signature holds;
   * the tree before it comes from the stored nodes, which must hash to that checkpoint's root.
   */
  readonly since?: 'start' | 'checkpoint';
  /** Worker threads for a whole-log verification of a SQLite file (default: cores, at most 4). */
  readonly threads?: number;
  /** Fewest events for which worker threads are worth starting (default 50,000). */
  readonly parallelFrom?: number;
  /** Events per worker job as a power of two (default 2^14). */
  readonly blockLevel?: number;
}

/**
 * Verifies the whole ledger: every stored event (canonical bytes, index, columns, leaf hash),
 * the sequence, the Merkle tree against the stored tree head and every stored checkpoint whose
 * signature holds, and, with `against`, against a checkpoint a witness kept. Names the first
 * altered, missing or reordered event. `depth: 'hashes'` skips parsing each event (columns other
 * than the eventID unchecked; see `CheckDepth`); `since: 'checkpoint'` reads only the events
 * after the last signed checkpoint. Anyone but a consignee may verify.
 *
 * @example
 * const result = await verifyLedger(app, auditor, { against: readFileSync('witness.note', 'utf8') });
 * if (!result.ok) console.error(result.problem);
 */
export async function verifyLedger(
  app: AppContext,
  actor: Actor,
  options: VerifyOptions = {},
): Promise<LedgerVerification> {
  requireRole(actor, staffRoles, 'verify the ledger');
  return verifyLedgerRecords(app.store, options);
}

/**
 * `verifyLedger` without the role check, for the records' own upkeep (a backup is verified
 * before it is restored: see `restoreRecords`).
 *
 * @example
 * const result = await verifyLedgerRecords(backupStore, {});
 */
export async function verifyLedgerRecords(
  store: Store,
  options: VerifyOptions = {},
): Promise<LedgerVerification> {
  const records = ledgerRecords(store);
  const verifiers = await ledgerVerifiers(store);
  const origin = await ledgerOrigin(store);
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
  // The tree head and how far the events go, read together: on SQLite in one transaction, so an
  // append landing between the two reads cannot pass for an extra or a missing event. (Appends
  // write events and head in one transaction; rows below the size never change.)
  const [head, storedSize] =
    store.native.dialect === 'sqlite'
      ? await withTransaction(store, async (tx) => {
          const r = ledgerRecords(tx);
          return [await r.treeHead(), await r.storedSize()] as const;
        })
      : [await records.treeHead(), await records.storedSize()];
  const depth = options.depth ?? 'full';
  const anchors: LogAnchors = { checkpoints, treeHead: { size: head.size, rootHash: head.rootHash }, depth };
  const answer = (result: LogVerification, from: number, threads: number): LedgerVerification => {
    const problem: LedgerProblem | undefined = result.problem;
    return {
      ...result,
      ok: result.ok && faults.length === 0,
      ...(problem === undefined ? {} : { problem }),
      checkpointFaults: faults,
      checkpointsChecked: checkpoints.filter((cp) => cp.size >= from).length,
      treeHead: { size: head.size, rootHash: toBase64(head.rootHash) },
      from,
      threads,
    };
  };

  if (options.since === 'checkpoint') {
    const latest = checkpoints.filter((cp) => cp.size <= head.size).at(-1);
    if (latest !== undefined && latest.size > 0) {
      // The tree up to the checkpoint from its stored perfect subtrees: a few hashes, not a re-read.
      const keys = frontierKeys(latest.size);
      const start = Frontier.fromNodes(latest.size, await storedNodes(store).nodes(keys));
      if (!sameHash(start.root(), latest.rootHash)) {
        const problem: LedgerProblem = {
          kind: 'root_mismatch',
          index: 0,
          what: `the stored tree nodes of the first ${latest.size} events do not hash to the root signed in the checkpoint of size ${latest.size}: run a whole verification`,
        };
        return answer(
          { ok: false, size: latest.size, rootHash: toBase64(start.root()), checkpointsMatched: 0, problem },
          latest.size,
          1,
        );
      }
      const result = await verifyLog(records.entriesFrom(latest.size, 5000, storedSize), {
        ...anchors,
        start,
      });
      return answer(result, latest.size, 1);
    }
  }

  const size = storedSize;
  const threads = Math.max(1, options.threads ?? Math.min(availableParallelism(), 4));
  const file =
    store.native.dialect === 'sqlite' && store.location !== ':memory:' ? store.location : undefined;
  if (file !== undefined && threads > 1 && size >= (options.parallelFrom ?? 50_000)) {
    // Each worker opens the file read-only and reads its own index ranges.
    const source = { module: SQLITE_RANGE_SOURCE, config: { file }, size };
    const parallel = {
      threads,
      ...(options.blockLevel === undefined ? {} : { blockLevel: options.blockLevel }),
    };
    return answer(await verifyLogParallel(source, anchors, parallel), 0, threads);
  }
  return answer(await verifyLog(records.allEntries(5000, size), anchors), 0, 1);
}
