import { placeSequence, type LineModel, type SequencePlan } from './line-plan.ts';
import type { PlanOrder } from './types.ts';

/** Why an order was moved by the improvement, for its placement's reason. */
export interface MoveNote {
  readonly besideOrder: number;
  readonly savedMinutes: number;
}

export interface ImproveOptions {
  /** Passes over all blocks; stops earlier when a pass changes nothing. */
  readonly maxPasses?: number;
  /** Per line, how many leading orders are fixed (already started). */
  readonly pinned?: readonly number[];
}

/**
 * Cuts changeover time by moving runs of one product next to another run of the same product,
 * on the same line or another line that makes it, without ever increasing the total weighted
 * tardiness: a move is kept only if tardiness falls, or stays equal while changeover time falls.
 * Started from the EDD sequences, the result is therefore never later than EDD in total.
 * Mutates `sequences`; returns the notes of moved orders.
 */
export function improveSequences(
  models: readonly LineModel[],
  orders: readonly PlanOrder[],
  workBy: readonly (readonly number[])[],
  sequences: number[][],
  options: ImproveOptions = {},
): Map<number, MoveNote> {
  const notes = new Map<number, MoveNote>();
  const plans: SequencePlan[] = models.map((m) =>
    placeSequence(m, orders, sequences[m.index] ?? [], workBy[m.index] ?? []),
  );
  const pinned = (line: number): number => options.pinned?.[line] ?? 0;
  const maxPasses = options.maxPasses ?? 8;

  const product = (index: number | undefined): string | undefined =>
    index === undefined ? undefined : orders[index]?.product;

  /** Maximal runs of one product in a line's sequence, after its pinned head. */
  const blocksOf = (line: number): { from: number; to: number; product: string }[] => {
    const seq = sequences[line] ?? [];
    const blocks: { from: number; to: number; product: string }[] = [];
    for (let k = pinned(line); k < seq.length; k++) {
      const p = product(seq[k]) ?? '';
      const last = blocks[blocks.length - 1];
      if (last !== undefined && last.product === p && last.to === k) last.to = k + 1;
      else blocks.push({ from: k, to: k + 1, product: p });
    }
    return blocks;
  };

  /** Tries moving seq[from,to) of line a to position `at` of line b (index in b after removal). */
  const tryMove = (a: number, from: number, to: number, b: number, at: number): boolean => {
    const seqA = sequences[a] ?? [];
    const block = seqA.slice(from, to);
    const restA = [...seqA.slice(0, from), ...seqA.slice(to)];
    const target = a === b ? restA : (sequences[b] ?? []);
    if (at < pinned(b) || at > target.length) return false;
    const newB = [...target.slice(0, at), ...block, ...target.slice(at)];
    const modelA = models[a];
    const modelB = models[b];
    const oldA = plans[a];
    const oldB = plans[b];
    if (modelA === undefined || modelB === undefined || oldA === undefined || oldB === undefined)
      return false;
    const planB = placeSequence(modelB, orders, newB, workBy[b] ?? []);
    if (planB.overflowAt >= 0) return false;
    const planA = a === b ? planB : placeSequence(modelA, orders, restA, workBy[a] ?? []);
    if (planA.overflowAt >= 0) return false;
    const before = a === b ? [oldA] : [oldA, oldB];
    const after = a === b ? [planB] : [planA, planB];
    const dT = sum(after, (p) => p.weightedTardiness) - sum(before, (p) => p.weightedTardiness);
    const dC = sum(after, (p) => p.changeoverMinutes) - sum(before, (p) => p.changeoverMinutes);
    if (!(dT < 0 || (dT === 0 && dC < 0))) return false;
    sequences[b] = newB;
    plans[b] = planB;
    if (a !== b) {
      sequences[a] = restA;
      plans[a] = planA;
    }
    const moved = product(block[0]);
    const beside = product(newB[at - 1]) === moved ? newB[at - 1] : newB[at + block.length];
    for (const o of block)
      if (beside !== undefined) notes.set(o, { besideOrder: beside, savedMinutes: Math.max(0, -dC) });
    return true;
  };

  for (let pass = 0; pass < maxPasses; pass++) {
    let moved = 0;
    for (const model of models) {
      const a = model.index;
      if (!model.line.commissioned || model.line.products.length < 2) continue;
      // Walk the blocks of this line; after a move the list is recomputed.
      for (let bi = 0; ; bi++) {
        const blocks = blocksOf(a);
        const block = blocks[bi];
        if (block === undefined) break;
        if (tryBlock(a, block, blocks, bi)) moved++;
      }
    }
    if (moved === 0) break;
  }
  return notes;

  function tryBlock(
    a: number,
    block: { from: number; to: number; product: string },
    blocks: readonly { from: number; to: number; product: string }[],
    bi: number,
  ): boolean {
    const size = block.to - block.from;
    // Same line: join the previous run of this product (move earlier) or the next (move later).
    for (let k = bi - 1; k >= 0; k--) {
      const prev = blocks[k];
      if (prev?.product === block.product) {
        if (tryMove(a, block.from, block.to, a, prev.to)) return true;
        break;
      }
    }
    for (let k = bi + 1; k < blocks.length; k++) {
      const next = blocks[k];
      if (next?.product === block.product) {
        if (tryMove(a, block.from, block.to, a, next.from - size)) return true;
        break;
      }
    }
    // Another line that makes it: beside its run of this product nearest in time.
    const start = plans[a]?.slots[block.from]?.start ?? 0;
    for (const other of models) {
      const b = other.index;
      if (b === a || !other.line.commissioned || !other.makes.has(block.product)) continue;
      const seqB = sequences[b] ?? [];
      const slots = plans[b]?.slots ?? [];
      let nearest = -1;
      let distance = Infinity;
      for (let k = pinned(b); k < seqB.length; k++) {
        if (product(seqB[k]) !== block.product) continue;
        const d = Math.abs((slots[k]?.start ?? 0) - start);
        if (d < distance) {
          distance = d;
          nearest = k;
        }
      }
      if (nearest < 0) continue;
      if (tryMove(a, block.from, block.to, b, nearest + 1)) return true;
      if (tryMove(a, block.from, block.to, b, nearest)) return true;
    }
    return false;
  }
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  let s = 0;
  for (const t of items) s += f(t);
  return s;
}
