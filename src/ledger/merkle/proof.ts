/**
 * Generation of RFC 9162 inclusion and consistency proofs, and of the root of any earlier size,
 * from stored perfect-subtree hashes. Every hash a proof needs is the root of a range of leaves
 * that splits into at most log n perfect subtrees; the plan is worked out first (pure), the
 * hashes fetched in one call to the `NodeReader`, then folded.
 *
 * @example
 * const proof = await inclusionProof(store, 41, 100);
 * verifyInclusion({ index: 41, size: 100, leafHash, proof, root }); // { ok: true }
 */
import { ValidationError } from '../../domain/errors.ts';
import type { NodeKey } from './frontier.ts';
import { EMPTY_ROOT, hashChildren, splitPoint, type Hash } from './hash.ts';

/**
 * Where the hashes of perfect subtrees come from: level 0 is the leaf hashes; a store may keep
 * every level or compute higher ones from lower ones. Answers in the order asked.
 */
export interface NodeReader {
  nodes(keys: readonly NodeKey[]): Promise<Hash[]>;
}

/** A half-open range of leaf indexes `[start, end)`. */
export type LeafRange = readonly [start: number, end: number];

/** The perfect subtrees that make up a range of the RFC 9162 split, left to right. */
export function rangeKeys([start, end]: LeafRange): NodeKey[] {
  const keys: NodeKey[] = [];
  let at = start;
  while (at < end) {
    let width = 1;
    while (width * 2 <= end - at && at % (width * 2) === 0) width *= 2;
    keys.push({ level: Math.log2(width), index: at / width });
    at += width;
  }
  return keys;
}

/** The ranges whose roots make the inclusion proof of leaf `index` in a tree of `size`, leaf end first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  checkIndex(index, size);
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index - lo < k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  return ranges.reverse();
}

/** The ranges whose roots make the consistency proof from `size1` to `size2` (RFC 9162 SUBPROOF). */
export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size1 > size2) {
    throw new ValidationError('ledger.proof_sizes', `size1: must be 1..${size2}, got ${size1}`, [
      { path: 'size1', problem: `must be 1..${size2}, got ${size1}` },
    ]);
  }
  const ranges: LeafRange[] = [];
  let lo = 0;
  let hi = size2;
  let m = size1;
  let whole = true;
  for (;;) {
    if (m === hi - lo) {
      if (!whole) ranges.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      m -= k;
      lo += k;
      whole = false;
    }
  }
  return ranges.reverse();
}

/** Fetches the hashes behind each range and folds each to its root (RFC 9162 MTH of the range). */
export async function rangeRoots(reader: NodeReader, ranges: readonly LeafRange[]): Promise<Hash[]> {
  const plans = ranges.map(rangeKeys);
  const unique = new Map<string, NodeKey>();
  for (const key of plans.flat()) unique.set(`${key.level}/${key.index}`, key);
  const keys = [...unique.values()];
  const hashes = await reader.nodes(keys);
  const byKey = new Map(keys.map((key, i) => [`${key.level}/${key.index}`, hashes[i]]));
  return plans.map((plan) => {
    const parts = plan.map((key) => {
      const hash = byKey.get(`${key.level}/${key.index}`);
      if (hash === undefined) throw new Error(`node ${key.level}/${key.index} was not returned`);
      return hash;
    });
    let hash = parts[parts.length - 1] as Hash;
    for (let i = parts.length - 2; i >= 0; i -= 1) hash = hashChildren(parts[i] as Hash, hash);
    return hash;
  });
}

/** The inclusion proof (audit path) of leaf `index` in the tree of `size`. */
export async function inclusionProof(reader: NodeReader, index: number, size: number): Promise<Hash[]> {
  return rangeRoots(reader, inclusionRanges(index, size));
}

/** The consistency proof that the tree of `size1` is a prefix of the tree of `size2`. */
export async function consistencyProof(reader: NodeReader, size1: number, size2: number): Promise<Hash[]> {
  if (size1 === size2) return [];
  return rangeRoots(reader, consistencyRanges(size1, size2));
}

/** The root hash of the tree as it was at `size` leaves. */
export async function rootAt(reader: NodeReader, size: number): Promise<Hash> {
  if (size === 0) return EMPTY_ROOT;
  const [root] = await rangeRoots(reader, [[0, size]]);
  return root as Hash;
}

function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new ValidationError('ledger.proof_index', `index: must be 0..${size - 1}, got ${index}`, [
      { path: 'index', problem: `must be 0..${size - 1}, got ${index}` },
    ]);
  }
}
