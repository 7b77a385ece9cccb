import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalJson, isCanonicalText } from './canonical.ts';
import { plantEvents } from './fixtures/plant-events.ts';

// The JCS reference: keys sorted by UTF-16 code units, every part written by hand.
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonical JSON (RFC 8785 for our value types)', () => {
  it('sorts keys, drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, 'x', null], c: undefined, é: { z: 0, y: -0 } })).toBe(
      '{"a":[true,"x",null],"b":1,"é":{"y":0,"z":0}}',
    );
  });

  it('writes numbers and strings as JCS does', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, 333333333.3333333, '\u2028\n"\\', 'é'])).toBe(
      '[1e+21,1e-7,0.1,333333333.3333333,"\u2028\\n\\"\\\\","é"]',
    );
  });

  it('keeps keys that look like array indexes in code-unit order', () => {
    expect(canonicalJson({ '9': 'a', '10': 'b', x: 1 })).toBe('{"10":"b","9":"a","x":1}');
    expect(isCanonicalJson('{"10":"b","9":"a","x":1}')).toBe(true);
  });

  it('writes keys out of order, nested, with index-like or __proto__ keys, as the reference does', () => {
    const value = JSON.parse(
      '{"z":{"b":[{"y":1,"x":2}],"a":1},"__proto__":{"d":1,"c":2},"10":{"2":1,"10":2},"9":[3]}',
    ) as unknown;
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson({ b: { d: 1, c: { f: 1, e: 2 } }, a: [{ h: 1, g: [] }] })).toBe(
      '{"a":[{"g":[],"h":1}],"b":{"c":{"e":2,"f":1},"d":1}}',
    );
    const inOrder = { a: { b: 1 }, c: [1, 'x'] };
    expect(canonicalJson(inOrder)).toBe('{"a":{"b":1},"c":[1,"x"]}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/\$\.a: not a finite number/);
    expect(() => canonicalJson({ at: new Date() })).toThrow(/not a plain object/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ b: 1, a: { f: () => 1 } })).toThrow(
      /\$\.a\.f: a function cannot be written/,
    );
    expect(() => canonicalJson({ a: 1n })).toThrow(/\$\.a: a bigint cannot be written/);
  });

  it('agrees with the reference and recognises its own output (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        expect(isCanonicalText(text, JSON.parse(text))).toBe(true);
      }),
      { seed: 8785, numRuns: 500 },
    );
  });

  it('rejects text with whitespace or keys out of order', () => {
    expect(isCanonicalJson('{"b":1,"a":2}')).toBe(false);
    expect(isCanonicalJson('{"a": 2}')).toBe(false);
    expect(isCanonicalJson('{"a":1.0}')).toBe(false);
  });

  it("writes the plant's own events exactly as the general reference does", () => {
    // The writer only compares keys already in order (builders write them so); checked here on
    // every kind of event the plant appends, with the ledger's entry wrapper around it.
    plantEvents(400, 17).forEach((event, index) => {
      const entry = { event: { ...event, recordTime: '2026-11-22T08:00:00.000Z' }, index };
      expect(canonicalJson(entry)).toBe(reference(entry));
    });
  });

  it('names the field JSON cannot hold, however deep', () => {
    expect(() => canonicalJson({ event: { quantityList: [{ quantity: Infinity }] } })).toThrow(
      /\$\.event\.quantityList\[0\]\.quantity: not a finite number/,
    );
  });
});
