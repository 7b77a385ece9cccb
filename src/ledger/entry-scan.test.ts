import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.ts';
import { checkStoredEntry, entryLeafHash, toStoredEntry, type StoredEntry } from './entry.ts';
import { scanAccepts } from './entry-scan.ts';
import { plantEvents } from './fixtures/plant-events.ts';

const recordTime = '2026-11-22T08:00:00.000Z';
const stored = plantEvents(300, 31).map((event, i) => toStoredEntry(i, { ...event, recordTime }));

/** The entry with another text (its leaf hash made to match: only the text checks count). */
const withText = (entry: StoredEntry, text: string): StoredEntry => ({
  ...entry,
  text,
  leafHash: entryLeafHash(text),
});

describe('the one-pass scan of a stored entry', () => {
  it("accepts every kind of the plant's own events, as the full check does", () => {
    for (const entry of stored) {
      expect(scanAccepts(entry)).toBe(true);
      expect(checkStoredEntry(entry)).toBeUndefined();
    }
  });

  it('is not sure of what is not canonical, or of a column that differs', () => {
    const entry = stored[5] as StoredEntry;
    const t = entry.text;
    const cases = [
      t.replace('{"event":', '{ "event":'),
      t.replace('"index":5}', '"index":5.0}'),
      t.replace('"index":5}', '"index":"5"}'),
      t.replace('"index":5}', '"index":6}'),
      t.replace('https:', 'https\\/'),
      t.replace('{"event":{', '{"event":{"zz":"\\u001F",'),
      t.replace('{"event":{', '{"event":{"action":"x",'),
      t.replace('"eventTime":"2026', '"eventTime":"2025'),
      `${t} `,
      t.slice(0, -1),
    ];
    for (const text of cases) expect(scanAccepts(withText(entry, text)), text.slice(0, 60)).toBe(false);
    expect(scanAccepts({ ...entry, eventType: 'AggregationEvent' })).toBe(
      entry.eventType === 'AggregationEvent',
    );
    expect(scanAccepts({ ...entry, declaresError: true })).toBe(false);
    expect(scanAccepts({ ...entry, bizStep: null })).toBe(entry.bizStep === null);
  });

  it('accepts only what the full check accepts: any value in an event, canonical or not (property)', () => {
    const entryOf = (value: unknown, index: number): StoredEntry => {
      const base = stored[index % stored.length] as StoredEntry;
      const event = { ...(JSON.parse(base.text) as { event: object }).event, extensions: { x: value } };
      return withText({ ...base, index }, canonicalJson({ event, index }));
    };
    let accepted = 0;
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(1000), (value, index) => {
        const entry = entryOf(value, index);
        if (scanAccepts(entry)) {
          accepted += 1;
          expect(checkStoredEntry(entry)).toBeUndefined();
        }
      }),
      { seed: 8785, numRuns: 400 },
    );
    // Canonical text all of it: the scan leaves to the full check only what it is unsure of
    // (text outside ASCII, fractions, long numbers), and accepts the rest.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts every canonical entry of ASCII text and whole numbers, whatever its shape (property)', () => {
    // What the plant writes: ASCII strings (escapes included), integers, booleans, null, nesting.
    // Keys hold no character JSON would escape.
    const key = fc.string({ maxLength: 12 }).filter((k) => !/["\\]/.test(k));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 20 }),
        fc.string({
          unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
          maxLength: 8,
        }),
        fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, fc.nat(1000), (x, index) => {
        const base = stored[index % stored.length] as StoredEntry;
        const event = { ...(JSON.parse(base.text) as { event: object }).event, extensions: { x } };
        const entry = withText({ ...base, index }, canonicalJson({ event, index }));
        expect(scanAccepts(entry)).toBe(true);
        expect(checkStoredEntry(entry)).toBeUndefined();
      }),
      { seed: 20261206, numRuns: 400 },
    );
  });

  it('accepts only what the full check accepts: any one character changed, added or removed (property)', () => {
    const chars = fc.constantFrom(
      ' ',
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '0',
      '1',
      '-',
      '.',
      'e',
      'u',
      'a',
      'Z',
      '\u00e9',
      '\ud83d',
      '/',
      'n',
      '\n',
    );
    fc.assert(
      fc.property(
        fc.nat(stored.length - 1),
        fc.nat(2000),
        fc.integer({ min: 0, max: 2 }),
        chars,
        (i, at, how, c) => {
          const entry = stored[i] as StoredEntry;
          const p = at % (entry.text.length + 1);
          const t = entry.text;
          const text =
            how === 0
              ? t.slice(0, p) + c + t.slice(p + 1)
              : how === 1
                ? t.slice(0, p) + c + t.slice(p)
                : t.slice(0, p) + t.slice(p + 1);
          const changed = withText(entry, text);
          if (scanAccepts(changed)) expect(checkStoredEntry(changed)).toBeUndefined();
        },
      ),
      { seed: 9162, numRuns: 3000 },
    );
  });
});
