import { describe, expect, it } from 'vitest';
import { RefusedError, ValidationError } from '../errors.ts';
import { countAdjustment } from './count.ts';
import {
  checkMove,
  crateEquivalents,
  locationProblems,
  type StockMove,
  type StorageLocation,
} from './location.ts';

const quarantine: StorageLocation = {
  id: 'Q1',
  kind: 'quarantine',
  limitCrates: 500,
  classifications: ['1.4S'],
};
const magazine: StorageLocation = { id: 'M1', kind: 'magazine', limitCrates: 100, classifications: ['1.4S'] };
const shipping: StorageLocation = { id: 'S1', kind: 'shipping', limitCrates: 40, classifications: ['1.4S'] };
const lineSide: StorageLocation = {
  id: 'L1-OUT',
  kind: 'line-side',
  limitCrates: 20,
  classifications: ['1.4S'],
};

const move: StockMove = {
  from: quarantine,
  to: magazine,
  lotStatus: 'released',
  classification: '1.4S',
  form: 'crate',
  quantity: 2,
  crateEquivalents: 2,
  availableAtSource: 10,
  occupancyAtTarget: 50,
};

function reasons(m: StockMove): readonly string[] {
  try {
    checkMove(m);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(RefusedError);
    return (error as RefusedError).reasons;
  }
}

describe('stock moves', () => {
  it('allow a released lot into the magazine within its limit', () => {
    expect(reasons(move)).toEqual([]);
    expect(reasons({ ...move, occupancyAtTarget: 98 })).toEqual([]);
  });

  it('refuse a move past the limit', () => {
    expect(reasons({ ...move, occupancyAtTarget: 99 })).toEqual([
      'magazine M1 holds at most 100 crate(s): 99 there + 2 incoming = 101',
    ]);
  });

  it('refuse a classification the location may not hold', () => {
    expect(reasons({ ...move, classification: '1.3C' })).toEqual([
      'magazine M1 may not hold classification 1.3C (holds 1.4S)',
    ]);
  });

  it('refuse a lot not released into the magazine or shipping', () => {
    expect(reasons({ ...move, lotStatus: 'pending' })).toEqual([
      'magazine M1 takes released lots only; this lot is pending',
    ]);
    expect(reasons({ ...move, to: shipping, lotStatus: 'held', occupancyAtTarget: 0 })).toEqual([
      'shipping S1 takes released lots only; this lot is held',
    ]);
    expect(reasons({ ...move, from: magazine, to: quarantine, lotStatus: 'held' })).toEqual([]);
    expect(reasons({ ...move, to: lineSide, occupancyAtTarget: 0 })).toEqual([
      'line-side L1-OUT takes pending lots only; this lot is released',
    ]);
  });

  it('refuse anything but crates into shipping', () => {
    expect(reasons({ ...move, to: shipping, form: 'box', occupancyAtTarget: 0 })).toEqual([
      'shipping S1 takes crates only, not box',
    ]);
  });

  it('refuse moving more than the source holds (stock never negative)', () => {
    expect(reasons({ ...move, quantity: 11, crateEquivalents: 11 })).toEqual([
      'quarantine Q1 holds 10 crate(s) of the lot, 11 asked',
    ]);
  });

  it('refuse a move to the same place', () => {
    expect(reasons({ ...move, to: quarantine, occupancyAtTarget: 0 })).toEqual([
      'source and target are the same location Q1',
    ]);
  });

  it('name every failed condition at once', () => {
    expect(
      reasons({
        ...move,
        to: shipping,
        form: 'round',
        lotStatus: 'rejected',
        classification: '1.1D',
        quantity: 20,
        crateEquivalents: 41,
        occupancyAtTarget: 0,
      }),
    ).toHaveLength(5);
  });

  it('treat a quantity below 1 as invalid input', () => {
    expect(() => checkMove({ ...move, quantity: 0 })).toThrow(ValidationError);
  });

  it('count loose rounds as crate equivalents, rounded up', () => {
    expect(crateEquivalents(1320, 1320)).toBe(1);
    expect(crateEquivalents(1321, 1320)).toBe(2);
    expect(crateEquivalents(0, 1320)).toBe(0);
  });

  it('check location definitions', () => {
    expect(locationProblems(magazine)).toEqual([]);
    expect(
      locationProblems({ id: '', kind: 'attic' as never, limitCrates: 0, classifications: ['1.4'] }).map(
        (p) => p.path,
      ),
    ).toEqual(['id', 'kind', 'limitCrates', 'classifications[0]']);
  });
});

describe('count adjustments', () => {
  it('need a reason when the count differs', () => {
    expect(countAdjustment({ recorded: 10, counted: 10 })).toEqual({ recorded: 10, counted: 10, delta: 0 });
    expect(() => countAdjustment({ recorded: 10, counted: 9 })).toThrow(ValidationError);
    expect(countAdjustment({ recorded: 10, counted: 9, reason: 'missing' })).toMatchObject({
      delta: -1,
      reason: 'missing',
    });
    expect(
      countAdjustment({ recorded: 10, counted: 12, reason: 'found', note: ' behind a pallet ' }),
    ).toMatchObject({
      delta: 2,
      note: 'behind a pallet',
    });
  });

  it('refuse an unknown reason, an unexplained other, and a negative count', () => {
    const paths = (input: Parameters<typeof countAdjustment>[0]) => {
      try {
        countAdjustment(input);
        return [];
      } catch (error) {
        return (error as ValidationError).problems.map((p) => p.path);
      }
    };
    expect(paths({ recorded: 10, counted: 9, reason: 'gremlins' })).toEqual(['reason']);
    expect(paths({ recorded: 10, counted: 9, reason: 'other' })).toEqual(['note']);
    expect(paths({ recorded: 10, counted: -1, reason: 'missing' })).toEqual(['counted']);
  });
});
