// Entry source for the parallel verifier over the synthetic log: texts are made on the fly, the
// stored leaf hashes come from a SharedArrayBuffer written by the build step.
import type { StoredEntry } from '../../src/ledger/entry.ts';
import { storedEntryAt } from './entries.ts';

export function* openRange(
  config: { leaves: SharedArrayBuffer },
  from: number,
  to: number,
): Generator<StoredEntry> {
  const leaves = new Uint8Array(config.leaves);
  for (let i = from; i < to; i += 1) yield storedEntryAt(i, leaves.subarray(i * 32, i * 32 + 32));
}
