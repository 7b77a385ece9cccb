/**
 * A whole Merkle tree in memory: every perfect subtree hash kept by level, in one flat byte
 * array per level (32 bytes a node), so that ten million leaves take ~640 MB and no per-node
 * objects. Answers proofs like a store does; used for checking a batch before it is stored, by
 * tests, and by benchmarks.
 *
 * @example
 * const tree = new MemoryTree();
 * for (const bytes of entries) tree.append(hashLeaf(bytes));
 * const proof = await inclusionProof(tree, 3, tree.size);
 */
import { NotFoundError } from '../../domain/errors.ts';
import { Frontier, type NodeKey } from './frontier.ts';
import { HASH_SIZE, type Hash } from './hash.ts';
import type { NodeReader } from './proof.ts';

class Level {
  bytes = new Uint8Array(HASH_SIZE * 1024);
  count = 0;

  set(index: number, hash: Hash): void {
    if ((index + 1) * HASH_SIZE > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, (index + 1) * HASH_SIZE));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, index * HASH_SIZE);
    this.count = Math.max(this.count, index + 1);
  }

  get(index: number): Hash | undefined {
    return index < this.count ? this.bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE) : undefined;
  }
}

export class MemoryTree implements NodeReader {
  readonly head = Frontier.empty();
  /** `levels[level]`: level 0 holds the leaf hashes. */
  private readonly levels: Level[] = [new Level()];

  get size(): number {
    return this.head.size;
  }

  append(leafHash: Hash): void {
    (this.levels[0] as Level).set(this.head.size, leafHash);
    this.head.append(leafHash, (node) =>
      (this.levels[node.level] ??= new Level()).set(node.index, node.hash),
    );
  }

  root(): Hash {
    return this.head.root();
  }

  node(key: NodeKey): Hash {
    const hash = this.levels[key.level]?.get(key.index);
    if (hash === undefined) {
      throw new NotFoundError('ledger.node', `no tree node at level ${key.level}, index ${key.index}`);
    }
    return hash;
  }

  nodes(keys: readonly NodeKey[]): Promise<Hash[]> {
    return Promise.resolve(keys.map((key) => this.node(key)));
  }
}
