// Hashes leaves [from, to) of the synthetic log and reports the time: the raw hashing limit.
// With `tree`, also every interior node of the blocks of 2^14 leaves the range holds (what the
// verifier's threads hash), so that the limit is the same tree's SHA-256 hashes.
import { parentPort, workerData } from 'node:worker_threads';
import { entryLeafHash } from '../../src/ledger/entry.ts';
import { hashChildren, type Hash } from '../../src/ledger/merkle/hash.ts';
import { entryTextAt } from './entries.ts';

const { from, to, tree } = workerData as { from: number; to: number; tree?: boolean };
const BLOCK = 2 ** 14;
const started = performance.now();
const cpu = process.cpuUsage();
let check = 0;
let level: Hash[] = [];
const fold = (): void => {
  while (level.length > 1) {
    const up: Hash[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      up.push(hashChildren(level[i] as Hash, level[i + 1] as Hash));
    if (level.length % 2 === 1) up.push(level[level.length - 1] as Hash);
    level = up;
  }
  check ^= level[0]?.[0] ?? 0;
  level = [];
};
for (let i = from; i < to; i += 1) {
  const leaf = entryLeafHash(entryTextAt(i));
  if (tree === true) {
    level.push(leaf);
    if (level.length === BLOCK) fold();
  } else check ^= leaf[0] ?? 0;
}
if (tree === true) fold();
// The process's CPU time while this thread ran (every thread's, not this one's alone: Node 20 has no
// per-thread figure).
const used = process.cpuUsage(cpu);
parentPort?.postMessage({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, check });
