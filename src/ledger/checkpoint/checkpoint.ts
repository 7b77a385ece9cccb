/**
 * Tree-head checkpoints in the C2SP tlog-checkpoint form (https://c2sp.org/tlog-checkpoint),
 * signed as C2SP signed notes. The body is three lines (origin, decimal tree size, base64 root
 * hash) and optional extension lines; a witness that keeps two checkpoints of the same origin can
 * ask for a consistency proof between them.
 *
 * @example
 * const note = signCheckpoint({ origin: 'headstamp.example/plant-1', size: 42, rootHash: root }, [signer]);
 * const checkpoint = openCheckpoint(note, [verifier]); // { origin, size, rootHash, ... }
 */
import { ValidationError } from '../../domain/errors.ts';
import { HASH_SIZE, fromBase64, toBase64, type Hash } from '../merkle/hash.ts';
import { openNote, signNote, type NoteSigner, type NoteVerifier } from './note.ts';

export interface Checkpoint {
  /** Names the log: a schema-less URL such as `headstamp.example/plant-1/ledger`. */
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Hash;
  /** Extra body lines, as the format allows (none of ours yet). */
  readonly extensions?: readonly string[];
}

/** A checkpoint whose signature was checked, with the names of the keys that signed it. */
export interface VerifiedCheckpoint extends Checkpoint {
  readonly verifiedBy: readonly string[];
  /** The whole signed note, as received. */
  readonly note: string;
}

const invalid = (path: string, problem: string): ValidationError =>
  new ValidationError('ledger.checkpoint', `${path}: ${problem}`, [{ path, problem }]);

/** The note text of a checkpoint. */
export function checkpointBody(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  if (origin.length === 0 || origin.includes('\n')) throw invalid('origin', 'must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0)
    throw invalid('size', `must be a whole number ≥ 0, got ${size}`);
  if (rootHash.length !== HASH_SIZE) throw invalid('rootHash', `must be ${HASH_SIZE} bytes`);
  for (const [i, line] of extensions.entries()) {
    if (line.length === 0 || line.includes('\n'))
      throw invalid(`extensions[${i}]`, 'must be one non-empty line');
  }
  return [origin, String(size), toBase64(rootHash), ...extensions].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint body (the note text), refusing anything not in the exact form. */
export function parseCheckpointBody(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.pop() !== '') throw invalid('checkpoint', 'must end with a newline');
  const [origin, size, root, ...extensions] = lines;
  if (origin === undefined || origin === '') throw invalid('checkpoint.origin', 'missing');
  if (size === undefined || !/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw invalid('checkpoint.size', `not a decimal tree size: '${size ?? ''}'`);
  }
  if (root === undefined || !/^[A-Za-z0-9+/]{43}=$/.test(root)) {
    throw invalid('checkpoint.rootHash', `not a base64 ${HASH_SIZE}-byte hash: '${root ?? ''}'`);
  }
  if (extensions.some((l) => l === '')) throw invalid('checkpoint.extensions', 'blank line in the body');
  return { origin, size: Number(size), rootHash: fromBase64(root), extensions };
}

/** The signed checkpoint note. */
export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(checkpointBody(checkpoint), signers);
}

/**
 * A checkpoint whose note carries a valid signature of at least one of `verifiers` (and, when
 * `origin` is given, names that log). Anything else is refused with the reason.
 */
export function openCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): VerifiedCheckpoint {
  const opened = openNote(note, verifiers);
  const checkpoint = parseCheckpointBody(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw invalid('checkpoint.origin', `is '${checkpoint.origin}', expected '${origin}'`);
  }
  return { ...checkpoint, verifiedBy: opened.verifiedBy, note };
}
