/**
 * The catalogue of stop reasons a line or its shift lead may give. Each reason says which
 * ISO 22400-2 time element it charges, so that the KPIs (availability, OEE) follow from the
 * records without a second mapping:
 *
 * - `planned-downtime`: planned down time (PDOT), outside planned busy time; costs no availability.
 * - `setup`: actual unit setup time (AUST), inside planned busy time; costs availability.
 * - `unplanned-downtime`: actual unit delay time (ADET); costs availability.
 * - `minor-stop`: stops too short to record one by one (micro-stops); they show as lost speed
 *   (effectiveness), not lost availability.
 *
 * @example
 * stopReason('changeover').lossCategory; // 'setup'
 * isStopReasonCode('coffee'); // false
 */

export const STOP_REASON_CODES = [
  'breakdown',
  'material-shortage',
  'changeover',
  'planned-maintenance',
  'break',
  'quality',
  'no-operator',
  'starved',
  'blocked',
  'micro-stop',
  'unknown',
] as const;
export type StopReasonCode = (typeof STOP_REASON_CODES)[number];

export type LossCategory = 'planned-downtime' | 'setup' | 'unplanned-downtime' | 'minor-stop';

export interface StopReason {
  readonly code: StopReasonCode;
  readonly label: string;
  readonly planned: boolean;
  readonly lossCategory: LossCategory;
}

const CATALOGUE: Readonly<Record<StopReasonCode, Omit<StopReason, 'code'>>> = {
  breakdown: { label: 'Equipment breakdown', planned: false, lossCategory: 'unplanned-downtime' },
  'material-shortage': {
    label: 'Components not at the line',
    planned: false,
    lossCategory: 'unplanned-downtime',
  },
  changeover: { label: 'Changeover to another product', planned: true, lossCategory: 'setup' },
  'planned-maintenance': {
    label: 'Planned maintenance',
    planned: true,
    lossCategory: 'planned-downtime',
  },
  break: { label: 'Shift break', planned: true, lossCategory: 'planned-downtime' },
  quality: {
    label: 'Stopped for a quality problem',
    planned: false,
    lossCategory: 'unplanned-downtime',
  },
  'no-operator': { label: 'No operator at the line', planned: false, lossCategory: 'unplanned-downtime' },
  starved: { label: 'Starved by the upstream station', planned: false, lossCategory: 'unplanned-downtime' },
  blocked: {
    label: 'Blocked by the downstream station',
    planned: false,
    lossCategory: 'unplanned-downtime',
  },
  'micro-stop': { label: 'Micro-stop', planned: false, lossCategory: 'minor-stop' },
  unknown: { label: 'Reason not yet given', planned: false, lossCategory: 'unplanned-downtime' },
};

/**
 * @example
 * isStopReasonCode('breakdown'); // true
 */
export function isStopReasonCode(value: unknown): value is StopReasonCode {
  return typeof value === 'string' && REASON_SET.has(value);
}

const REASON_SET: ReadonlySet<string> = new Set<string>(STOP_REASON_CODES);

/**
 * The catalogue entry of a reason.
 *
 * @example
 * stopReason('planned-maintenance').planned; // true
 */
export function stopReason(code: StopReasonCode): StopReason {
  return { code, ...CATALOGUE[code] };
}

/**
 * The whole catalogue, in catalogue order.
 *
 * @example
 * stopReasons().map((r) => r.code); // ['breakdown', 'material-shortage', ...]
 */
export function stopReasons(): readonly StopReason[] {
  return STOP_REASON_CODES.map(stopReason);
}
