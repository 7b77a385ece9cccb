import { reconcile, type LotBalance, type Movement } from '../../domain/custody/index.ts';
import { HS_BIZ_STEP, type CustodyEvent } from '../../ledger/event.ts';
import { parseLotClassUri, parseSsccUri } from '../../ledger/identifiers.ts';
import { lotRepository } from '../../store/repositories/lots.ts';
import { requireRole, type Actor } from '../actor.ts';
import { staff } from '../auth/roles.ts';
import type { AppContext } from '../context.ts';
import { ledgerRecords } from '../ledger/records.ts';
import { plantScenario } from '../plant-setup.ts';
import { roundsInPlant } from './stock.ts';

const lotKey = (uri: string): string | undefined => {
  const lot = parseLotClassUri(uri);
  return lot === undefined ? undefined : `${lot.product}/${lot.lot}`;
};

/**
 * One ledger event read as the movements reconciliation sums: commissioned, consumed in tests,
 * destroyed, lost, adjusted, rounds into and out of crates, crates shipped, received, lost.
 *
 * @example
 * [...movementsOf(event)]; // [{ kind: 'commissioned', lot: 'ball-ps/HSP27A001-001', quantity: 1000, eventId: '...' }]
 */
export function* movementsOf(event: CustodyEvent): Generator<Movement> {
  const eventId = event.eventID;
  const step = event.bizStep;
  if (event.type === 'AggregationEvent') {
    const sscc = event.parentID === undefined ? undefined : parseSsccUri(event.parentID);
    if (sscc === undefined) return;
    const kind =
      step === 'packing' && event.action === 'ADD'
        ? 'packed'
        : step === 'unpacking' && event.action === 'DELETE'
          ? 'unpacked'
          : undefined;
    if (kind === undefined) return;
    for (const q of event.childQuantityList ?? []) {
      const lot = lotKey(q.epcClass);
      if (lot !== undefined) yield { kind, sscc, lot, quantity: q.quantity ?? 0, eventId };
    }
    return;
  }
  if (event.type !== 'ObjectEvent') return;
  const ssccs = (event.epcList ?? []).flatMap((uri) => parseSsccUri(uri) ?? []);
  const quantities = (event.quantityList ?? []).flatMap((q) => {
    const lot = lotKey(q.epcClass);
    return lot === undefined || q.quantity === undefined ? [] : [{ lot, quantity: q.quantity }];
  });
  const each = (kind: 'commissioned' | 'tests' | 'destroyed' | 'lost', sign = 1): Movement[] =>
    quantities.map((q) => ({ kind, lot: q.lot, quantity: sign * q.quantity, eventId }));
  if (step === 'commissioning' && event.action === 'ADD') yield* each('commissioned');
  else if (step === HS_BIZ_STEP.proofFiring) yield* each('tests');
  else if (step === 'destroying') yield* each('destroyed');
  else if (step === HS_BIZ_STEP.writingOffLoss) {
    yield* each('lost');
    for (const sscc of ssccs) yield { kind: 'crate_lost', sscc, eventId };
  } else if (step === HS_BIZ_STEP.adjusting) {
    // A count that found more adds stock: it takes the term down (see LotBalance.adjusted).
    for (const q of quantities)
      yield {
        kind: 'adjusted',
        lot: q.lot,
        quantity: event.action === 'ADD' ? -q.quantity : q.quantity,
        eventId,
      };
  } else if (step === 'shipping') {
    for (const sscc of ssccs) yield { kind: 'shipped', sscc, eventId };
  } else if (
    step === 'receiving' &&
    (event.destinationList ?? []).some((d) => d.destination.includes('/consignee/'))
  ) {
    for (const sscc of ssccs) yield { kind: 'received', sscc, eventId };
  }
}

export interface LotReconciliation extends LotBalance {
  readonly id: string | null;
  readonly lotNumber: string;
  readonly productId: string;
}

export interface Reconciliation {
  readonly lots: readonly LotReconciliation[];
  readonly totals: Omit<LotBalance, 'lot' | 'events'>;
  /** Lots with a difference that no recorded event explains. */
  readonly unexplained: number;
}

/**
 * Reconciles every lot (or those commissioned in [from, to)): commissioned = in stock + in
 * transit + delivered + consumed in tests + destroyed + lost + adjusted, every term but the
 * stock summed from the ledger, the stock from the stock records. A lot whose difference is not
 * zero is listed with the ledger events involved.
 *
 * @example
 * const r = await reconcileLots(app, auditor);
 * r.unexplained; // 0
 */
export async function reconcileLots(
  app: AppContext,
  actor: Actor,
  period: { from?: string; to?: string } = {},
): Promise<Reconciliation> {
  requireRole(actor, staff, 'reconcile lots');
  const ex = app.store;
  const scenario = await plantScenario(ex);
  const events: CustodyEvent[] = [];
  const declared = new Set<string>();
  for await (const entry of ledgerRecords(ex).allEntries()) {
    const event = (JSON.parse(entry.text) as { event: CustodyEvent }).event;
    if (event.errorDeclaration !== undefined) declared.add(event.eventID);
    else events.push(event);
  }
  const commissionedAt = new Map<string, string>();
  const movements: Movement[] = [];
  for (const event of events) {
    // An event declared in error counts for nothing; its corrective events say what happened.
    if (declared.has(event.eventID)) continue;
    for (const m of movementsOf(event)) {
      movements.push(m);
      if (m.kind === 'commissioned') commissionedAt.set(m.lot, event.eventTime);
    }
  }
  const lots = await lotRepository(ex).list();
  const stock = await roundsInPlant(ex, scenario, lots);
  const byKey = new Map(lots.map((l) => [`${l.productId}/${l.lotNumber}`, l]));
  const inStock = new Map(lots.map((l) => [`${l.productId}/${l.lotNumber}`, stock.get(l.id) ?? 0]));
  const inPeriod = (key: string): boolean => {
    const at = commissionedAt.get(key) ?? byKey.get(key)?.commissionedAt;
    if (at === undefined) return period.from === undefined && period.to === undefined;
    return (period.from === undefined || at >= period.from) && (period.to === undefined || at < period.to);
  };
  const balances = reconcile(movements, inStock)
    .filter((b) => b.lot.includes('/') && inPeriod(b.lot))
    .map((b) => {
      const lot = byKey.get(b.lot);
      const [productId = '', lotNumber = b.lot] = b.lot.split('/');
      return {
        ...b,
        id: lot?.id ?? null,
        lotNumber: lot?.lotNumber ?? lotNumber,
        productId: lot?.productId ?? productId,
      };
    });
  const sum = (f: (b: LotBalance) => number): number => balances.reduce((s, b) => s + f(b), 0);
  return {
    lots: balances,
    totals: {
      commissioned: sum((b) => b.commissioned),
      inStock: sum((b) => b.inStock),
      inTransit: sum((b) => b.inTransit),
      delivered: sum((b) => b.delivered),
      consumedInTests: sum((b) => b.consumedInTests),
      destroyed: sum((b) => b.destroyed),
      lost: sum((b) => b.lost),
      adjusted: sum((b) => b.adjusted),
      difference: sum((b) => b.difference),
    },
    unexplained: balances.filter((b) => b.difference !== 0).length,
  };
}
