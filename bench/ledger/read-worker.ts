// Reads leaves [from, to) of a ledger file the way the verifier's threads do (the same statement,
// every column, one block of 2^14 at a time) and reports the time: the storage floor of a whole-
// log verification. With `hash`, also the leaf hashes and each block's tree, and nothing else:
// no check of any kind. Beside the raw hashing, it says how much of the verifier's time reading
// the rows alone takes on this machine.
import { hash as digest } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { entryLeafInput } from '../../src/ledger/entry.ts';
import { HASH_SIZE, perfectRoot } from '../../src/ledger/merkle/hash.ts';

const { file, from, to, hash } = workerData as { file: string; from: number; to: number; hash: boolean };
const BLOCK = 2 ** 14;
const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
sqlite.pragma('mmap_size = 1073741824');
const rows = sqlite
  .prepare<[number, number], unknown[]>(
    `select idx, event_id, declares_error, event_type, biz_step, event_time, record_time, body,
      leaf_hash from ledger_events where idx >= ? and idx < ? order by idx`,
  )
  .raw(true);
const started = performance.now();
let bytes = 0;
for (let start = from; start < to; start += BLOCK) {
  const end = Math.min(to, start + BLOCK);
  const leaves = new Uint8Array((end - start) * HASH_SIZE);
  let k = 0;
  for (const row of rows.iterate(start, end)) {
    const text = row[7] as string;
    bytes += text.length;
    if (hash) leaves.set(digest('sha256', entryLeafInput(text), 'buffer'), HASH_SIZE * k++);
  }
  if (hash && end - start === BLOCK) bytes += perfectRoot(leaves, BLOCK)[0] ?? 0;
}
parentPort?.postMessage({ ms: performance.now() - started, bytes });
sqlite.close();
