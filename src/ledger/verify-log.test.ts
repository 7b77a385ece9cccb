import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './checkpoint/checkpoint.ts';
import { entryLeafHash, toStoredEntry, type StoredEntry } from './entry.ts';
import { plantEvents } from './fixtures/plant-events.ts';
import { MemoryTree } from './merkle/memory-tree.ts';
import { rootAt } from './merkle/proof.ts';
import { ARRAY_SOURCE } from './fixtures/array-source.ts';
import { verifyLogParallel } from './parallel/verify-parallel.ts';
import { verifyLog } from './verify-log.ts';

const SIZE = 40;
const events = plantEvents(SIZE, 7);
const stored: StoredEntry[] = events.map((event, i) => toStoredEntry(i, event));
const tree = new MemoryTree();
for (const entry of stored) tree.append(entry.leafHash);
const treeHead = { size: SIZE, rootHash: tree.root() };
// Checkpoints every 10 events, as a witness would hold them.
const checkpoints: Checkpoint[] = [];
for (let size = 10; size <= SIZE; size += 10) {
  checkpoints.push({ origin: 'headstamp.example/test', size, rootHash: await rootAt(tree, size) });
}

// As storage hands them over: asynchronously, one at a time.
async function* streamOf(entries: readonly StoredEntry[]): AsyncGenerator<StoredEntry> {
  for (const entry of entries) yield await Promise.resolve(entry);
}

describe('verifyLog', () => {
  it('accepts an untouched log, against every checkpoint and the tree head', async () => {
    const result = await verifyLog(streamOf(stored), { checkpoints, treeHead });
    expect(result).toMatchObject({ ok: true, size: SIZE, checkpointsMatched: 4 });
  });

  it.each(['full', 'hashes'] as const)(
    'names the event when any single byte of any stored event is changed, checking %s (property)',
    async (depth) => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: SIZE - 1 }),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          async (index, at, flip) => {
            const entry = stored[index]!;
            const bytes = Buffer.from(entry.text, 'utf8');
            const pos = at % bytes.length;
            bytes[pos] = (bytes[pos]! ^ flip) & 0xff;
            const changed = [...stored];
            changed[index] = { ...entry, text: bytes.toString('latin1') };
            const result = await verifyLog(streamOf(changed), { checkpoints, treeHead, depth });
            expect(result.ok).toBe(false);
            expect(result.problem?.index).toBe(index);
            expect(result.problem?.eventID).toBe(entry.eventId);
          },
        ),
        { seed: 42, numRuns: 300 },
      );
    },
  );

  it('catches a change rewritten consistently (bytes and leaf hash) through the checkpoints', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SIZE - 1 }), async (index) => {
        const entry = stored[index]!;
        const text = entry.text.replace(/"quantity":(\d)/, '"quantity":9$1').replace('"ivanov"', '"ivanof"');
        fc.pre(text !== entry.text);
        const changed = [...stored];
        changed[index] = { ...entry, text, leafHash: entryLeafHash(text) };
        const result = await verifyLog(streamOf(changed), { checkpoints, treeHead });
        expect(result.ok).toBe(false);
        expect(result.problem?.kind).toBe('root_mismatch');
        // Localised to the events after the last checkpoint that still matches.
        const from = Math.floor(index / 10) * 10;
        expect(result.problem?.index).toBe(from);
        expect(result.problem?.what).toContain(`index ${from}..${from + 9}`);
      }),
      { seed: 43, numRuns: 40 },
    );
  });

  it('names a deleted event (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: SIZE - 1 }), async (index) => {
        const changed = stored.filter((_, i) => i !== index);
        const result = await verifyLog(streamOf(changed), { checkpoints, treeHead });
        expect(result.ok).toBe(false);
        expect(result.problem?.index).toBe(index);
        expect(result.problem?.kind).toBe(index === SIZE - 1 ? 'truncated' : 'missing');
      }),
      { seed: 44, numRuns: 60 },
    );
  });

  it('names the first of two swapped events, whether rows or contents were swapped (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: SIZE - 1 }),
        fc.integer({ min: 0, max: SIZE - 1 }),
        fc.boolean(),
        fc.constantFrom('full' as const, 'hashes' as const),
        async (a, b, wholeRows, depth) => {
          fc.pre(a !== b);
          const [i, j] = a < b ? [a, b] : [b, a];
          const changed = [...stored];
          if (wholeRows) {
            changed[i] = stored[j]!;
            changed[j] = stored[i]!;
          } else {
            // Contents swapped under fixed index columns.
            changed[i] = { ...stored[j]!, index: i };
            changed[j] = { ...stored[i]!, index: j };
          }
          const result = await verifyLog(streamOf(changed), { checkpoints, treeHead, depth });
          expect(result.ok).toBe(false);
          expect(result.problem).toMatchObject({ kind: 'reordered', index: i });
        },
      ),
      { seed: 45, numRuns: 100 },
    );
  });

  it('names a changed column', async () => {
    const changed = [...stored];
    changed[5] = { ...stored[5]!, eventTime: '2026-11-21T00:00:00.000Z' };
    const result = await verifyLog(streamOf(changed), { treeHead });
    expect(result.problem).toMatchObject({ kind: 'altered', index: 5 });
    expect(result.problem?.what).toMatch(/column eventTime/);
  });

  it('reports events beyond the tree head and a tree head beyond the events', async () => {
    const short = await verifyLog(streamOf(stored.slice(0, 35)), { treeHead });
    expect(short.problem).toMatchObject({ kind: 'truncated', index: 35 });
    const long = await verifyLog(streamOf(stored), {
      treeHead: { size: 30, rootHash: await rootAt(tree, 30) },
    });
    expect(long.problem).toMatchObject({ kind: 'extra', index: 30 });
  });
});

describe('verifyLogParallel', () => {
  const options = { threads: 2, blockLevel: 3 };
  // As a database hands a range over: by index column.
  const byIndex = (entries: StoredEntry[]): StoredEntry[] => [...entries].sort((a, b) => a.index - b.index);
  const source = (entries: StoredEntry[], size = SIZE) => ({
    module: ARRAY_SOURCE,
    config: { entries },
    size,
  });

  it('gives the same answers as the single-threaded verifier', async () => {
    const good = await verifyLogParallel(source(stored), { checkpoints, treeHead }, options);
    expect(good).toEqual(await verifyLog(streamOf(stored), { checkpoints, treeHead }));
    expect(good.ok).toBe(true);

    const changed = [...stored];
    changed[21] = { ...stored[21]!, text: stored[21]!.text.replace('{"event":{', '{"event":{"x":1,') };
    changed.splice(30, 1);
    const bad = await verifyLogParallel(source(changed), { checkpoints, treeHead }, options);
    expect(bad).toEqual(await verifyLog(streamOf(changed), { checkpoints, treeHead }));
    expect(bad.problem?.index).toBe(21);

    const missing = stored.filter((_, i) => i !== 30);
    const gap = await verifyLogParallel(source(missing), { treeHead }, options);
    expect(gap.problem).toMatchObject({ kind: 'missing', index: 30 });

    const swapped = [...stored];
    swapped[12] = { ...stored[17]!, index: 12 };
    swapped[17] = { ...stored[12]!, index: 17 };
    const moved = await verifyLogParallel(source(swapped), { checkpoints, treeHead }, options);
    expect(moved).toEqual(await verifyLog(streamOf(byIndex(swapped)), { checkpoints, treeHead }));
    expect(moved.problem).toMatchObject({ kind: 'reordered', index: 12 });

    const rewritten = [...stored];
    const text = stored[33]!.text.replace('"ivanov"', '"ivanof"');
    rewritten[33] = { ...stored[33]!, text, leafHash: entryLeafHash(text) };
    const caught = await verifyLogParallel(source(rewritten), { checkpoints, treeHead }, options);
    expect(caught.problem).toMatchObject({ kind: 'root_mismatch', index: 30 });
  });
});
