import { ValidationError } from '../../domain/errors.ts';
import { roundsDestroyed } from '../../ledger/builders.ts';
import type { Tx } from '../../store/database.ts';
import { requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody } from '../custody.ts';
import { placeCommissionedLot, takeLooseRounds } from '../packing/lot-stock.ts';
import { plantScenario } from '../plant-setup.ts';
import { lotByNumber } from '../quality/lot-quality.ts';
import { withTransaction } from '../transaction.ts';
import { needsSecondPerson, requestApproval, type FourEyesOutcome } from './approvals.ts';

export interface DestroyInput {
  readonly lotNumber: string;
  /** Loose rounds to destroy. */
  readonly quantity: number;
  /** Where they are (default: the location holding most of the lot's loose rounds). */
  readonly location?: string;
  readonly reason: string;
}

export interface Destroyed {
  readonly id: string;
  readonly lotNumber: string;
  readonly quantity: number;
  readonly location: string;
}

function check(input: DestroyInput): void {
  const problems = [
    ...(!Number.isSafeInteger(input.quantity) || input.quantity <= 0
      ? [{ path: 'quantity', problem: `must be a whole number > 0, got ${input.quantity}` }]
      : []),
    ...(input.reason.trim() === '' ? [{ path: 'reason', problem: 'required to destroy rounds' }] : []),
  ];
  if (problems.length > 0) throw new ValidationError('destroy.invalid', 'destruction: bad input', problems);
}

/**
 * Destroys loose rounds of a lot inside the caller's transaction, with the `destroying` custody
 * event naming the actor, the approver and the reason.
 *
 * @example
 * await destroyRoundsIn(tx, app, inspector, chief, { lotNumber: 'HSP27A001-002', quantity: 400, reason: 'rejected lot' });
 */
export async function destroyRoundsIn(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  input: DestroyInput,
): Promise<Destroyed> {
  check(input);
  const scenario = await plantScenario(tx);
  const lot = await lotByNumber(tx, input.lotNumber);
  await placeCommissionedLot(tx, scenario, lot);
  const location = await takeLooseRounds(tx, lot, input.quantity, input.location);
  await appendCustody(tx, [
    roundsDestroyed(
      {
        eventID: app.ids.next('event'),
        eventTime: app.clock.now(),
        actor,
        reason: input.reason.trim(),
        ...(approver === undefined ? {} : { approver }),
      },
      { product: lot.productId, lot: lot.lotNumber, quantity: input.quantity, location },
    ),
  ]);
  return { id: lot.id, lotNumber: lot.lotNumber, quantity: input.quantity, location };
}

/**
 * Destroys loose rounds of a lot (a rejected lot, damaged stock), with a reason. When the plant
 * asks four eyes for destruction, the act waits for a second person's approval.
 *
 * @example
 * const out = await destroyRounds(app, inspector, { lotNumber: 'HSP27A001-002', quantity: 400, reason: 'rejected lot' });
 */
export async function destroyRounds(
  app: AppContext,
  actor: UserActor,
  input: DestroyInput,
): Promise<FourEyesOutcome<Destroyed>> {
  requireRole(actor, ['quality', 'logistics', 'admin'], 'destroy rounds');
  check(input);
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    if (!needsSecondPerson(scenario, 'stock.destroy')) {
      return { status: 'done', result: await destroyRoundsIn(tx, app, actor, undefined, input) };
    }
    await lotByNumber(tx, input.lotNumber);
    const request = await requestApproval(tx, app, scenario, actor, {
      kind: 'stock.destroy',
      payload: { ...input },
      summary: `destroy ${input.quantity} rounds of lot ${input.lotNumber}${input.location === undefined ? '' : ` at ${input.location}`}: ${input.reason}`,
    });
    return { status: 'awaiting_approval', request };
  });
}
