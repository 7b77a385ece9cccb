/**
 * The tree head kept as a compact frontier: the roots of the perfect subtrees along the right
 * edge of the tree (one per set bit of the size, largest first). Appending a leaf is O(log n)
 * amortised O(1) hashing, the root is a fold of at most log n hashes, and the whole head is a few
 * hundred bytes that can be stored beside the log and restored on start.
 *
 * A node is named by its `level` (0 = leaf, height above the leaves) and its `index` at that
 * level: it covers leaves `[index * 2^level, (index + 1) * 2^level)`.
 *
 * @example
 * const head = Frontier.empty();
 * head.append(hashLeaf(bytes), (node) => saveNode(node));
 * const root = head.root();
 */
import { ValidationError } from '../../domain/errors.ts';
import { EMPTY_ROOT, HASH_SIZE, fromBase64, hashChildren, toBase64, type Hash } from './hash.ts';

/** A perfect subtree's position. */
export interface NodeKey {
  readonly level: number;
  readonly index: number;
}

/** A perfect subtree's position and hash. */
export interface TreeNode extends NodeKey {
  readonly hash: Hash;
}

/** The frontier as stored: size and base64 node hashes, largest subtree first. */
export interface FrontierSnapshot {
  readonly size: number;
  readonly nodes: readonly string[];
}

/** The perfect subtrees along the right edge of a tree of `size` leaves, largest first. */
export function frontierKeys(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level -= 1) {
    const width = 2 ** level;
    if (size - start >= width) {
      keys.push({ level, index: start / width });
      start += width;
    }
  }
  return keys;
}

export class Frontier {
  private count: number;
  private readonly nodes: Hash[];

  private constructor(size: number, nodes: Hash[]) {
    this.count = size;
    this.nodes = nodes;
  }

  static empty(): Frontier {
    return new Frontier(0, []);
  }

  /** A frontier from its stored form, refused when the node count does not fit the size. */
  static restore(snapshot: FrontierSnapshot): Frontier {
    const want = frontierKeys(snapshot.size).length;
    const nodes = snapshot.nodes.map(fromBase64);
    if (!Number.isSafeInteger(snapshot.size) || snapshot.size < 0 || nodes.length !== want) {
      throw new ValidationError(
        'ledger.frontier',
        `frontier: size ${snapshot.size} needs ${want} nodes, got ${nodes.length}`,
        [
          {
            path: 'frontier.nodes',
            problem: `size ${snapshot.size} needs ${want} nodes, got ${nodes.length}`,
          },
        ],
      );
    }
    const bad = nodes.findIndex((n) => n.length !== HASH_SIZE);
    if (bad >= 0) {
      throw new ValidationError('ledger.frontier', `frontier.nodes[${bad}]: not a ${HASH_SIZE}-byte hash`, [
        { path: `frontier.nodes[${bad}]`, problem: `not a ${HASH_SIZE}-byte hash` },
      ]);
    }
    return new Frontier(snapshot.size, nodes);
  }

  /** A frontier from its perfect-subtree hashes (as `frontierKeys(size)` names them). */
  static fromNodes(size: number, nodes: readonly Hash[]): Frontier {
    return Frontier.restore({ size, nodes: nodes.map(toBase64) });
  }

  /** Number of leaves. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds one leaf. `onNode` receives every perfect interior node this completes (level ≥ 1),
   * lowest first, for a store that keeps them to answer proofs.
   */
  append(leafHash: Hash, onNode?: (node: TreeNode) => void): void {
    let hash = leafHash;
    let index = this.count;
    let level = 0;
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    let rest = this.count;
    while (rest % 2 === 1) {
      const left = this.nodes.pop() as Hash;
      hash = hashChildren(left, hash);
      level += 1;
      index = Math.floor(index / 2);
      onNode?.({ level, index, hash });
      rest = Math.floor(rest / 2);
    }
    this.nodes.push(hash);
    this.count += 1;
  }

  /**
   * Adds a whole perfect subtree of 2^level leaves, given its root; the tree's size must be a
   * multiple of 2^level. For building a tree from subtrees hashed elsewhere (worker threads).
   */
  appendSubtree(level: number, subtreeRoot: Hash, onNode?: (node: TreeNode) => void): void {
    const width = 2 ** level;
    if (this.count % width !== 0) {
      throw new ValidationError('ledger.frontier', `cannot add 2^${level} leaves at size ${this.count}`, [
        { path: 'level', problem: `size ${this.count} is not a multiple of ${width}` },
      ]);
    }
    let hash = subtreeRoot;
    let rest = this.count / width;
    let index = rest;
    let at = level;
    while (rest % 2 === 1) {
      hash = hashChildren(this.nodes.pop() as Hash, hash);
      at += 1;
      index = Math.floor(index / 2);
      onNode?.({ level: at, index, hash });
      rest = Math.floor(rest / 2);
    }
    this.nodes.push(hash);
    this.count += width;
  }

  /** The tree's root hash (RFC 9162 MTH). */
  root(): Hash {
    let hash = this.nodes[this.nodes.length - 1];
    if (hash === undefined) return EMPTY_ROOT;
    for (let i = this.nodes.length - 2; i >= 0; i -= 1) hash = hashChildren(this.nodes[i] as Hash, hash);
    return hash;
  }

  /** The perfect subtrees on the right edge, largest first, with their positions. */
  edge(): TreeNode[] {
    return frontierKeys(this.count).map((key, i) => ({ ...key, hash: this.nodes[i] as Hash }));
  }

  snapshot(): FrontierSnapshot {
    return { size: this.count, nodes: this.nodes.map(toBase64) };
  }

  clone(): Frontier {
    return new Frontier(this.count, [...this.nodes]);
  }
}
