import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Frontier, frontierKeys } from './frontier.ts';
import {
  EMPTY_ROOT,
  hashChildren,
  hashLeaf,
  perfectRoot,
  sameHash,
  splitPoint,
  toHex,
  type Hash,
} from './hash.ts';
import { MemoryTree } from './memory-tree.ts';
import { consistencyProof, inclusionProof, rootAt } from './proof.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

// RFC 9162 MTH written straight from its recursive definition, as the reference.
function referenceRoot(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0] as Hash;
  const k = splitPoint(leaves.length);
  return hashChildren(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leafOf = (i: number): Hash => hashLeaf(new TextEncoder().encode(`entry ${i}`));

function treeOf(size: number): { tree: MemoryTree; leaves: Hash[] } {
  const tree = new MemoryTree();
  const leaves = Array.from({ length: size }, (_, i) => leafOf(i));
  for (const leaf of leaves) tree.append(leaf);
  return { tree, leaves };
}

describe('Merkle tree', () => {
  it('gives a perfect subtree the reference root from its packed leaf hashes', () => {
    for (const size of [1, 2, 4, 8, 1024]) {
      const leaves = Array.from({ length: size }, (_, i) => leafOf(i));
      const packed = new Uint8Array(size * 32);
      leaves.forEach((leaf, i) => packed.set(leaf, i * 32));
      expect(toHex(perfectRoot(packed, size))).toBe(toHex(referenceRoot(leaves)));
      // The packed leaves are read, not changed.
      expect(toHex(packed.subarray(0, 32))).toBe(toHex(leaves[0] as Hash));
    }
    expect(() => perfectRoot(new Uint8Array(96), 3)).toThrow(/power of two/);
    expect(() => perfectRoot(new Uint8Array(32), 2)).toThrow(/power of two/);
  });

  it('matches the RFC 6962 reference root of the 8-leaf test tree', () => {
    // Leaves of the CT test tree: "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162...6f
    const data = [
      '',
      '00',
      '10',
      '2021',
      '3031',
      '40414243',
      '5051525354555657',
      '606162636465666768696a6b6c6d6e6f',
    ];
    const tree = new MemoryTree();
    for (const hex of data) tree.append(hashLeaf(Buffer.from(hex, 'hex')));
    expect(toHex(tree.root())).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
  });

  it('the frontier root equals the recursive definition for every size up to 130', () => {
    const tree = new MemoryTree();
    const leaves: Hash[] = [];
    expect(sameHash(tree.root(), EMPTY_ROOT)).toBe(true);
    for (let i = 0; i < 130; i += 1) {
      leaves.push(leafOf(i));
      tree.append(leafOf(i));
      expect(toHex(tree.root())).toBe(toHex(referenceRoot(leaves)));
      expect(tree.head.edge().length).toBe(frontierKeys(i + 1).length);
    }
  });

  it('a restored frontier carries on as if never stored', () => {
    const { tree } = treeOf(37);
    const restored = Frontier.restore(tree.head.snapshot());
    restored.append(leafOf(37));
    tree.append(leafOf(37));
    expect(toHex(restored.root())).toBe(toHex(tree.root()));
    expect(() => Frontier.restore({ size: 37, nodes: [] })).toThrow(/needs 3 nodes/);
  });

  it('the root of every earlier size comes back from stored nodes', async () => {
    const { tree, leaves } = treeOf(70);
    for (let size = 0; size <= 70; size += 1) {
      expect(toHex(await rootAt(tree, size))).toBe(toHex(referenceRoot(leaves.slice(0, size))));
    }
  });

  it('inclusion proofs of every leaf of every size up to 40 verify, and fail for another leaf', async () => {
    const { tree, leaves } = treeOf(40);
    for (let size = 1; size <= 40; size += 1) {
      const root = referenceRoot(leaves.slice(0, size));
      for (let index = 0; index < size; index += 1) {
        const proof = await inclusionProof(tree, index, size);
        const leafHash = leaves[index] as Hash;
        expect(verifyInclusion({ index, size, leafHash, proof, root })).toEqual({ ok: true });
        const other = leaves[(index + 1) % size] as Hash;
        if (size > 1) expect(verifyInclusion({ index, size, leafHash: other, proof, root }).ok).toBe(false);
      }
    }
  });

  it('consistency proofs between any two sizes verify (property)', async () => {
    const { tree, leaves } = treeOf(300);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), async (a, b) => {
        const [size1, size2] = a <= b ? [a, b] : [b, a];
        const proof = await consistencyProof(tree, size1, size2);
        const root1 = referenceRoot(leaves.slice(0, size1));
        const root2 = referenceRoot(leaves.slice(0, size2));
        expect(verifyConsistency({ size1, size2, root1, root2, proof })).toEqual({ ok: true });
      }),
      { seed: 9162, numRuns: 200 },
    );
  });

  it('a forked history fails the consistency check', async () => {
    const { tree } = treeOf(20);
    const forked = new MemoryTree();
    for (let i = 0; i < 20; i += 1) forked.append(i === 7 ? leafOf(1000) : leafOf(i));
    const root1 = await rootAt(forked, 12);
    const proof = await consistencyProof(tree, 12, 20);
    const verdict = verifyConsistency({ size1: 12, size2: 20, root1, root2: tree.root(), proof });
    expect(verdict).toEqual({ ok: false, why: 'proof does not lead to root1' });
  });
});
