import { NotFoundError } from '../../domain/errors.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { Executor } from '../../store/database.ts';
import { authorisationRepository } from '../../store/custody/authorisations.ts';
import { traceRepository, type ComponentUse, type LotDelivery } from '../../store/custody/trace.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber } from '../quality/lot-quality.ts';
import { shiftAt } from './common.ts';
import { shipmentByNumber } from './shipments.ts';

export interface ConsigneeShare {
  readonly consigneeId: string;
  readonly name: string;
  readonly country: string;
  readonly rounds: number;
  readonly delivered: number;
  readonly inTransit: number;
}

/** Forward: where a lot went, from its loose stock and crates to shipments and consignees. */
export interface ForwardTrace {
  readonly id: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly quantity: number;
  readonly status: string;
  readonly loose: readonly { locationId: string; form: string; quantity: number }[];
  readonly crates: readonly {
    sscc: string;
    rounds: number;
    locationId: string;
    palletSscc: string | null;
    shipmentNumber: string | null;
    consigneeId: string | null;
    outcome: string | null;
    /** Set when the crate was destroyed whole (no longer stock). */
    destroyedAt: string | null;
  }[];
  readonly pallets: readonly { sscc: string; crates: number; rounds: number }[];
  readonly shipments: readonly Omit<LotDelivery, 'lotId'>[];
  readonly consignees: readonly ConsigneeShare[];
}

/** Backward: where a lot came from: run, line, shift and date, component lots. */
export interface LotSource {
  readonly id: string;
  readonly lotNumber: string;
  readonly productId: string;
  readonly quantity: number;
  readonly headstamp: string | null;
  readonly runId: string;
  readonly productionOrderId: string;
  readonly lineId: string;
  readonly shift: string | null;
  readonly date: string;
  readonly runStartedAt: string;
  readonly runEndedAt: string | null;
  readonly commissionedAt: string;
  readonly components: readonly Omit<ComponentUse, 'lotId'>[];
}

export function consigneeShares(scenario: Scenario, deliveries: readonly LotDelivery[]): ConsigneeShare[] {
  const shares = new Map<string, { rounds: number; delivered: number; inTransit: number }>();
  for (const d of deliveries) {
    if (d.status === 'planned') continue;
    const s = shares.get(d.consigneeId) ?? { rounds: 0, delivered: 0, inTransit: 0 };
    s.rounds += d.rounds;
    if (d.status === 'received') s.delivered += d.rounds;
    else s.inTransit += d.rounds;
    shares.set(d.consigneeId, s);
  }
  return [...shares]
    .map(([id, s]) => {
      const c = scenario.consignees.find((x) => x.id === id);
      return { consigneeId: id, name: c?.name ?? id, country: c?.country ?? '', ...s };
    })
    .sort((a, b) => a.consigneeId.localeCompare(b.consigneeId));
}

/**
 * Forward trace of a lot: loose stock by location, each crate (place, pallet, shipment), the
 * pallets, the shipments with rounds and crates, and each consignee's share.
 *
 * @example
 * const trace = await traceLotForward(app, auditor, 'HSP27A001-001');
 * trace.consignees; // [{ consigneeId: 'army', rounds: 400, delivered: 400, inTransit: 0, ... }]
 */
export async function traceLotForward(
  app: AppContext,
  actor: Actor,
  lotNumber: string,
): Promise<ForwardTrace> {
  requireRole(actor, staff, 'trace a lot');
  const ex = app.store;
  const scenario = await plantScenario(ex);
  const lot = await lotByNumber(ex, lotNumber);
  const repo = traceRepository(ex);
  const [crates, loose, deliveries, statuses] = [
    await repo.crates(lot.id),
    await repo.looseStock(lot.id),
    await repo.deliveries([lot.id]),
    await qualityRepository(ex).decisions(lot.id),
  ];
  const hasStockRecords =
    loose.length > 0 || crates.length > 0 || (await stockRepository(ex).hasAnyStock(lot.id));
  const pallets = new Map<string, { sscc: string; crates: number; rounds: number }>();
  for (const c of crates) {
    if (c.palletSscc === null) continue;
    const p = pallets.get(c.palletSscc) ?? { sscc: c.palletSscc, crates: 0, rounds: 0 };
    p.crates += 1;
    p.rounds += c.rounds;
    pallets.set(c.palletSscc, p);
  }
  return {
    id: lot.id,
    lotNumber: lot.lotNumber,
    productId: lot.productId,
    quantity: lot.quantity,
    status: statuses[statuses.length - 1]?.status ?? 'pending',
    // A lot not yet placed in stock is all loose in quarantine (see placeCommissionedLot).
    loose: hasStockRecords
      ? loose
      : [
          {
            locationId: scenario.storage.find((s) => s.kind === 'quarantine')?.id ?? '',
            form: 'round',
            quantity: lot.quantity,
          },
        ],
    crates: crates.map(({ crateId: _id, ...c }) => c),
    pallets: [...pallets.values()],
    shipments: deliveries.map(({ lotId: _lot, ...d }) => d),
    consignees: consigneeShares(scenario, deliveries),
  };
}

async function sources(ex: Executor, scenario: Scenario, lotIds: readonly string[]): Promise<LotSource[]> {
  const repo = traceRepository(ex);
  const origins = await repo.origins(lotIds);
  const components = await repo.components(lotIds);
  return origins.map((o) => {
    const marking = JSON.parse(o.marking) as { headstamp?: string };
    const { date, shift } = shiftAt(scenario, o.lineId, o.runStartedAt);
    return {
      id: o.lotId,
      lotNumber: o.lotNumber,
      productId: o.productId,
      quantity: o.quantity,
      headstamp: marking.headstamp ?? null,
      runId: o.runId,
      productionOrderId: o.productionOrderId,
      lineId: o.lineId,
      shift,
      date,
      runStartedAt: o.runStartedAt,
      runEndedAt: o.runEndedAt,
      commissionedAt: o.commissionedAt,
      components: components.filter((c) => c.lotId === o.lotId).map(({ lotId: _l, ...c }) => c),
    };
  });
}

/**
 * Backward trace of a crate or a pallet (by SSCC): its lot(s), and for each the run, line, shift
 * and date it was made in and the component lots it consumed; plus the shipment holding it.
 *
 * @example
 * const trace = await traceCrateBackward(app, auditor, '106141410000000019');
 * trace.lots[0]?.lineId; // 'L1'
 */
export async function traceCrateBackward(app: AppContext, actor: Actor, sscc: string) {
  requireRole(actor, staff, 'trace a crate');
  const ex = app.store;
  const scenario = await plantScenario(ex);
  const stock = stockRepository(ex);
  const crate = await stock.crateBySscc(sscc);
  const pallet = crate === undefined ? await stock.palletBySscc(sscc) : undefined;
  if (crate === undefined && pallet === undefined) {
    throw new NotFoundError('sscc.not_found', `no crate or pallet with SSCC ${sscc}`, { sscc });
  }
  const crates = crate !== undefined ? [crate] : await stock.crates({ palletId: pallet?.id ?? '' });
  const holder = crates[0] === undefined ? undefined : await traceRepository(ex).holderOf(crates[0].id);
  const onPallet =
    crate === undefined || crate.palletId === null
      ? undefined
      : await traceRepository(ex).palletSscc(crate.palletId);
  const entry = {
    palletSscc: onPallet ?? null,
    shipmentNumber: holder?.shipmentNumber ?? null,
    consigneeId: holder?.consigneeId ?? null,
  };
  return {
    id: crate?.id ?? pallet?.id ?? '',
    sscc,
    kind: crate !== undefined ? ('crate' as const) : ('pallet' as const),
    locationId: crate?.locationId ?? pallet?.locationId ?? '',
    palletSscc: crate === undefined ? null : entry.palletSscc,
    shipmentNumber: entry.shipmentNumber,
    consigneeId: entry.consigneeId,
    crates: crates.map((c) => ({ sscc: c.sscc, rounds: c.rounds })),
    rounds: crates.reduce((s, c) => s + c.rounds, 0),
    lots: await sources(ex, scenario, [...new Set(crates.map((c) => c.lotId))]),
  };
}

/**
 * Backward trace of a shipment: its consignee and authorisation, and each lot on it (crates,
 * rounds) with the run, line, shift, date and component lots it came from.
 *
 * @example
 * const trace = await traceShipmentBackward(app, auditor, 'SH-2027-0001');
 */
export async function traceShipmentBackward(app: AppContext, actor: Actor, number: string) {
  requireRole(actor, staff, 'trace a shipment');
  const ex = app.store;
  const scenario = await plantScenario(ex);
  const shipment = await shipmentByNumber(ex, number);
  const onIt = await traceRepository(ex).shipmentLots(shipment.id);
  const lots = await sources(
    ex,
    scenario,
    onIt.map((l) => l.lotId),
  );
  const authorisation = await authorisationRepository(ex).byId(shipment.authorisationId);
  return {
    id: shipment.id,
    shipmentNumber: shipment.shipmentNumber,
    consigneeId: shipment.consigneeId,
    status: shipment.status,
    authorisation: authorisation?.number ?? shipment.authorisationId,
    dispatchedAt: shipment.dispatchedAt,
    receivedAt: shipment.receivedAt,
    rounds: shipment.quantity,
    lots: lots.map((l) => {
      const share = onIt.find((x) => x.lotId === l.id);
      return { ...l, crates: share?.crates ?? 0, rounds: share?.rounds ?? 0, ssccs: share?.ssccs ?? [] };
    }),
  };
}
