import type { AppContext } from '../../app/context.ts';
import { addOrder } from '../../app/orders.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { samplePoisson } from '../../sim/distributions.ts';
import type { RandomStream } from '../../sim/random.ts';
import type { Crew } from './crew.ts';

/** Picks a key by its share (shares sum to about 1; the last key takes any rounding). */
function pick(rng: RandomStream, shares: Readonly<Record<string, number>>): string | undefined {
  const entries = Object.entries(shares);
  let u = rng.next();
  for (const [key, share] of entries) {
    if (u < share) return key;
    u -= share;
  }
  return entries.at(-1)?.[0];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** How the scenario's demand turns into orders: defaults where the file says nothing. */
function demandOf(scenario: Scenario) {
  const products = scenario.products.map((p) => p.id);
  const consignees = scenario.consignees.map((c) => c.id);
  const even = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 1 / ids.length]));
  const orders = scenario.demand?.orders ?? {
    perYear: 2000,
    minRounds: 10_560,
    maxRounds: 59_400,
    leadTimeDays: 42,
  };
  return {
    mix: scenario.demand?.mix ?? even(products),
    consignees: scenario.demand?.consignees ?? even(consignees),
    orders,
    firm: scenario.demand?.firm ?? [],
  };
}

/**
 * Consignees place orders: the scenario's firm orders and two weeks of ordinary ones on the
 * first day (the order book the plant opens with), then as a Poisson process at the scenario's
 * yearly rate. Each order is placed by the consignee's own user through the orders use case.
 * Returns how many were placed.
 *
 * @example
 * await placeOrders(app, crew, scenario, rng, '2026-01-05', 1, true);
 */
export async function placeOrders(
  app: AppContext,
  crew: Crew,
  scenario: Scenario,
  rng: RandomStream,
  today: string,
  hours: number,
  opening: boolean,
): Promise<number> {
  const demand = demandOf(scenario);
  const packaging = scenario.products[0]?.packaging;
  const crate = packaging === undefined ? 1 : packaging.roundsPerBox * packaging.boxesPerCrate;
  let placed = 0;
  if (opening) {
    for (const order of demand.firm) {
      const consignee = crew.consignees.get(order.consignee);
      if (consignee === undefined) continue;
      await addOrder(app, consignee, {
        productId: order.product,
        quantity: order.quantity,
        dueDate: order.due,
        ...(order.priority === undefined ? {} : { priority: order.priority }),
      });
      placed += 1;
    }
  }
  const expected = (demand.orders.perYear / (365 * 24)) * hours + (opening ? demand.orders.perYear / 26 : 0);
  const count = samplePoisson(rng, expected);
  for (let i = 0; i < count; i += 1) {
    const consigneeId = pick(rng, demand.consignees);
    const productId = pick(rng, demand.mix);
    const consignee = consigneeId === undefined ? undefined : crew.consignees.get(consigneeId);
    if (consignee === undefined || productId === undefined) continue;
    const { minRounds, maxRounds, leadTimeDays } = demand.orders;
    const crates = Math.max(1, Math.round((minRounds + rng.next() * (maxRounds - minRounds)) / crate));
    await addOrder(app, consignee, {
      productId,
      quantity: crates * crate,
      dueDate: addDays(today, leadTimeDays),
    });
    placed += 1;
  }
  return placed;
}
