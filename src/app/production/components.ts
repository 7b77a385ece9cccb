import { ConflictError, ValidationError, type FieldProblem } from '../../domain/errors.ts';
import { formatComponentLotNumber, supplierLotProblems } from '../../domain/lot/index.ts';
import type { Component } from '../../domain/scenario/schema.ts';
import { componentLotReceived } from '../../ledger/builders.ts';
import { lotRepository, type ComponentLotRecord } from '../../store/repositories/lots.ts';
import { plantRepository } from '../../store/repositories/plant.ts';
import { sequenceRepository } from '../../store/repositories/sequences.ts';
import { actorRef, requireRole, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { appendCustody, custodyActor } from '../custody.ts';
import { componentCode, plantScenario } from '../plant-setup.ts';
import { withTransaction } from '../transaction.ts';
import type { Keyset, KeysetPage } from '../../store/keyset.ts';

export interface ReceiveComponentsInput {
  readonly componentId: string;
  readonly supplier: string;
  /** The supplier's lot number, as on the delivery papers. */
  readonly supplierLot: string;
  readonly quantity: number;
}

/**
 * Receives a delivery of components (counted units) into stock as a component lot with our own
 * number (`CASE-27A-0001`) beside the supplier's; the receipt goes to the ledger. Logistics or
 * admin. The same supplier lot twice is refused (a delivery is received once).
 *
 * @example
 * const lot = await receiveComponents(app, logistics, { componentId: 'case', supplier: 'Supplier A', supplierLot: 'A-114', quantity: 500_000 });
 * lot.lotNumber; // 'CASE-27A-0001'
 */
export async function receiveComponents(
  app: AppContext,
  actor: Actor,
  input: ReceiveComponentsInput,
): Promise<ComponentLotRecord> {
  requireRole(actor, ['logistics', 'admin'], 'receive components');
  return withTransaction(app.store, async (tx) => {
    const scenario = await plantScenario(tx);
    const component = scenario.components.find((c) => c.id === input.componentId);
    const problems = checkReceipt(input, component, scenario.components);
    if (problems.length > 0)
      throw new ValidationError('components.invalid', 'receipt has problems', problems);
    const lots = lotRepository(tx);
    const supplierLot = input.supplierLot.trim();
    const already = (await lots.componentLots()).find(
      (l) =>
        l.componentId === input.componentId && l.supplier === input.supplier && l.supplierLot === supplierLot,
    );
    if (already !== undefined) {
      throw new ConflictError(
        'components.received',
        `${input.supplier} lot ${supplierLot} of ${input.componentId} was received already as ${already.lotNumber}`,
        { lotNumber: already.lotNumber },
      );
    }
    const now = app.clock.now();
    const plant = await plantRepository(tx).get();
    const code = componentCode(input.componentId);
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    const sequence = await sequenceRepository(tx).next(
      plant?.id ?? scenario.plant.id,
      `component-lot:${code}:${year}-${month}`,
    );
    const record: ComponentLotRecord = {
      id: app.ids.next('component-lot'),
      componentId: input.componentId,
      lotNumber: formatComponentLotNumber({ component: code, year, month, sequence }),
      supplier: input.supplier,
      supplierLot,
      received: input.quantity,
      remaining: input.quantity,
      receivedAt: now.toISOString(),
      actor: actorRef(actor),
    };
    await lots.insertComponentLot(record);
    const store =
      scenario.storage.find((s) => s.kind === 'line-side')?.id ??
      scenario.storage.find((s) => s.kind === 'magazine')?.id ??
      'components';
    await appendCustody(tx, [
      componentLotReceived(
        { eventID: app.ids.next('event'), eventTime: now, actor: custodyActor(actor) },
        {
          product: input.componentId,
          lot: record.lotNumber,
          quantity: input.quantity,
          location: store,
          supplier: input.supplier,
        },
      ),
    ]);
    return record;
  });
}

function checkReceipt(
  input: ReceiveComponentsInput,
  component: Component | undefined,
  all: readonly Component[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (component === undefined) {
    problems.push({
      path: 'component',
      problem: `no component ${input.componentId} (known: ${all.map((c) => c.id).join(', ')})`,
    });
  } else if (!component.suppliers.includes(input.supplier)) {
    problems.push({
      path: 'supplier',
      problem: `${input.supplier} is not a supplier of ${component.id} (known: ${component.suppliers.join(', ')})`,
    });
  }
  problems.push(...supplierLotProblems(input.supplierLot, 'supplierLot'));
  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) {
    problems.push({ path: 'quantity', problem: `must be a whole number > 0, got ${input.quantity}` });
  }
  return problems;
}

/**
 * Component lots with what is left of each.
 *
 * @example
 * const stock = await listComponentLots(app, actor);
 */
export async function listComponentLots(app: AppContext, actor: Actor): Promise<ComponentLotRecord[]> {
  requireRole(
    actor,
    ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'],
    'list component lots',
  );
  return lotRepository(app.store).componentLots();
}

/**
 * One page of component lots by lot number, with what is left of each.
 *
 * @example
 * const { items, nextKey } = await pageComponentLots(app, actor, { limit: 100 });
 */
export async function pageComponentLots(
  app: AppContext,
  actor: Actor,
  page: Keyset,
): Promise<KeysetPage<ComponentLotRecord>> {
  requireRole(
    actor,
    ['operator', 'planner', 'quality', 'logistics', 'auditor', 'admin'],
    'list component lots',
  );
  return lotRepository(app.store).componentLotPage(page);
}
