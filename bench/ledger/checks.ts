// What the whole-log check costs with reading free: entries made before the clock starts, held
// in memory as a database driver hands them over (text, columns, leaf hash), checked by the
// verifier's own block check (`checkRange`, the worker threads' loop) on this one thread, beside
// node:crypto's SHA-256 of the same leaves and trees on this thread, leaf inputs also made
// beforehand. No storage is read on either side: the ratio is the floor of any verification that
// runs these checks, however cheaply its storage reads.
//   node --import tsx bench/ledger/checks.ts [--events 262144] [--rounds 3]
import { hash as digest } from 'node:crypto';
import { entryLeafHash, entryLeafInput, type StoredEntry } from '../../src/ledger/entry.ts';
import { ARRAY_SOURCE } from '../../src/ledger/fixtures/array-source.ts';
import { HASH_SIZE, perfectRoot } from '../../src/ledger/merkle/hash.ts';
import { checkRange } from '../../src/ledger/parallel/range-worker.ts';
import { numberArg } from '../support/args.ts';
import { loadAverage } from '../support/host.ts';
import { storedEntryAt } from './entries.ts';

const BLOCK = 2 ** 14;
const events = Math.ceil(numberArg('events', 2 ** 18) / BLOCK) * BLOCK;
const rounds = numberArg('rounds', 3);

const blocks: StoredEntry[][] = [];
const inputs: Buffer[] = [];
for (let from = 0; from < events; from += BLOCK) {
  const block: StoredEntry[] = [];
  for (let i = from; i < from + BLOCK; i += 1) {
    const entry = storedEntryAt(i, new Uint8Array(HASH_SIZE));
    block.push({ ...entry, leafHash: entryLeafHash(entry.text) });
    // A copy: `entryLeafInput` hands out a view of one reused buffer.
    inputs.push(Buffer.from(entryLeafInput(entry.text)));
  }
  blocks.push(block);
}

function rawHashing(): number {
  const started = performance.now();
  const leaves = new Uint8Array(BLOCK * HASH_SIZE);
  for (let from = 0; from < events; from += BLOCK) {
    for (let k = 0; k < BLOCK; k += 1) {
      leaves.set(digest('sha256', inputs[from + k] as Buffer, 'buffer'), k * HASH_SIZE);
    }
    perfectRoot(leaves, BLOCK);
  }
  return performance.now() - started;
}

async function checked(depth: 'full' | 'hashes'): Promise<number> {
  const started = performance.now();
  for (const [b, entries] of blocks.entries()) {
    const from = b * BLOCK;
    const result = await checkRange({
      id: b,
      module: ARRAY_SOURCE,
      config: { entries },
      from,
      to: from + BLOCK,
      depth,
    });
    if (result.problem !== undefined) throw new Error(`check failed: ${JSON.stringify(result.problem)}`);
  }
  return performance.now() - started;
}

console.log(
  `ledger checks with reading free: ${events.toLocaleString('en-US')} entries, one thread, Node ${process.version}, ` +
    `${new Date().toISOString()}, load ${loadAverage()}`,
);
for (let round = 0; round <= rounds; round += 1) {
  const raw = rawHashing();
  const full = await checked('full');
  const hashes = await checked('hashes');
  // Round 0 warms the code up and is not printed.
  if (round === 0) continue;
  const us = (ms: number): string => `${((ms * 1000) / events).toFixed(2)} µs`;
  console.log(
    `round ${round}: raw SHA-256, leaves + tree ${us(raw)} an entry; check full ${us(full)} = ` +
      `${(full / raw).toFixed(2)} x raw; check hashes ${us(hashes)} = ${(hashes / raw).toFixed(2)} x raw; load ${loadAverage()}`,
  );
}
