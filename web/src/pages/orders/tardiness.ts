import type { Order, Placement } from './types.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** When an order's production is planned to finish: its last placement's end, if it is scheduled. */
export function plannedFinish(order: Order, placements: readonly Placement[]): string | undefined {
  let last: string | undefined;
  for (const p of placements)
    if (p.productionOrderId === order.productionOrderId && (last === undefined || p.endsAt > last))
      last = p.endsAt;
  return last;
}

/**
 * Days an order will be late: its planned finish after the end of its due day, in whole days
 * rounded up; 0 when on time or not scheduled.
 *
 * @example
 * tardinessDays('2026-02-13', '2026-02-15T10:00:00Z'); // 2
 */
export function tardinessDays(dueDate: string, finish: string | undefined): number {
  if (finish === undefined) return 0;
  const dueEnd = Date.parse(`${dueDate}T00:00:00Z`) + dayMs;
  const late = Date.parse(finish) - dueEnd;
  return late > 0 ? Math.ceil(late / dayMs) : 0;
}
