/**
 * Whether a line is in service: its latest acceptance act decides (a new act supersedes the
 * old, so a failed re-test takes a line out of service); a line with no act in the records is
 * in service if the scenario names the act it went into service under before the records
 * began.
 *
 * @example
 * serviceStatus({ actNumber: 'AA-1', date: '2026-12-01', signedBy: ['Commission'] }, undefined);
 * // { commissioned: true, source: 'prior-act', actNumber: 'AA-1', date: '2026-12-01', passed: true }
 */
import type { AcceptanceAct } from '../scenario/schema.ts';

/** The latest act of a line in the records, as the status reads it. */
export interface LatestAct {
  readonly actNumber: string;
  readonly issuedAt: string;
  readonly passed: boolean;
}

export interface ServiceStatus {
  readonly commissioned: boolean;
  /** What decides: an act in the records, the scenario's prior act, or nothing. */
  readonly source: 'act' | 'prior-act' | 'none';
  readonly actNumber: string | null;
  /** The act's date (`YYYY-MM-DD`). */
  readonly date: string | null;
  /** Whether the deciding act passed (null without one). */
  readonly passed: boolean | null;
}

/**
 * @example
 * serviceStatus(undefined, { actNumber: 'CA-L2-001', issuedAt: '2027-01-07T10:00:00.000Z', passed: false }).commissioned; // false
 */
export function serviceStatus(
  prior: AcceptanceAct | undefined,
  latest: LatestAct | undefined,
): ServiceStatus {
  if (latest !== undefined) {
    return {
      commissioned: latest.passed,
      source: 'act',
      actNumber: latest.actNumber,
      date: latest.issuedAt.slice(0, 10),
      passed: latest.passed,
    };
  }
  if (prior !== undefined) {
    return {
      commissioned: true,
      source: 'prior-act',
      actNumber: prior.actNumber,
      date: prior.date,
      passed: true,
    };
  }
  return { commissioned: false, source: 'none', actNumber: null, date: null, passed: null };
}
