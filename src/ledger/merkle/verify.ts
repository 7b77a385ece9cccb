/**
 * Verification of RFC 9162 inclusion and consistency proofs, following the RFC's algorithms
 * (sections 2.1.3.2 and 2.1.4.2) step by step. Each returns `{ ok: true }` or `{ ok: false, why }`
 * rather than throwing: a failed proof is an answer, not an accident.
 *
 * Sizes and indexes are JavaScript numbers (exact up to 2^53, far beyond any plant's ledger), and
 * shifts are done with arithmetic, because `>>` would cut them to 32 bits.
 *
 * @example
 * const result = verifyInclusion({ index: 2, size: 3, leafHash, proof, root });
 * if (!result.ok) console.error(result.why);
 */
import { HASH_SIZE, hashChildren, isPowerOfTwo, sameHash, type Hash } from './hash.ts';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

const ok: Verdict = { ok: true };
const fail = (why: string): Verdict => ({ ok: false, why });

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const half = (n: number): number => Math.floor(n / 2);
const odd = (n: number): boolean => n % 2 === 1;

function badHashes(named: Record<string, Uint8Array>, proof: readonly Uint8Array[]): string | undefined {
  for (const [name, hash] of Object.entries(named)) {
    if (hash.length !== HASH_SIZE) return `${name} is ${hash.length} bytes, not ${HASH_SIZE}`;
  }
  const i = proof.findIndex((p) => p.length !== HASH_SIZE);
  return i >= 0 ? `proof[${i}] is ${proof[i]?.length} bytes, not ${HASH_SIZE}` : undefined;
}

/** Does `proof` show that `leafHash` is entry `index` of the tree of `size` with `root`? */
export function verifyInclusion(input: {
  index: number;
  size: number;
  leafHash: Hash;
  proof: readonly Hash[];
  root: Hash;
}): Verdict {
  const { index, size, leafHash, proof, root } = input;
  if (!isCount(index) || !isCount(size)) return fail('index and size must be whole numbers ≥ 0');
  if (index >= size) return fail(`index ${index} is not below tree size ${size}`);
  const bad = badHashes({ leafHash, root }, proof);
  if (bad !== undefined) return fail(bad);
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('proof is longer than the path to the root');
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('proof is shorter than the path to the root');
  return sameHash(r, root) ? ok : fail('computed root does not match the given root');
}

/** Does `proof` show that the tree of `size1` with `root1` is a prefix of the one of `size2` with `root2`? */
export function verifyConsistency(input: {
  size1: number;
  size2: number;
  root1: Hash;
  root2: Hash;
  proof: readonly Hash[];
}): Verdict {
  const { size1, size2, root1, root2, proof } = input;
  if (!isCount(size1) || !isCount(size2)) return fail('sizes must be whole numbers ≥ 0');
  if (size1 > size2) return fail(`size1 ${size1} is greater than size2 ${size2}`);
  if (size1 === size2) {
    // Same size: the same tree exactly when the roots are the same bytes, whatever they are.
    if (proof.length > 0) return fail('sizes are equal, so the proof must be empty');
    if (size1 === 0) return fail('both trees are empty: nothing to prove');
    return sameHash(root1, root2) ? ok : fail('sizes are equal but the roots differ');
  }
  // Every tree extends the empty one; a proof of it proves nothing, so it is refused as RFC 9162 does.
  if (size1 === 0) return fail('a consistency proof from the empty tree is meaningless');
  if (proof.length === 0) return fail('proof is empty');
  const bad = badHashes({ root1, root2 }, proof);
  if (bad !== undefined) return fail(bad);

  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('proof is longer than needed');
    if (odd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('proof is shorter than needed');
  if (!sameHash(fr, root1)) return fail('proof does not lead to root1');
  if (!sameHash(sr, root2)) return fail('proof does not lead to root2');
  return ok;
}
