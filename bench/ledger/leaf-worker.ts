// The second thread of `append-bound.ts`: canonical text and leaf hash of each event it is sent
// (what `toStoredEntry` makes), sent back as the texts and one transferred buffer of hashes.
import { parentPort } from 'node:worker_threads';
import { toStoredEntry } from '../../src/ledger/entry.ts';
import type { CustodyEvent } from '../../src/ledger/event.ts';
import { HASH_SIZE } from '../../src/ledger/merkle/hash.ts';

parentPort?.on('message', (m: { from: number; events: CustodyEvent[]; recordTime: string }) => {
  const texts: string[] = [];
  const hashes = new Uint8Array(m.events.length * HASH_SIZE);
  m.events.forEach((event, i) => {
    const stored = toStoredEntry(m.from + i, { ...event, recordTime: m.recordTime });
    texts.push(stored.text);
    hashes.set(stored.leafHash, i * HASH_SIZE);
  });
  parentPort?.postMessage({ texts, hashes }, [hashes.buffer]);
});
