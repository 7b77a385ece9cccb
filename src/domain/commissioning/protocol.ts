/**
 * The acceptance test protocol of a line: how long it runs (hours of operating time on the
 * plant's clock), what it runs (the line's products at its rated rate), the thresholds it must
 * meet and who signs the act. It comes from the scenario (`lines[].commissioning.test`) with
 * any of its terms overridden when the test is started, and is kept with the test as it was
 * started, so a later scenario change does not move the goalposts of a running test.
 *
 * @example
 * const protocol = protocolFor(line, { durationHours: 8 });
 * protocol.thresholds.minAvailability; // 0.9
 */
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { AcceptanceTest, Line, Signatory } from '../scenario/schema.ts';

export interface AcceptanceThresholds {
  /** Achieved rate over rated rate while running (ISO 22400 effectiveness), 0..1. */
  readonly minRateShare: number;
  /** ISO 22400 availability (APT / PBT), 0..1. */
  readonly minAvailability: number;
  /** ISO 22400 quality ratio (GQ / PQ), 0..1. */
  readonly minQualityRatio: number;
  /** The longest single stop allowed, minutes. */
  readonly maxSingleStopMinutes: number;
}

export interface AcceptanceProtocol {
  readonly lineId: string;
  readonly lineName: string;
  /** Operating time the test runs for, hours on the plant's clock. */
  readonly durationHours: number;
  /** Products the line runs during the test. */
  readonly products: readonly string[];
  /** Rated rate, rounds per minute while running. */
  readonly ratedRate: number;
  readonly thresholds: AcceptanceThresholds;
  readonly signatories: readonly Signatory[];
}

/** Terms given when a test is started, over the scenario's. */
export interface ProtocolOverrides {
  readonly durationHours?: number | undefined;
  readonly products?: readonly string[] | undefined;
  readonly thresholds?: Partial<AcceptanceThresholds> | undefined;
  readonly signatories?: readonly Signatory[] | undefined;
}

const SHARES = ['minRateShare', 'minAvailability', 'minQualityRatio'] as const;

/**
 * The protocol for `line`: its scenario test with `overrides` on top. Refuses (ValidationError,
 * every term at fault) a protocol with a term missing or out of range, or a product the line
 * cannot make.
 *
 * @example
 * protocolFor(line, { durationHours: 72 }).durationHours; // 72
 */
export function protocolFor(line: Line, overrides: ProtocolOverrides = {}): AcceptanceProtocol {
  const test: Partial<AcceptanceTest> = line.commissioning?.test ?? {};
  const problems: FieldProblem[] = [];
  const durationHours = overrides.durationHours ?? test.durationHours;
  const thresholds: Partial<AcceptanceThresholds> = {
    ...(test.thresholds ?? {}),
    ...definedOnly(overrides.thresholds),
  };
  const signatories = overrides.signatories ?? test.signatories ?? [];
  const products = overrides.products ?? line.products;
  const where = `lines[${line.id}].commissioning.test`;

  if (durationHours === undefined)
    problems.push({ path: `${where}.durationHours`, problem: 'required (or give --duration)' });
  else if (!(Number.isFinite(durationHours) && durationHours > 0))
    problems.push({ path: `${where}.durationHours`, problem: `must be > 0, got ${durationHours}` });
  for (const key of SHARES) {
    const v = thresholds[key];
    if (v === undefined) problems.push({ path: `${where}.thresholds.${key}`, problem: 'required' });
    else if (!(v >= 0 && v <= 1))
      problems.push({ path: `${where}.thresholds.${key}`, problem: `must be in 0..1, got ${v}` });
  }
  const maxStop = thresholds.maxSingleStopMinutes;
  if (maxStop === undefined)
    problems.push({ path: `${where}.thresholds.maxSingleStopMinutes`, problem: 'required' });
  else if (!(maxStop > 0))
    problems.push({
      path: `${where}.thresholds.maxSingleStopMinutes`,
      problem: `must be > 0, got ${maxStop}`,
    });
  if (signatories.length === 0)
    problems.push({ path: `${where}.signatories`, problem: 'at least one signatory is required' });
  const names = new Set<string>();
  signatories.forEach((s, i) => {
    if (names.has(s.name))
      problems.push({ path: `${where}.signatories[${i}].name`, problem: `${s.name} is named twice` });
    names.add(s.name);
  });
  if (products.length === 0) problems.push({ path: 'products', problem: 'at least one product is required' });
  products.forEach((p, i) => {
    if (!line.products.includes(p))
      problems.push({
        path: `products[${i}]`,
        problem: `line ${line.id} does not make ${p} (makes ${line.products.join(', ')})`,
      });
  });
  if (problems.length > 0) {
    throw new ValidationError(
      'commissioning.protocol',
      `line ${line.id}: the acceptance test protocol is incomplete`,
      problems,
    );
  }
  return {
    lineId: line.id,
    lineName: line.name,
    durationHours: durationHours ?? 0,
    products: [...products],
    ratedRate: line.ratedRate,
    thresholds: thresholds as AcceptanceThresholds,
    signatories: signatories.map((s) => ({ name: s.name, role: s.role })),
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Hours in a duration written `72h`, `90m`, `3d` or a bare number of hours.
 *
 * @example
 * parseDurationHours('8h'); // 8
 * parseDurationHours('90m'); // 1.5
 */
export function parseDurationHours(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(h|m|d)?\s*$/i.exec(text);
  const value = match === null ? Number.NaN : Number(match[1]);
  if (match === null || !(value > 0)) {
    throw new ValidationError(
      'commissioning.duration',
      `duration: must be like 72h, 90m or 3d, got '${text}'`,
      [{ path: 'duration', problem: `must be like 72h, 90m or 3d, got '${text}'` }],
    );
  }
  const unit = (match[2] ?? 'h').toLowerCase();
  return unit === 'm' ? value / 60 : unit === 'd' ? value * 24 : value;
}
