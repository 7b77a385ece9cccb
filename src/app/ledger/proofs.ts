import { ValidationError } from '../../domain/errors.ts';
import { EMPTY_ROOT, toBase64, type Hash } from '../../ledger/merkle/hash.ts';
import { consistencyProof, inclusionProof, rootAt, type NodeReader } from '../../ledger/merkle/proof.ts';
import { ledgerRepository } from '../../store/repositories/ledger.ts';
import { verifyConsistency, verifyInclusion } from '../../ledger/merkle/verify.ts';
import { ConflictError } from '../../domain/errors.ts';
import type { AppContext } from '../context.ts';
import { ledgerRecords, storedNodes } from './records.ts';
import { requireRole, staffRoles, type Actor } from './roles.ts';

/** An inclusion proof, with what a witness needs to check it against a checkpoint. */
export interface InclusionProofAnswer {
  readonly index: number;
  readonly size: number;
  readonly eventID: string;
  readonly leafHash: string;
  readonly rootHash: string;
  readonly proof: readonly string[];
  /** The stored checkpoint note of this size, when there is one. */
  readonly checkpoint: string | null;
}

/** A consistency proof between two sizes of the ledger. */
export interface ConsistencyProofAnswer {
  readonly size1: number;
  readonly size2: number;
  readonly root1: string;
  readonly root2: string;
  readonly proof: readonly string[];
  readonly checkpoint: string | null;
}

const invalid = (path: string, problem: string): ValidationError =>
  new ValidationError('ledger.proof', `${path}: ${problem}`, [{ path, problem }]);

/**
 * The RFC 9162 inclusion proof of event `index` in the ledger of `size` events (default: as it
 * stands, or the latest checkpoint's size when one covers the event). The proof is checked
 * against the root before it is returned, so a damaged tree node cannot go out unnoticed.
 *
 * @example
 * const answer = await ledgerInclusionProof(app, auditor, { index: 41 });
 */
export async function ledgerInclusionProof(
  app: AppContext,
  actor: Actor,
  options: { index: number; size?: number },
): Promise<InclusionProofAnswer> {
  requireRole(actor, staffRoles, 'read ledger proofs');
  // The proof's reads go through the ledger's hot-path repository: tree head, eventID, one
  // statement for every node, the checkpoint's note (prepared statements on SQLite).
  const repository = ledgerRepository(app.store);
  const stored = await repository.head();
  const head = {
    size: stored?.size ?? 0,
    rootHash: stored === undefined ? EMPTY_ROOT : new Uint8Array(Buffer.from(stored.rootHex, 'hex')),
  };
  const size = options.size ?? head.size;
  if (!Number.isSafeInteger(options.index) || options.index < 0 || options.index >= size) {
    throw invalid('index', `must be 0..${size - 1}, got ${options.index}`);
  }
  if (size > head.size) throw invalid('size', `the ledger holds ${head.size} events, asked for ${size}`);
  const reader = storedNodes(app.store);
  const eventID = await repository.eventIdAt(options.index);
  if (eventID === undefined)
    throw new ConflictError('ledger.event_missing', `no event is stored at index ${options.index}`);
  // The leaf's own hash is fetched with the proof's nodes: one read for the whole proof.
  let leafHash: Hash | undefined;
  const withLeaf: NodeReader = {
    async nodes(keys) {
      const [leaf, ...rest] = await reader.nodes([{ level: 0, index: options.index }, ...keys]);
      leafHash = leaf;
      return rest;
    },
  };
  const proof = await inclusionProof(withLeaf, options.index, size);
  if (leafHash === undefined) throw new ConflictError('ledger.event_missing', `no leaf at ${options.index}`);
  const root = size === head.size ? head.rootHash : await rootAt(reader, size);
  const verdict = verifyInclusion({ index: options.index, size, leafHash, proof, root });
  if (!verdict.ok)
    throw new ConflictError(
      'ledger.proof_failed',
      `the stored tree does not prove event ${options.index}: ${verdict.why}; run headstamp ledger verify`,
    );
  const checkpoint = await repository.checkpointNote(size);
  return {
    index: options.index,
    size,
    eventID,
    leafHash: toBase64(leafHash),
    rootHash: toBase64(root),
    proof: proof.map(toBase64),
    checkpoint: checkpoint ?? null,
  };
}

/**
 * The RFC 9162 consistency proof that the ledger at `from` events is a prefix of the ledger at
 * `to` events (default: as it stands). Checked before it is returned.
 *
 * @example
 * const answer = await ledgerConsistencyProof(app, auditor, { from: 1000 });
 */
export async function ledgerConsistencyProof(
  app: AppContext,
  actor: Actor,
  options: { from: number; to?: number },
): Promise<ConsistencyProofAnswer> {
  requireRole(actor, staffRoles, 'read ledger proofs');
  const records = ledgerRecords(app.store);
  const head = await records.treeHead();
  const size2 = options.to ?? head.size;
  if (size2 > head.size) throw invalid('to', `the ledger holds ${head.size} events, asked for ${size2}`);
  if (!Number.isSafeInteger(options.from) || options.from < 1 || options.from > size2) {
    throw invalid('from', `must be 1..${size2}, got ${options.from}`);
  }
  const reader = storedNodes(app.store);
  const proof = await consistencyProof(reader, options.from, size2);
  const root1 = await rootAt(reader, options.from);
  const root2 = size2 === head.size ? head.rootHash : await rootAt(reader, size2);
  const verdict = verifyConsistency({ size1: options.from, size2, root1, root2, proof });
  if (!verdict.ok && options.from !== size2) {
    throw new ConflictError(
      'ledger.proof_failed',
      `the stored tree does not prove consistency: ${verdict.why}; run headstamp ledger verify`,
    );
  }
  return {
    size1: options.from,
    size2,
    root1: toBase64(root1),
    root2: toBase64(root2),
    proof: proof.map(toBase64),
    checkpoint: (await records.checkpointOfSize(size2))?.note ?? null,
  };
}
