import type { RecoveredQuery } from '../../domain/custody/index.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { lotStatusChanged } from '../../ledger/builders.ts';
import { recallRepository } from '../../store/custody/recalls.ts';
import { traceRepository } from '../../store/custody/trace.ts';
import { lotRepository, type LotRecord } from '../../store/repositories/lots.ts';
import { qualityRepository } from '../../store/repositories/quality.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber, lotStatus } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { nextNumber } from './common.ts';
import { recoveredCandidates } from './recovered.ts';
import { roundsInPlant } from './stock.ts';

export type RecallOrigin =
  | { readonly kind: 'lot'; readonly lotNumber: string; readonly viaComponents?: boolean }
  | { readonly kind: 'component-lot'; readonly componentLot: string }
  | { readonly kind: 'field-report'; readonly report: RecoveredQuery };

export interface RecallNotice {
  readonly consigneeId: string;
  readonly name: string;
  readonly country: string;
  readonly rounds: number;
  readonly lots: readonly { lotNumber: string; shipmentNumber: string; rounds: number; status: string }[];
}

export interface RecallResult {
  readonly id: string;
  readonly recallNumber: string;
  readonly reason: string;
  readonly origin: string;
  readonly lots: readonly { id: string; lotNumber: string; previousStatus: string; roundsHeld: number }[];
  readonly notices: readonly RecallNotice[];
}

/**
 * Hold and recall: from a lot (and, with `viaComponents`, every lot that shares a component lot
 * with it), a component lot (every lot made with it) or a field report (the best-matching lots
 * of a recovered cartridge) to every affected lot. Each is put on hold (its stock may no longer
 * move or ship) with a `recalled` custody event, and each consignee that received any of them
 * gets a notice with the rounds per lot and shipment. Quality (or admin) only.
 *
 * @example
 * const recall = await recallLots(app, inspector, { kind: 'component-lot', componentLot: 'PRIMER-27A-0001' }, 'primer lot out of specification');
 * recall.notices.map((n) => `${n.consigneeId}: ${n.rounds}`);
 */
export async function recallLots(
  app: AppContext,
  actor: UserActor,
  origin: RecallOrigin,
  reason: string,
): Promise<RecallResult> {
  requireRole(actor, ['quality', 'admin'], 'recall lots');
  const why = reason.trim();
  if (why === '')
    throw new ValidationError('recall.reason', 'reason: required for a recall', [
      { path: 'reason', problem: 'required' },
    ]);
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const repo = traceRepository(tx);
    const lots = lotRepository(tx);
    let lotIds: string[];
    let originRef: string;
    if (origin.kind === 'lot') {
      const lot = await lotByNumber(tx, origin.lotNumber);
      originRef = lot.lotNumber;
      lotIds = [lot.id];
      if (origin.viaComponents === true) {
        const used = (await repo.components([lot.id])).map((c) => c.componentLotId);
        lotIds = [...new Set([lot.id, ...(await repo.lotsUsing(used))])];
      }
    } else if (origin.kind === 'component-lot') {
      const id = (await repo.componentLotIdsByNumber([origin.componentLot])).get(origin.componentLot);
      if (id === undefined)
        throw new NotFoundError('component_lot.not_found', `no component lot ${origin.componentLot}`, {
          componentLot: origin.componentLot,
        });
      originRef = origin.componentLot;
      lotIds = await repo.lotsUsing([id]);
    } else {
      const ranked = await recoveredCandidates(tx, scenario, origin.report, 1000);
      const best = ranked[0]?.score;
      originRef = [origin.report.headstamp, origin.report.lot, origin.report.label]
        .filter((x) => x !== undefined)
        .join(' / ');
      lotIds = ranked.filter((r) => r.score === best).map((r) => r.id);
    }
    if (lotIds.length === 0)
      throw new NotFoundError('recall.no_lots', `no lot matches ${originRef}`, { origin: originRef });

    const now = app.clock.now();
    const at = now.toISOString();
    const recallNumber = await nextNumber(tx, scenario, 'RC', now);
    const affected: LotRecord[] = [];
    for (const id of lotIds) {
      const lot = await lots.byId(id);
      if (lot !== undefined) affected.push(lot);
    }
    affected.sort((a, b) => a.lotNumber.localeCompare(b.lotNumber));
    const inPlant = await roundsInPlant(tx, scenario, affected);
    const quality = qualityRepository(tx);
    const held: RecallResult['lots'][number][] = [];
    const text = `recall ${recallNumber}: ${why}`;
    for (const lot of affected) {
      const previous = await lotStatus(tx, lot.id);
      // A rejected lot stays rejected (it may not move or ship either); every other one is held.
      if (previous !== 'rejected' && previous !== 'held') {
        await quality.insertDecision({
          id: app.ids.next('decision'),
          lotId: lot.id,
          status: 'held',
          reason: text,
          inspectionId: null,
          approver: null,
          decidedAt: at,
          actor: actorRef(actor),
        });
      }
      held.push({
        id: lot.id,
        lotNumber: lot.lotNumber,
        previousStatus: previous,
        roundsHeld: inPlant.get(lot.id) ?? 0,
      });
    }
    await appendCustody(
      tx,
      affected.map((lot) =>
        lotStatusChanged(
          { eventID: app.ids.next('event'), eventTime: at, actor, reason: text },
          { product: lot.productId, lot: lot.lotNumber, status: 'recalled' },
        ),
      ),
    );

    const numbers = new Map(affected.map((l) => [l.id, l.lotNumber]));
    const notices = new Map<string, RecallNotice & { lots: RecallNotice['lots'][number][] }>();
    for (const d of await repo.deliveries(affected.map((l) => l.id))) {
      if (d.status === 'planned') continue;
      const c = scenario.consignees.find((x) => x.id === d.consigneeId);
      const n = notices.get(d.consigneeId) ?? {
        consigneeId: d.consigneeId,
        name: c?.name ?? d.consigneeId,
        country: c?.country ?? '',
        rounds: 0,
        lots: [],
      };
      n.lots.push({
        lotNumber: numbers.get(d.lotId) ?? d.lotId,
        shipmentNumber: d.shipmentNumber,
        rounds: d.rounds,
        status: d.status,
      });
      notices.set(d.consigneeId, { ...n, rounds: n.rounds + d.rounds });
    }
    const recallId = app.ids.next('recall');
    await recallRepository(tx).insert(
      {
        id: recallId,
        recallNumber,
        originKind: origin.kind,
        originRef,
        reason: why,
        createdAt: at,
        actor: actorRef(actor),
      },
      held.map((l) => ({ lotId: l.id, roundsHeld: l.roundsHeld })),
      [...notices.values()].map((n) => ({ consigneeId: n.consigneeId, rounds: n.rounds, details: n.lots })),
    );
    return {
      id: recallId,
      recallNumber,
      reason: why,
      origin: `${origin.kind} ${originRef}`,
      lots: held,
      notices: [...notices.values()].sort((a, b) => a.consigneeId.localeCompare(b.consigneeId)),
    };
  });
}
