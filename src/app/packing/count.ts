import { RefusedError } from '../../domain/errors.ts';
import { countAdjustment } from '../../domain/stock/index.ts';
import { stockAdjusted } from '../../ledger/builders.ts';
import type { Tx } from '../../store/database.ts';
import { stockRepository, type LooseForm, type StockCountRecord } from '../../store/repositories/stock.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { needsSecondPerson, requestApproval, type FourEyesOutcome } from '../custody/approvals.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { placeCommissionedLot } from './lot-stock.ts';
import { locationOf, roundsOf } from './stock.ts';

export interface CountInput {
  readonly location: string;
  readonly lotNumber: string;
  readonly form: LooseForm;
  readonly counted: number;
  readonly reason?: string;
  readonly note?: string;
}

/** A count waiting for a second person also carries what the records held when it was made. */
export interface CountRequest extends CountInput {
  readonly recorded?: number;
}

/**
 * Records a count inside the caller's transaction and, when it differs from the records, adjusts
 * them by the difference with a `stockAdjusted` event naming the actor and (four eyes) the
 * approver. A count approved later is refused if the records changed since it was made: the
 * difference it found is no longer the difference.
 *
 * @example
 * await countStockIn(tx, app, clerk, chief, { location: 'Q1', lotNumber: 'HSP26L001-001', form: 'round', counted: 95, reason: 'missing', recorded: 100 });
 */
export async function countStockIn(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  input: CountRequest,
): Promise<StockCountRecord> {
  const scenario = await plantScenario(tx);
  const location = locationOf(scenario, input.location);
  const lot = await lotByNumber(tx, input.lotNumber);
  await placeCommissionedLot(tx, scenario, lot);
  const stock = stockRepository(tx);
  const recorded = await stock.loose(lot.id, location.id, input.form);
  if (input.recorded !== undefined && input.recorded !== recorded) {
    throw new RefusedError(
      'stock.adjust_stale',
      `the records of ${lot.lotNumber} at ${location.id} changed`,
      [
        `the records held ${input.recorded} ${input.form}s of ${lot.lotNumber} at ${location.id} when it was counted and hold ${recorded} now: count again`,
      ],
    );
  }
  const adjustment = countAdjustment({
    recorded,
    counted: input.counted,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  const at = app.clock.now().toISOString();
  if (adjustment.delta !== 0) {
    if (!(await stock.addLoose(lot.id, location.id, input.form, adjustment.delta))) {
      throw new RefusedError('stock.adjust_refused', 'stock adjustment refused', [
        `${lot.lotNumber} at ${location.id} cannot go below zero`,
      ]);
    }
    const reasonText =
      adjustment.note === undefined ? adjustment.reason : `${adjustment.reason}: ${adjustment.note}`;
    await appendCustody(tx, [
      stockAdjusted(
        {
          eventID: app.ids.next('event'),
          eventTime: at,
          actor: custodyActor(actor),
          reason: reasonText,
          ...(approver === undefined ? {} : { approver: custodyActor(approver) }),
        },
        {
          product: lot.productId,
          lot: lot.lotNumber,
          delta: roundsOf(scenario, lot.productId, input.form, adjustment.delta),
          location: location.id,
        },
      ),
    ]);
  }
  const record: StockCountRecord = {
    id: app.ids.next('count'),
    locationId: location.id,
    lotId: lot.id,
    form: input.form,
    recorded,
    counted: adjustment.counted,
    delta: adjustment.delta,
    reason: adjustment.reason ?? null,
    note: adjustment.note ?? null,
    countedAt: at,
    actor: actorRef(actor),
  };
  await stock.insertCount(record);
  return record;
}

/**
 * Records a physical count of a lot's loose rounds or boxes at a location. A count that matches
 * the records is recorded at once. One that differs adjusts the records by the difference, with
 * a reason (and a note for `other`); when the plant asks four eyes for adjustments it becomes an
 * approval request (`stock.adjust`) that another person approves (`headstamp approve`), and
 * nothing changes until then.
 *
 * @example
 * const out = await countStock(app, clerk, { location: 'Q1', lotNumber: 'HSP26L001-001', form: 'round', counted: 95, reason: 'missing' });
 * if (out.status === 'awaiting_approval') console.log(out.request.requestNumber);
 */
export async function countStock(
  app: AppContext,
  actor: UserActor,
  input: CountInput,
): Promise<FourEyesOutcome<StockCountRecord>> {
  requireRole(actor, ['logistics', 'admin'], 'count stock');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const location = locationOf(scenario, input.location);
    const lot = await lotByNumber(tx, input.lotNumber);
    await placeCommissionedLot(tx, scenario, lot);
    const recorded = await stockRepository(tx).loose(lot.id, location.id, input.form);
    // Checked in full before anything waits: a request that waits is one that can be done.
    const adjustment = countAdjustment({
      recorded,
      counted: input.counted,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(input.note === undefined ? {} : { note: input.note }),
    });
    if (adjustment.delta === 0 || !needsSecondPerson(scenario, 'stock.adjust')) {
      return { status: 'done', result: await countStockIn(tx, app, actor, undefined, input) };
    }
    const payload: CountRequest = { ...input, location: location.id, recorded };
    const request = await requestApproval(tx, app, scenario, actor, {
      kind: 'stock.adjust',
      payload: { ...payload },
      summary: `adjust ${lot.lotNumber} at ${location.id} by ${adjustment.delta > 0 ? '+' : ''}${adjustment.delta} ${input.form === 'box' ? 'boxes' : 'rounds'} (${recorded} → ${input.counted}, ${adjustment.reason ?? ''}${adjustment.note === undefined ? '' : `: ${adjustment.note}`})`,
    });
    return { status: 'awaiting_approval', request };
  });
}
