// Ledger benchmark: the raw SHA-256 limit over N leaves on all threads, beside the tree build,
// the whole-log verification (one thread and parallel) and inclusion proofs of a log of N events.
//   node --import tsx bench/ledger/run.ts --events 10000000 --threads 2
import { entryLeafHash } from '../../src/ledger/entry.ts';
import { toBase64 } from '../../src/ledger/merkle/hash.ts';
import { MemoryTree } from '../../src/ledger/merkle/memory-tree.ts';
import { inclusionProof } from '../../src/ledger/merkle/proof.ts';
import { verifyInclusion } from '../../src/ledger/merkle/verify.ts';
import { verifyLogParallel } from '../../src/ledger/parallel/verify-parallel.ts';
import { verifyLog } from '../../src/ledger/verify-log.ts';
import { entryTextAt, meanEntryBytes, storedEntryAt } from './entries.ts';
import { onEachThread } from './threads.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const events = option('events', 1_000_000);
const threads = option('threads', 2);
const singleUpTo = option('single-up-to', 2_000_000);
const skipFull = process.argv.includes('--skip-full');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;

console.log(
  `ledger benchmark: ${events.toLocaleString('en-US')} events, ${meanEntryBytes()} bytes each on average, ${threads} threads`,
);

// 1. The limit: SHA-256 leaf hashes only, on every thread.
// Timed inside each thread, from its first hash to its last (thread start-up left out): the
// slowest thread's time is the limit.
async function rawHashing(): Promise<number> {
  const share = Math.ceil(events / threads);
  const times = await onEachThread<{ ms: number }>(new URL('./hash-worker-entry.js', import.meta.url), {
    threads,
    share,
    total: events,
  });
  return Math.max(...times.map((t) => t.ms));
}
const raw = await rawHashing();
console.log(`raw leaf hashing (${threads} threads):   ${seconds(raw)}  ${rate(events, raw)}`);

// 2. Build: leaf hashes and the tree with every node kept (as appending does), one thread.
const tree = new MemoryTree();
let started = performance.now();
for (let i = 0; i < events; i += 1) tree.append(entryLeafHash(entryTextAt(i)));
const build = performance.now() - started;
const root = tree.root();
console.log(
  `tree build (1 thread):             ${seconds(build)}  ${rate(events, build)}  root ${toBase64(root)}`,
);

// The stored leaf hashes, shared with the verifier's threads as a database file would be.
const shared = new SharedArrayBuffer(events * 32);
const sharedLeaves = new Uint8Array(shared);
for (let i = 0; i < events; i += 1) sharedLeaves.set(tree.node({ level: 0, index: i }), i * 32);
function* stored(): Generator<ReturnType<typeof storedEntryAt>> {
  for (let i = 0; i < events; i += 1) yield storedEntryAt(i, sharedLeaves.subarray(i * 32, i * 32 + 32));
}
const source = {
  module: new URL('./synthetic-source.ts', import.meta.url).href,
  config: { leaves: shared },
  size: events,
};
const anchors = { treeHead: { size: events, rootHash: root } };

// 3. Verification on every thread, at both depths (see `CheckDepth`): `hashes` (leaf hashes, the
// index and eventID in the bytes, the tree, the tree head) and `full` (also parse every event and
// check its canonical form and every column).
for (const depth of skipFull ? (['hashes'] as const) : (['hashes', 'full'] as const)) {
  started = performance.now();
  const result = await verifyLogParallel(source, { ...anchors, depth }, { threads });
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result.problem)}`);
  console.log(
    `verify, ${depth.padEnd(6)} (${threads} threads):  ${seconds(ms)}  ${rate(events, ms)}  ` +
      `= ${(ms / raw).toFixed(2)} x raw hashing (goal <= 1.5)`,
  );
}
if (events <= singleUpTo) {
  started = performance.now();
  const single = await verifyLog(stored(), anchors);
  const verifySingle = performance.now() - started;
  if (!single.ok) throw new Error('verification failed');
  console.log(`verify, full   (1 thread):          ${seconds(verifySingle)}  ${rate(events, verifySingle)}`);
}

// 4. Inclusion proofs: build and check, random leaves of the whole log.
const proofs = 2000;
let seed = 12345;
started = performance.now();
for (let p = 0; p < proofs; p += 1) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  const index = seed % events;
  const proof = await inclusionProof(tree, index, events);
  const leafHash = tree.node({ level: 0, index });
  if (!verifyInclusion({ index, size: events, leafHash, proof, root }).ok) throw new Error('proof failed');
}
const perProof = (performance.now() - started) / proofs;
console.log(
  `inclusion proof + check:           ${(perProof * 1000).toFixed(1)} µs each (goal <= 1 ms), ${Math.ceil(Math.log2(events))} hashes`,
);
