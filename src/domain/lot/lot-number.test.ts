import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefusedError, ValidationError } from '../errors.ts';
import { formatComponentLotNumber, parseComponentLotNumber, supplierLotProblems } from './component-lot.ts';
import {
  formatLotNumber,
  isLotNumber,
  lotSeriesAt,
  nextLotNumber,
  parseLotNumber,
  type LotNumber,
} from './lot-number.ts';

const lotArb: fc.Arbitrary<LotNumber> = fc
  .record({
    manufacturer: fc.stringMatching(/^[A-Z]{3}$/),
    year: fc.integer({ min: 2000, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    interfix: fc.integer({ min: 1, max: 999 }),
    sequence: fc.integer({ min: 1, max: 999 }),
    suffix: fc.option(fc.stringMatching(/^[A-Z]$/), { nil: undefined }),
  })
  .map(({ suffix, ...rest }) => (suffix === undefined ? rest : { ...rest, suffix }));

describe('lot numbers', () => {
  it('read and write the documented form', () => {
    expect(parseLotNumber('HSP26A001-023')).toEqual({
      manufacturer: 'HSP',
      year: 2026,
      month: 1,
      interfix: 1,
      sequence: 23,
    });
    expect(formatLotNumber({ manufacturer: 'HSP', year: 2026, month: 11, interfix: 2, sequence: 7 })).toBe(
      'HSP26L002-007',
    );
    expect(
      formatLotNumber({ manufacturer: 'HSP', year: 2026, month: 12, interfix: 1, sequence: 1, suffix: 'B' }),
    ).toBe('HSP26M001-001B');
  });

  it('round-trip: parse(format(lot)) = lot and format(parse(text)) = text', () => {
    fc.assert(
      fc.property(lotArb, (lot) => {
        const text = formatLotNumber(lot);
        expect(parseLotNumber(text)).toEqual(lot);
        expect(formatLotNumber(parseLotNumber(text))).toBe(text);
      }),
    );
  });

  it('refuses malformed numbers, naming the field', () => {
    for (const bad of [
      'HSP26I001-023',
      'HS26A001-023',
      'HSP26A001023',
      'HSP26A000-023',
      'HSP26A001-000',
      'hsp26A001-023',
      '',
    ]) {
      expect(isLotNumber(bad), bad).toBe(false);
    }
    try {
      formatLotNumber({ manufacturer: 'HS', year: 1999, month: 13, interfix: 1000, sequence: 0 });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
        'manufacturer',
        'year',
        'month',
        'interfix',
        'sequence',
      ]);
    }
  });

  it('gives the next sequence of a series and never repeats one', () => {
    const series = lotSeriesAt('HSP', new Date('2026-11-22T06:00:00Z'), 1);
    expect(nextLotNumber(series, [])).toBe('HSP26L001-001');
    expect(nextLotNumber(series, ['HSP26L001-004', 'HSP26L002-009', 'HSP26K001-050', 'HSP26L001-002'])).toBe(
      'HSP26L001-005',
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (count) => {
        const issued: string[] = [];
        for (let i = 0; i < count; i++) issued.push(nextLotNumber(series, issued));
        expect(new Set(issued).size).toBe(issued.length);
      }),
    );
    expect(() => nextLotNumber(series, ['HSP26L001-999'])).toThrow(RefusedError);
  });
});

describe('component lot numbers', () => {
  it('round-trip and refuse malformed ones', () => {
    fc.assert(
      fc.property(
        fc.record({
          component: fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/),
          year: fc.integer({ min: 2000, max: 2099 }),
          month: fc.integer({ min: 1, max: 12 }),
          sequence: fc.integer({ min: 1, max: 9999 }),
        }),
        (lot) => {
          expect(parseComponentLotNumber(formatComponentLotNumber(lot))).toEqual(lot);
        },
      ),
    );
    expect(formatComponentLotNumber({ component: 'CASE', year: 2026, month: 11, sequence: 7 })).toBe(
      'CASE-26L-0007',
    );
    expect(() => parseComponentLotNumber('CASE-26I-0007')).toThrow(ValidationError);
  });

  it('keeps supplier lots as free text within limits', () => {
    expect(supplierLotProblems('B-2026/114 rev.2')).toEqual([]);
    expect(supplierLotProblems('  ')).toHaveLength(1);
    expect(supplierLotProblems('x'.repeat(65))).toHaveLength(1);
    expect(supplierLotProblems('a\tb')).toHaveLength(1);
  });
});
