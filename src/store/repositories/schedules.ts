import type { Executor } from '../database.ts';

export interface ScheduleRecord {
  readonly id: string;
  readonly createdAt: string;
  readonly startsAt: string;
  readonly reason: string;
  readonly actor: string;
}

export interface PlacementRecord {
  readonly seq: number;
  readonly productionOrderId: string;
  readonly lineId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly changeoverMinutes: number;
  readonly late: boolean;
}

/**
 * Schedules and their placements (a production order's quantity on a line over a period). The
 * latest schedule is the one in force.
 *
 * @example
 * const current = await scheduleRepository(store).latest();
 */
export function scheduleRepository(ex: Executor) {
  const { db } = ex;
  return {
    async insert(schedule: ScheduleRecord, placements: readonly PlacementRecord[]): Promise<void> {
      await db
        .insertInto('schedules')
        .values({
          id: schedule.id,
          created_at: schedule.createdAt,
          starts_at: schedule.startsAt,
          reason: schedule.reason,
          actor: schedule.actor,
        })
        .execute();
      if (placements.length === 0) return;
      await db
        .insertInto('schedule_placements')
        .values(
          placements.map((p) => ({
            schedule_id: schedule.id,
            seq: p.seq,
            production_order_id: p.productionOrderId,
            line_id: p.lineId,
            product_id: p.productId,
            quantity: p.quantity,
            starts_at: p.startsAt,
            ends_at: p.endsAt,
            changeover_minutes: p.changeoverMinutes,
            late: p.late ? 1 : 0,
          })),
        )
        .execute();
    },

    async latest(): Promise<{ schedule: ScheduleRecord; placements: PlacementRecord[] } | undefined> {
      const s = await db
        .selectFrom('schedules')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (s === undefined) return undefined;
      const rows = await db
        .selectFrom('schedule_placements')
        .selectAll()
        .where('schedule_id', '=', s.id)
        .orderBy('seq')
        .execute();
      return {
        schedule: {
          id: s.id,
          createdAt: s.created_at,
          startsAt: s.starts_at,
          reason: s.reason,
          actor: s.actor,
        },
        placements: rows.map((r) => ({
          seq: r.seq,
          productionOrderId: r.production_order_id,
          lineId: r.line_id,
          productId: r.product_id,
          quantity: Number(r.quantity),
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          changeoverMinutes: r.changeover_minutes,
          late: r.late === 1,
        })),
      };
    },
  };
}

export type ScheduleRepository = ReturnType<typeof scheduleRepository>;
