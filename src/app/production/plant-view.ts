import type { Executor } from '../../store/database.ts';
import { lineDataRepository, type LineEventRow } from '../../store/repositories/line-data.ts';
import { requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { localDate, localInstant } from '../plant-time.ts';

export type { LineEventRow };

/** How far back the current rate looks (plant minutes). */
export const rateWindowMinutes = 15;

/** One line at a glance. */
export interface LineGlance {
  readonly id: string;
  readonly name: string;
  /** Rated rate, rounds per minute (the scenario's). */
  readonly ratedRate: number;
  /** Last PackML state reported, with its stop reason and time (null before the first). */
  readonly state: string | null;
  readonly reason: string | null;
  readonly stateAt: string | null;
  /** The product of the line's latest run (open, or ended in the last week), if any. */
  readonly productId: string | null;
  /** Rounds per minute over the last `rateWindowMinutes` of plant time. */
  readonly currentRate: number;
}

/** The plant at a glance: what the overview screen opens with, before following the live stream. */
export interface PlantGlance {
  readonly plantId: string;
  readonly plantName: string;
  /** The plant's clock now, and its local date (today) and year. */
  readonly now: string;
  readonly today: string;
  readonly year: number;
  readonly timezone: string;
  readonly ratedOutputPerYear: number;
  /** Good rounds made this plant-local year (runs started this year). */
  readonly goodThisYear: number;
  readonly lines: readonly LineGlance[];
  /** The last lots made, newest first. */
  readonly recentLots: readonly RecentLot[];
}

/** A lot as the overview lists it. */
export interface RecentLot {
  readonly lotNumber: string;
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly commissionedAt: string;
}

/** How many of the last lots the glance lists. */
export const recentLotCount = 8;

/**
 * The four lines (state, product, current rate against rated) and the year's good output against the
 * plant's rating, read from the records as the plant's clock says now. The plant's staff and the
 * auditor may read it.
 *
 * @example
 * const glance = await plantGlance(app, planner);
 * glance.lines[0]?.state; // 'Execute'
 */
export async function plantGlance(app: AppContext, actor: Actor): Promise<PlantGlance> {
  requireRole(actor, ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'], 'see the plant');
  const scenario = await plantScenario(app.store);
  const tz = scenario.plant.timezone;
  const now = app.clock.now();
  const today = localDate(tz, now);
  const year = Number(today.slice(0, 4));
  const yearStart = localInstant(tz, `${year}-01-01`).toISOString();
  const lineIds = scenario.lines.map((l) => l.id);
  const statuses = await lineDataRepository(app.store).status(lineIds);
  const recentRuns = await latestRunProducts(
    app.store,
    new Date(now.getTime() - 7 * 86_400_000).toISOString(),
  );
  const since = new Date(now.getTime() - rateWindowMinutes * 60_000).toISOString();
  const lines: LineGlance[] = [];
  for (const line of scenario.lines) {
    const status = statuses.get(line.id);
    const counts = (await lineDataRepository(app.store).events(line.id, since, now.toISOString())).filter(
      (e) => e.kind === 'count',
    );
    const before = await lineDataRepository(app.store).lastBefore(line.id, 'count', since);
    lines.push({
      id: line.id,
      name: line.name,
      ratedRate: line.ratedRate,
      state: status?.state ?? null,
      reason: status?.reason ?? null,
      stateAt: status?.stateAt ?? null,
      productId: recentRuns.get(line.id) ?? null,
      currentRate: rateSince(before, counts, now),
    });
  }
  return {
    plantId: scenario.plant.id,
    plantName: scenario.plant.name,
    now: now.toISOString(),
    today,
    year,
    timezone: tz,
    ratedOutputPerYear: scenario.plant.ratedOutputPerYear,
    goodThisYear: await goodSince(app.store, yearStart),
    lines,
    recentLots: await lastLots(app.store, recentLotCount),
  };
}

/**
 * Rounds per minute from the count just before the window (or the window's first) to now: the counts
 * are cumulative, so the rounds they add were made since that earlier count, not since the window began.
 */
export function rateSince(
  before: Pick<LineEventRow, 'processed' | 'at'> | undefined,
  counts: readonly Pick<LineEventRow, 'processed' | 'counterReset' | 'at'>[],
  now: Date,
): number {
  const from = before?.at ?? counts[0]?.at;
  if (from === undefined) return 0;
  const minutes = (now.getTime() - Date.parse(from)) / 60_000;
  return minutes > 0 ? processedIn(before, counts) / minutes : 0;
}

/** Rounds processed across the counts (cumulative counters; a reset starts again from its own value). */
export function processedIn(
  before: Pick<LineEventRow, 'processed'> | undefined,
  counts: readonly Pick<LineEventRow, 'processed' | 'counterReset'>[],
): number {
  let last = before?.processed ?? undefined;
  let total = 0;
  for (const c of counts) {
    const value = c.processed ?? 0;
    if (c.counterReset || last === undefined || value < last) total += last === undefined ? 0 : value;
    else total += value - last;
    last = value;
  }
  return total;
}

/** Each line's product of its latest run started since `since` (later runs overwrite earlier ones). */
async function latestRunProducts(ex: Executor, since: string): Promise<Map<string, string>> {
  const rows = await ex.db
    .selectFrom('production_runs')
    .select(['line_id', 'product_id', 'started_at'])
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('started_at', '>=', since)]))
    .orderBy('started_at')
    .execute();
  return new Map(rows.map((r) => [r.line_id, r.product_id]));
}

async function goodSince(ex: Executor, from: string): Promise<number> {
  const row = await ex.db
    .selectFrom('production_runs')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('good'), eb.lit(0)).as('good'))
    .where('started_at', '>=', from)
    .executeTakeFirstOrThrow();
  return Number(row.good);
}

async function lastLots(ex: Executor, count: number): Promise<RecentLot[]> {
  const rows = await ex.db
    .selectFrom('lots')
    .select(['lot_number', 'line_id', 'product_id', 'quantity', 'commissioned_at'])
    .orderBy('commissioned_at', 'desc')
    .orderBy('lot_number', 'desc')
    .limit(count)
    .execute();
  return rows.map((r) => ({
    lotNumber: r.lot_number,
    lineId: r.line_id,
    productId: r.product_id,
    quantity: Number(r.quantity),
    commissionedAt: r.commissioned_at,
  }));
}

/**
 * A line's recorded events over a period (at most two days), for its timeline, with `opening`: the
 * line's last state before the period began (what it was doing at `from`; null if it had none), so
 * a timeline starts at the period's start rather than at the first change inside it.
 *
 * @example
 * const { opening, events } = await lineEventsBetween(app, planner, { lineId: 'L1', from, to });
 */
export async function lineEventsBetween(
  app: AppContext,
  actor: Actor,
  query: { readonly lineId: string; readonly from: string; readonly to: string },
): Promise<{ opening: LineEventRow | null; events: LineEventRow[] }> {
  requireRole(actor, ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'], 'see line data');
  const lines = lineDataRepository(app.store);
  const [opening, events] = await Promise.all([
    lines.lastBefore(query.lineId, 'state', query.from),
    lines.events(query.lineId, query.from, query.to),
  ]);
  return { opening: opening ?? null, events };
}
