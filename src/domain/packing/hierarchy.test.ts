import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefusedError, ValidationError } from '../errors.ts';
import {
  checkPallet,
  lotPackingProblems,
  planBoxes,
  planCrates,
  roundsPerCrate,
  type CrateOnHand,
  type LotPacking,
  type PackagingSpec,
} from './hierarchy.ts';

const spec: PackagingSpec = { roundsPerBox: 20, boxesPerCrate: 66, cratesPerPallet: 40 };

describe('boxes and crates', () => {
  it('packs only full boxes and leaves the remainder loose', () => {
    expect(planBoxes({ looseRounds: 45 }, spec)).toEqual({ boxes: 2, rounds: 40, remainder: 5 });
    expect(planBoxes({ looseRounds: 45 }, spec, 1)).toEqual({ boxes: 1, rounds: 20, remainder: 25 });
    expect(() => planBoxes({ looseRounds: 45 }, spec, 3)).toThrow(RefusedError);
    expect(() => planBoxes({ looseRounds: 19 }, spec)).toThrow(RefusedError);
  });

  it('packs only full single-lot crates', () => {
    expect(planCrates({ looseBoxes: 140 }, spec)).toEqual({ crates: 2, boxes: 132, remainder: 8 });
    expect(() => planCrates({ looseBoxes: 65 }, spec)).toThrow(RefusedError);
    expect(roundsPerCrate(spec)).toBe(1320);
  });

  it('refuses a bad spec or count as invalid input', () => {
    expect(() => planBoxes({ looseRounds: 45 }, { ...spec, roundsPerBox: 0 })).toThrow(ValidationError);
    expect(() => planCrates({ looseBoxes: 140 }, spec, 1.5)).toThrow(ValidationError);
  });
});

describe('pallets', () => {
  const crate = (sscc: string, productId = 'PS', lotNumber = 'HSP26L001-001'): CrateOnHand => ({
    sscc,
    productId,
    lotNumber,
  });

  it('allow mixed lots of one product', () => {
    expect(checkPallet([crate('1'), crate('2', 'PS', 'HSP26L001-002')], spec)).toBe('PS');
  });

  it('refuse each broken condition, naming it', () => {
    const refusal = (crates: CrateOnHand[], small = spec) => {
      try {
        checkPallet(crates, small);
        return [];
      } catch (error) {
        return (error as RefusedError).reasons;
      }
    };
    expect(refusal([])).toEqual(['a pallet needs at least one crate']);
    expect(refusal([crate('1'), crate('2')], { ...spec, cratesPerPallet: 1 })).toEqual([
      'a pallet holds at most 1 crates, 2 given',
    ]);
    expect(refusal([crate('1'), crate('2', 'T45')])).toEqual(['crates of one product only, got PS, T45']);
    expect(refusal([{ ...crate('1'), palletSscc: '9' }])).toEqual(['crate 1 is on pallet 9 already']);
    expect(refusal([crate('1'), crate('1')])).toEqual(['crate 1 is given twice']);
  });
});

describe('packed ≤ released', () => {
  type Op = { kind: 'box' | 'crate'; wanted: number | undefined };
  const opArb: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom('box' as const, 'crate' as const),
    wanted: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
  });

  it('holds for any sequence of packing acts on any lot', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.record({
          roundsPerBox: fc.integer({ min: 1, max: 50 }),
          boxesPerCrate: fc.integer({ min: 1, max: 80 }),
          cratesPerPallet: fc.integer({ min: 1, max: 50 }),
        }),
        fc.array(opArb, { maxLength: 30 }),
        (released, s, ops) => {
          let lot: LotPacking = { released, looseRounds: released, boxedRounds: 0, cratedRounds: 0 };
          for (const op of ops) {
            try {
              if (op.kind === 'box') {
                const plan = planBoxes(lot, s, op.wanted);
                lot = { ...lot, looseRounds: plan.remainder, boxedRounds: lot.boxedRounds + plan.rounds };
              } else {
                const plan = planCrates({ looseBoxes: lot.boxedRounds / s.roundsPerBox }, s, op.wanted);
                const rounds = plan.boxes * s.roundsPerBox;
                lot = {
                  ...lot,
                  boxedRounds: lot.boxedRounds - rounds,
                  cratedRounds: lot.cratedRounds + rounds,
                };
              }
            } catch (error) {
              expect(error).toBeInstanceOf(RefusedError);
            }
            expect(lotPackingProblems(lot)).toEqual([]);
          }
        },
      ),
    );
  });

  it('names a count that breaks it', () => {
    expect(
      lotPackingProblems({ released: 100, looseRounds: 0, boxedRounds: 60, cratedRounds: 60 }).map(
        (p) => p.path,
      ),
    ).toEqual(['packed', 'looseRounds']);
  });
});
