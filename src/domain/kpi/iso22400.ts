/**
 * ISO 22400-2 key performance indicators of a work unit (a line) over a period, computed from a
 * plain record of time elements and quantities. The same functions serve the capacity study
 * (simulated lines) and the live plant (recorded line data): whoever has the numbers calls them.
 *
 * Time elements are in minutes; quantities in rounds. The standard's relations used here:
 * - PBT, planned busy time = planned operation time minus planned down time (maintenance);
 * - APT, actual production time = the part of PBT in which the unit produced (short stops that
 *   are not recorded as down time stay inside APT and show as lost effectiveness);
 * - PBT = APT + set-up time + down time (all causes) + delay time, when the record is complete;
 * - availability = APT / PBT;
 * - effectiveness = PRI × PQ / APT (PRI: planned run time per item = 1 / rated rate);
 * - quality ratio = GQ / PQ (PQ: produced quantity, GQ: good quantity);
 * - OEE index = availability × effectiveness × quality ratio.
 *
 * @example
 * const kpis = computeKpis({
 *   plannedBusyTime: 900,
 *   actualProductionTime: 720,
 *   setupTime: 60,
 *   downTimes: { failure: 120 },
 *   plannedRunTimePerItem: 1 / 100,
 *   producedQuantity: 66_000,
 *   goodQuantity: 65_670,
 * });
 * kpis.availability; // 0.8
 * kpis.oee; // 0.7297
 */

/** What a line did over a period: its time elements (minutes) and quantities (rounds). */
export interface LineTimeRecord {
  /** PBT: scheduled time minus planned down time (planned maintenance). */
  readonly plannedBusyTime: number;
  /** APT: time the line produced, short stops included. */
  readonly actualProductionTime: number;
  /** Set-up (changeover) time inside PBT. */
  readonly setupTime?: number;
  /** Down time inside PBT by cause (`failure`, `starved:primer`, ...). */
  readonly downTimes?: Readonly<Record<string, number>>;
  /** Delay time inside PBT not attributed to the line (waiting for work, for people). */
  readonly delayTime?: number;
  /** PRI: planned run time per item, minutes per round (1 / rated rate). */
  readonly plannedRunTimePerItem: number;
  /** PQ: produced quantity, good and defective. */
  readonly producedQuantity: number;
  /** GQ: good quantity. */
  readonly goodQuantity: number;
}

/** The ISO 22400-2 KPIs of one record; a ratio whose denominator is 0 is reported as 0. */
export interface LineKpis {
  readonly availability: number;
  readonly effectiveness: number;
  readonly qualityRatio: number;
  readonly oee: number;
  /** SQ: scrap (defective) quantity, PQ - GQ. */
  readonly scrapQuantity: number;
  /** Total down time of every cause. */
  readonly downTime: number;
  /** PBT minus every accounted element: 0 when the record is complete, else what is missing. */
  readonly unaccountedTime: number;
}

/** Computes availability, effectiveness, quality ratio and OEE from a line's time record. */
export function computeKpis(record: LineTimeRecord): LineKpis {
  const pbt = record.plannedBusyTime;
  const apt = record.actualProductionTime;
  const pq = record.producedQuantity;
  const availability = ratio(apt, pbt);
  const effectiveness = ratio(record.plannedRunTimePerItem * pq, apt);
  const qualityRatio = ratio(record.goodQuantity, pq);
  const downTime = Object.values(record.downTimes ?? {}).reduce((sum, t) => sum + t, 0);
  return {
    availability,
    effectiveness,
    qualityRatio,
    oee: availability * effectiveness * qualityRatio,
    scrapQuantity: pq - record.goodQuantity,
    downTime,
    unaccountedTime: pbt - apt - (record.setupTime ?? 0) - downTime - (record.delayTime ?? 0),
  };
}

/**
 * Adds two records of the same line (same rated rate) over consecutive periods, e.g. shifts into
 * a day or replications' days into a year.
 */
export function addRecords(a: LineTimeRecord, b: LineTimeRecord): LineTimeRecord {
  const downTimes: Record<string, number> = { ...(a.downTimes ?? {}) };
  for (const [cause, t] of Object.entries(b.downTimes ?? {})) downTimes[cause] = (downTimes[cause] ?? 0) + t;
  return {
    plannedBusyTime: a.plannedBusyTime + b.plannedBusyTime,
    actualProductionTime: a.actualProductionTime + b.actualProductionTime,
    setupTime: (a.setupTime ?? 0) + (b.setupTime ?? 0),
    downTimes,
    delayTime: (a.delayTime ?? 0) + (b.delayTime ?? 0),
    plannedRunTimePerItem: a.plannedRunTimePerItem,
    producedQuantity: a.producedQuantity + b.producedQuantity,
    goodQuantity: a.goodQuantity + b.goodQuantity,
  };
}

/**
 * Losses in rounds by cause: what the line would have made at its rated rate in the time lost
 * to each cause, plus the rounds lost to short stops and slow running (APT - PRI × PQ) and the
 * defective rounds.
 */
export function lossesInRounds(record: LineTimeRecord): Record<string, number> {
  const rate = record.plannedRunTimePerItem > 0 ? 1 / record.plannedRunTimePerItem : 0;
  const losses: Record<string, number> = {};
  for (const [cause, t] of Object.entries(record.downTimes ?? {})) losses[cause] = t * rate;
  if ((record.setupTime ?? 0) > 0) losses['changeover'] = (record.setupTime ?? 0) * rate;
  if ((record.delayTime ?? 0) > 0) losses['delay'] = (record.delayTime ?? 0) * rate;
  const speed = record.actualProductionTime - record.plannedRunTimePerItem * record.producedQuantity;
  if (speed > 0) losses['short stops and speed'] = speed * rate;
  const scrap = record.producedQuantity - record.goodQuantity;
  if (scrap > 0) losses['rejects'] = scrap;
  return losses;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
