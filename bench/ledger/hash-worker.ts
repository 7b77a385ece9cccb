// Hashes leaves [from, to) of the synthetic log and reports the time: the raw hashing limit.
// Only node:crypto is timed: each block's leaf inputs (0x00, then the entry's UTF-8 bytes) are
// made before its clock starts, so neither writing the texts nor encoding them counts. With
// `tree`, also every interior node of the blocks of 2^14 leaves the range holds (what the
// verifier's threads hash), so that the limit is the same tree's SHA-256 hashes.
import { hash as digest } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { entryLeafInput } from '../../src/ledger/entry.ts';
import { hashChildren, type Hash } from '../../src/ledger/merkle/hash.ts';
import { entryTextAt } from './entries.ts';

const { from, to, tree } = workerData as { from: number; to: number; tree?: boolean };
const BLOCK = 2 ** 14;
let ms = 0;
let cpuMicros = 0;
let check = 0;
for (let start = from; start < to; start += BLOCK) {
  const end = Math.min(to, start + BLOCK);
  const inputs: Buffer[] = [];
  // A copy of each: `entryLeafInput` hands out a view of one reused buffer.
  for (let i = start; i < end; i += 1) inputs.push(Buffer.from(entryLeafInput(entryTextAt(i))));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let level: Hash[] = [];
  for (const input of inputs) {
    const leaf = digest('sha256', input, 'buffer');
    if (tree === true) level.push(leaf);
    else check ^= leaf[0] ?? 0;
  }
  while (level.length > 1) {
    const up: Hash[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      up.push(hashChildren(level[i] as Hash, level[i + 1] as Hash));
    if (level.length % 2 === 1) up.push(level[level.length - 1] as Hash);
    level = up;
  }
  check ^= level[0]?.[0] ?? 0;
  // The process's CPU time while this thread hashed (every thread's, not this one's alone: Node
  // 20 has no per-thread figure).
  const used = process.cpuUsage(cpu);
  cpuMicros += used.user + used.system;
  ms += performance.now() - started;
}
parentPort?.postMessage({ ms, cpuMs: cpuMicros / 1000, check });
