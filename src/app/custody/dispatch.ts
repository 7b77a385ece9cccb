import { ConflictError, RefusedError } from '../../domain/errors.ts';
import { cratesShipped } from '../../ledger/builders.ts';
import type { Tx } from '../../store/database.ts';
import { authorisationRepository } from '../../store/custody/authorisations.ts';
import { shipmentRepository } from '../../store/custody/shipments.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import { actorRef, requireRole, type UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody } from '../custody.ts';
import { plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import { needsSecondPerson, requestApproval, type FourEyesOutcome } from './approvals.ts';
import { plantDate } from './common.ts';
import {
  coveringAuthorisation,
  crateRefusals,
  shipmentByNumber,
  viewOf,
  type ShippedCrate,
  type ShipmentView,
} from './shipments.ts';

/** Every reason the shipment cannot leave now, checked against the records as they are. */
async function dispatchRefusals(tx: Tx, app: AppContext, number: string) {
  const scenario = await plantScenario(tx);
  const shipment = await shipmentByNumber(tx, number);
  if (shipment.status !== 'planned') {
    throw new ConflictError(
      'shipment.status',
      `shipment ${shipment.shipmentNumber} is ${shipment.status}, not planned`,
      {
        status: shipment.status,
      },
    );
  }
  const stock = stockRepository(tx);
  const entries = await shipmentRepository(tx).crates(shipment.id);
  const crates: ShippedCrate[] = [];
  for (const e of entries) {
    const crate = await stock.crateBySscc(e.sscc);
    if (crate !== undefined) crates.push({ ...crate, palletSscc: e.palletSscc });
  }
  const auth = await authorisationRepository(tx).byId(shipment.authorisationId);
  const quantities = new Map<string, number>();
  for (const e of entries) quantities.set(e.productId, (quantities.get(e.productId) ?? 0) + e.rounds);
  const reasons = await crateRefusals(tx, crates, shipment.id);
  const cover = await coveringAuthorisation(tx, {
    consigneeId: shipment.consigneeId,
    authorisation: auth?.number ?? shipment.authorisationId,
    quantities,
    dispatchDate: plantDate(scenario, app.clock.now()),
    exceptShipment: shipment.id,
  });
  reasons.push(...cover.reasons);
  return { scenario, shipment, crates, reasons, authorisation: auth?.number ?? shipment.authorisationId };
}

/**
 * Dispatches a planned shipment inside the caller's transaction: the authorisation is checked
 * again on the day of dispatch (status, validity, remaining quantity), the lots again (a recall
 * may have held one), then the shipment goes in transit with one `cratesShipped` custody event
 * per location the crates leave from, naming the actor and, for four eyes, the approver.
 *
 * @example
 * await dispatchShipmentIn(tx, app, clerk, chief, 'SH-2027-0001');
 */
export async function dispatchShipmentIn(
  tx: Tx,
  app: AppContext,
  actor: UserActor,
  approver: UserActor | undefined,
  number: string,
): Promise<ShipmentView> {
  const { scenario, shipment, crates, reasons, authorisation } = await dispatchRefusals(tx, app, number);
  if (reasons.length > 0) {
    throw new RefusedError(
      'shipment.dispatch_refused',
      `shipment ${shipment.shipmentNumber} cannot be dispatched`,
      reasons,
    );
  }
  const at = app.clock.now().toISOString();
  if (
    !(await shipmentRepository(tx).markDispatched(
      shipment.id,
      at,
      actorRef(actor),
      approver === undefined ? null : actorRef(approver),
    ))
  ) {
    throw new ConflictError(
      'shipment.status',
      `shipment ${shipment.shipmentNumber} changed meanwhile: try again`,
    );
  }
  const byLocation = new Map<string, ShippedCrate[]>();
  for (const c of crates) byLocation.set(c.locationId, [...(byLocation.get(c.locationId) ?? []), c]);
  await appendCustody(
    tx,
    [...byLocation].map(([from, group]) =>
      cratesShipped(
        {
          eventID: app.ids.next('event'),
          eventTime: at,
          actor,
          ...(approver === undefined ? {} : { approver }),
        },
        {
          // Pallets first, then their crates and loose crates: a reader of the event sees both.
          ssccs: [
            ...new Set(group.flatMap((c) => (c.palletSscc === null ? [] : [c.palletSscc]))),
            ...group.map((c) => c.sscc),
          ],
          plant: scenario.plant.id,
          from,
          consignee: shipment.consigneeId,
          shipment: shipment.shipmentNumber,
          authorisation,
        },
      ),
    ),
  );
  return viewOf(
    {
      ...shipment,
      status: 'in_transit',
      dispatchedAt: at,
      dispatchedBy: actorRef(actor),
      dispatchApprover: approver === undefined ? null : actorRef(approver),
    },
    authorisation,
    crates,
  );
}

/**
 * Dispatches a planned shipment. When the plant asks four eyes for dispatch, every condition is
 * checked now and the act waits as an approval request; another logistics or admin user's
 * `approve` dispatches it (checked again then).
 *
 * @example
 * const out = await dispatchShipment(app, clerk, 'SH-2027-0001');
 * if (out.status === 'awaiting_approval') console.log(out.request.requestNumber);
 */
export async function dispatchShipment(
  app: AppContext,
  actor: UserActor,
  number: string,
): Promise<FourEyesOutcome<ShipmentView>> {
  requireRole(actor, ['logistics', 'admin'], 'dispatch a shipment');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    if (!needsSecondPerson(scenario, 'shipment.dispatch')) {
      return { status: 'done', result: await dispatchShipmentIn(tx, app, actor, undefined, number) };
    }
    const { shipment, reasons, crates } = await dispatchRefusals(tx, app, number);
    if (reasons.length > 0) {
      throw new RefusedError(
        'shipment.dispatch_refused',
        `shipment ${shipment.shipmentNumber} cannot be dispatched`,
        reasons,
      );
    }
    const request = await requestApproval(tx, app, scenario, actor, {
      kind: 'shipment.dispatch',
      payload: { shipment: shipment.shipmentNumber },
      summary: `dispatch ${shipment.shipmentNumber} to ${shipment.consigneeId}: ${crates.length} crates, ${shipment.quantity} rounds`,
    });
    return { status: 'awaiting_approval', request };
  });
}
