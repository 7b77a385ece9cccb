/**
 * RFC 9162 (Certificate Transparency v2) Merkle tree hashing with SHA-256:
 * leaf = SHA-256(0x00 || data), interior node = SHA-256(0x01 || left || right), and the hash of
 * the empty tree is SHA-256 of nothing. Domain separation (0x00 / 0x01) keeps a leaf from ever
 * passing for a node.
 *
 * @example
 * const leaf = hashLeaf(new TextEncoder().encode('{"a":1}'));
 * const root = hashChildren(leaf, leaf);
 */
import { createHash, hash as digest } from 'node:crypto';

/** A 32-byte SHA-256 digest. */
export type Hash = Uint8Array;

export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

/** The hash of the empty tree (size 0). */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** The leaf hash of one entry's data. */
export function hashLeaf(data: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

// One reused input buffer for interior nodes: the one-shot digest of 65 bytes costs less than a
// streaming hash object. Safe because JavaScript runs one call at a time per thread.
const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_SIZE, 1);

/** The hash of an interior node from its two children. */
export function hashChildren(left: Hash, right: Hash): Hash {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  }
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 1 + HASH_SIZE);
  return digest('sha256', NODE_INPUT, 'buffer');
}

/**
 * The root of a perfect subtree from its leaf hashes packed one after another (32 bytes each;
 * `count` a power of two). Hashed level by level in one scratch buffer, in place: no object is
 * kept per node, so a block of thousands of leaves leaves nothing behind for the collector.
 *
 * @example
 * perfectRoot(packed, 4); // hashChildren(hashChildren(l0, l1), hashChildren(l2, l3))
 */
export function perfectRoot(leaves: Uint8Array, count: number): Hash {
  if (!isPowerOfTwo(count) || leaves.length < count * HASH_SIZE) {
    throw new RangeError(`count: must be a power of two with as many leaves given, got ${count}`);
  }
  const level = Buffer.from(leaves.subarray(0, count * HASH_SIZE));
  for (let width = count; width > 1; width /= 2) {
    for (let i = 0; i < width; i += 2) {
      level.copy(NODE_INPUT, 1, i * HASH_SIZE, (i + 2) * HASH_SIZE);
      level.set(digest('sha256', NODE_INPUT, 'buffer'), (i / 2) * HASH_SIZE);
    }
  }
  return new Uint8Array(level.subarray(0, HASH_SIZE));
}

/** Byte-wise equality of two hashes (lengths included). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function toBase64(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('base64');
}

export function toHex(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex');
}

export function fromBase64(text: string): Hash {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** The largest power of two strictly less than `n` (n ≥ 2): RFC 9162's split point `k`. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when n is a power of two (1, 2, 4, ...). */
export function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}
