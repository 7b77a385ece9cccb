/**
 * Line data for acceptance tests in tests and examples: a line running at a share of its rated
 * rate, counting every five minutes, with stops (PackML Held, with a reason) where asked.
 * Deterministic: the same input gives the same events.
 *
 * @example
 * const events = acceptanceRunEvents({ lineId: 'L2', from: new Date('2027-01-04T03:00:00Z'), hours: 8,
 *   ratedRate: 80, rateShare: 0.95, defectEvery: 1000, stops: [{ atMinute: 120, minutes: 45, reason: 'breakdown' }] });
 */
export interface AcceptanceRun {
  readonly lineId: string;
  readonly from: Date;
  readonly hours: number;
  readonly ratedRate: number;
  /** Rate while running over the rated rate. */
  readonly rateShare: number;
  /** One defective round in this many processed. */
  readonly defectEvery: number;
  readonly stops: readonly { atMinute: number; minutes: number; reason: string }[];
  /** The line's cumulative processed counter before the run (default 0). */
  readonly processedBefore?: number;
  /** Prefix of event ids (default the line id). */
  readonly idPrefix?: string;
}

/** Line events (ingest's input shape) for a run; see the module comment. */
export function acceptanceRunEvents(run: AcceptanceRun): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  const prefix = run.idPrefix ?? run.lineId;
  const at = (minute: number): string => new Date(run.from.getTime() + minute * 60_000).toISOString();
  const push = (minute: number, event: Record<string, unknown>): void => {
    events.push({ eventId: `${prefix}-${events.length + 1}`, lineId: run.lineId, at: at(minute), ...event });
  };
  const total = Math.round(run.hours * 60);
  const stopAt = new Map(run.stops.map((s) => [s.atMinute, s]));
  let processed = run.processedBefore ?? 0;
  let running = true;
  let resumeAt = -1;
  push(0, { kind: 'state', state: 'Execute' });
  for (let minute = 1; minute <= total; minute += 1) {
    if (running) processed += run.ratedRate * run.rateShare;
    if (!running && minute === resumeAt) {
      push(minute, { kind: 'state', state: 'Execute' });
      running = true;
    }
    const stop = stopAt.get(minute);
    if (running && stop !== undefined) {
      push(minute, {
        kind: 'count',
        processed: Math.floor(processed),
        defective: Math.floor(processed / run.defectEvery),
      });
      push(minute, { kind: 'state', state: 'Held', reason: stop.reason });
      running = false;
      resumeAt = minute + stop.minutes;
    } else if (minute % 5 === 0) {
      push(minute, {
        kind: 'count',
        processed: Math.floor(processed),
        defective: Math.floor(processed / run.defectEvery),
      });
    }
  }
  return events;
}
