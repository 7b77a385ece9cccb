/**
 * What is marked on a lot, after the UN Global Framework for through-life conventional
 * ammunition management (manufacturer, calibre and type, year, lot): the headstamp on each case,
 * the label on each box, and the label on each crate with the transport classification (UN
 * number, hazard division and compatibility group) for the UN Model Regulations.
 *
 * Small-arms cartridges travel as Class 1, division 1.4, compatibility group S: UN 0012
 * (cartridges for weapons, inert projectile, or small arms) and UN 0014 (blank).
 *
 * @example
 * headstamp({ manufacturer: 'HSP', year: 2026 }); // 'HSP 26'
 * crateLabel(boxLabelFields, UN0012).lines[0]; // 'HSP  7.62x39mm  BALL PS'
 */
import type { FieldProblem } from '../errors.ts';
import { ValidationError } from '../errors.ts';
import { formatLotNumber, type LotNumber } from './lot-number.ts';

/** Transport classification of a product under the UN Model Regulations (Class 1). */
export interface HazardClassification {
  /** UN number, four digits with the `UN` prefix (`UN0012`). */
  readonly unNumber: string;
  readonly properShippingName: string;
  /** Hazard division of Class 1: `1.1` … `1.6`. */
  readonly division: string;
  /** Compatibility group: A–H, J, K, L, N or S. */
  readonly compatibilityGroup: string;
}

/** The classification code written on labels: division then group (`1.4S`). */
export function classificationCode(hazard: HazardClassification): string {
  return `${hazard.division}${hazard.compatibilityGroup}`;
}

export const UN0012: HazardClassification = {
  unNumber: 'UN0012',
  properShippingName: 'CARTRIDGES FOR WEAPONS, INERT PROJECTILE or CARTRIDGES, SMALL ARMS',
  division: '1.4',
  compatibilityGroup: 'S',
};

export const UN0014: HazardClassification = {
  unNumber: 'UN0014',
  properShippingName: 'CARTRIDGES FOR WEAPONS, BLANK or CARTRIDGES, SMALL ARMS, BLANK',
  division: '1.4',
  compatibilityGroup: 'S',
};

/**
 * The problems with a classification, by field.
 *
 * @example
 * hazardProblems({ ...UN0012, division: '1.7' }); // [{ path: 'division', problem: 'must be 1.1 … 1.6, got "1.7"' }]
 */
export function hazardProblems(hazard: HazardClassification, path = ''): FieldProblem[] {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  const problems: FieldProblem[] = [];
  if (!/^UN\d{4}$/.test(hazard.unNumber)) {
    problems.push({
      path: at('unNumber'),
      problem: `must be UN and four digits, got ${JSON.stringify(hazard.unNumber)}`,
    });
  }
  if (!/^1\.[1-6]$/.test(hazard.division)) {
    problems.push({
      path: at('division'),
      problem: `must be 1.1 … 1.6, got ${JSON.stringify(hazard.division)}`,
    });
  }
  if (!/^[A-HJKLNS]$/.test(hazard.compatibilityGroup)) {
    problems.push({
      path: at('compatibilityGroup'),
      problem: `must be one of A–H, J, K, L, N, S, got ${JSON.stringify(hazard.compatibilityGroup)}`,
    });
  }
  if (hazard.properShippingName.trim() === '') {
    problems.push({ path: at('properShippingName'), problem: 'must not be empty' });
  }
  return problems;
}

/**
 * The headstamp: manufacturer code and two-digit year of manufacture.
 *
 * @example
 * headstamp({ manufacturer: 'HSP', year: 2026 }); // 'HSP 26'
 */
export function headstamp(lot: Pick<LotNumber, 'manufacturer' | 'year'>): string {
  return `${lot.manufacturer} ${String(lot.year % 100).padStart(2, '0')}`;
}

/** The fields of a box label (and the first part of a crate label). */
export interface PackageLabel {
  readonly manufacturer: string;
  /** Calibre as the product names it (`7.62x39mm`). */
  readonly calibre: string;
  /** Cartridge type (`BALL PS`, `TRACER T-45`, `BLANK`). */
  readonly type: string;
  readonly lotNumber: string;
  /** Rounds in the package. */
  readonly quantity: number;
  /** Date of manufacture, `YYYY-MM` (the lot number's year and month). */
  readonly dateOfManufacture: string;
}

export interface CrateLabel extends PackageLabel {
  readonly unNumber: string;
  readonly classification: string;
  readonly properShippingName: string;
  /** The label as printed, one line each. */
  readonly lines: readonly string[];
}

/**
 * A box label for a quantity of rounds from a lot.
 *
 * @example
 * boxLabel(lot, { calibre: '7.62x39mm', type: 'BALL PS' }, 20);
 * // { manufacturer: 'HSP', calibre: '7.62x39mm', type: 'BALL PS', lotNumber: 'HSP26L001-023', quantity: 20, dateOfManufacture: '2026-11' }
 */
export function boxLabel(
  lot: LotNumber,
  product: { readonly calibre: string; readonly type: string },
  quantity: number,
): PackageLabel {
  const problems: FieldProblem[] = [];
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    problems.push({ path: 'quantity', problem: `must be a whole number ≥ 1, got ${quantity}` });
  }
  if (product.calibre.trim() === '') problems.push({ path: 'calibre', problem: 'must not be empty' });
  if (product.type.trim() === '') problems.push({ path: 'type', problem: 'must not be empty' });
  if (problems.length > 0) throw new ValidationError('label.invalid', 'label has problems', problems);
  return {
    manufacturer: lot.manufacturer,
    calibre: product.calibre,
    type: product.type,
    lotNumber: formatLotNumber(lot),
    quantity,
    dateOfManufacture: `${lot.year}-${String(lot.month).padStart(2, '0')}`,
  };
}

/**
 * A crate label: the box label's fields with the crate's quantity, and the transport marking.
 *
 * @example
 * crateLabel({ ...boxLabel(lot, product, 20), quantity: 1_320 }, UN0012).lines;
 * // ['HSP  7.62x39mm  BALL PS', 'LOT HSP26L001-023  QTY 1320  MFD 2026-11', 'UN0012  1.4S  CARTRIDGES FOR WEAPONS, ...']
 */
export function crateLabel(fields: PackageLabel, hazard: HazardClassification): CrateLabel {
  const problems = hazardProblems(hazard, 'hazard');
  if (problems.length > 0)
    throw new ValidationError('hazard.invalid', 'hazard classification has problems', problems);
  const classification = classificationCode(hazard);
  return {
    ...fields,
    unNumber: hazard.unNumber,
    classification,
    properShippingName: hazard.properShippingName,
    lines: [
      `${fields.manufacturer}  ${fields.calibre}  ${fields.type}`,
      `LOT ${fields.lotNumber}  QTY ${fields.quantity}  MFD ${fields.dateOfManufacture}`,
      `${hazard.unNumber}  ${classification}  ${hazard.properShippingName}`,
    ],
  };
}
