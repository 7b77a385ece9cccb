import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { parseLotNumber } from './lot-number.ts';
import { boxLabel, crateLabel, hazardProblems, headstamp, UN0012, UN0014 } from './marking.ts';

const lot = parseLotNumber('HSP26L001-023');
const product = { calibre: '7.62x39mm', type: 'BALL PS' };

describe('marking', () => {
  it('headstamps the manufacturer code and two-digit year', () => {
    expect(headstamp(lot)).toBe('HSP 26');
    expect(headstamp({ manufacturer: 'HSP', year: 2005 })).toBe('HSP 05');
  });

  it('labels a box with manufacturer, calibre, type, lot, quantity and date of manufacture', () => {
    expect(boxLabel(lot, product, 20)).toEqual({
      manufacturer: 'HSP',
      calibre: '7.62x39mm',
      type: 'BALL PS',
      lotNumber: 'HSP26L001-023',
      quantity: 20,
      dateOfManufacture: '2026-11',
    });
    expect(() => boxLabel(lot, product, 0)).toThrow(ValidationError);
  });

  it('adds the UN number and hazard division to a crate label', () => {
    const label = crateLabel({ ...boxLabel(lot, product, 20), quantity: 1320 }, UN0012);
    expect(label.unNumber).toBe('UN0012');
    expect(label.classification).toBe('1.4S');
    expect(label.lines[2]).toMatch(/^UN0012 {2}1\.4S {2}CARTRIDGES/);
    expect(crateLabel(boxLabel(lot, { calibre: '7.62x39mm', type: 'BLANK' }, 20), UN0014).unNumber).toBe(
      'UN0014',
    );
  });

  it('refuses a malformed classification, field by field', () => {
    const bad = { unNumber: '12', properShippingName: ' ', division: '1.7', compatibilityGroup: 'I' };
    expect(hazardProblems(bad).map((p) => p.path)).toEqual([
      'unNumber',
      'division',
      'compatibilityGroup',
      'properShippingName',
    ]);
    expect(() => crateLabel(boxLabel(lot, product, 20), bad)).toThrow(ValidationError);
  });
});
