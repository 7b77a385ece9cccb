import type { UserActor } from '../../src/app/actor.ts';
import { approveRequest } from '../../src/app/custody/approve.ts';
import type { FourEyesOutcome } from '../../src/app/custody/approvals.ts';
import { addAuthorisation, type AddAuthorisationInput } from '../../src/app/custody/authorisations.ts';
import { packLot } from '../../src/app/packing/pack.ts';
import { receiveComponents } from '../../src/app/production/components.ts';
import { decideLot } from '../../src/app/quality/decide.ts';
import { samplingPlanFor } from '../../src/app/quality/plan.ts';
import { recordSampleResults } from '../../src/app/quality/record.ts';
import { actorFor, addUser } from '../../src/app/users.ts';
import type { Store } from '../../src/store/database.ts';
import type { LotRecord } from '../../src/store/repositories/lots.ts';
import { commissionTestLot } from './lots.ts';
import { setUpTestPlant, type TestPlant } from './plant.ts';

/** The people of custody tests: two quality, two logistics, an auditor, the army's clerk. */
export interface CustodyPeople {
  readonly inspector: UserActor;
  readonly chief: UserActor;
  readonly clerk: UserActor;
  readonly clerk2: UserActor;
  readonly auditor: UserActor;
  readonly army: UserActor;
  readonly police: UserActor;
}

export interface CustodyPlant extends TestPlant {
  readonly people: CustodyPeople;
}

/**
 * The small plant (20 rounds a box, 10 boxes a crate, 5 crates a pallet; four eyes on) with
 * the people custody needs.
 *
 * @example
 * const plant = await setUpCustodyPlant(t.store);
 */
export async function setUpCustodyPlant(store: Store): Promise<CustodyPlant> {
  const plant = await setUpTestPlant(store);
  const users = [
    ['irina', 'quality'],
    ['chief', 'quality'],
    ['kolya', 'logistics'],
    ['masha', 'logistics'],
    ['audrey', 'auditor'],
    ['armyclerk', 'consignee', 'army'],
    ['policeclerk', 'consignee', 'police'],
  ] as const;
  for (const [name, role, consigneeId] of users) {
    await addUser(plant.app, plant.admin, {
      name,
      role,
      ...(consigneeId === undefined ? {} : { consigneeId }),
    });
  }
  const get = (name: string) => actorFor(plant.app, name);
  return {
    ...plant,
    people: {
      inspector: await get('irina'),
      chief: await get('chief'),
      clerk: await get('kolya'),
      clerk2: await get('masha'),
      auditor: await get('audrey'),
      army: await get('armyclerk'),
      police: await get('policeclerk'),
    },
  };
}

/** Receives a component lot (e.g. primers) so that the next lots consume it. */
export async function receiveTestComponents(
  plant: CustodyPlant,
  componentId: string,
  quantity: number,
  supplierLot: string,
) {
  return receiveComponents(plant.app, plant.admin, {
    componentId,
    supplier: 'Supplier B',
    supplierLot,
    quantity,
  });
}

/** Commissions, samples, releases (four eyes) and packs a lot; returns it with its crate SSCCs. */
export async function packedTestLot(
  plant: CustodyPlant,
  quantity: number,
  productId = 'ball-ps',
): Promise<{ lot: LotRecord; ssccs: string[] }> {
  const { inspector, chief, clerk } = plant.people;
  const lot = await commissionTestLot(plant, quantity, productId);
  const plan = await samplingPlanFor(plant.app, inspector, lot.lotNumber);
  await recordSampleResults(plant.app, inspector, {
    lotNumber: lot.lotNumber,
    results: plan.classes.map((c) => ({ defectClass: c.defectClass, inspected: c.n, defects: 0 })),
  });
  await decideLot(plant.app, inspector, { lotNumber: lot.lotNumber, decision: 'released', approver: chief });
  const packed = await packLot(plant.app, clerk, { lotNumber: lot.lotNumber });
  return { lot, ssccs: packed.crates.map((c) => c.sscc) };
}

/** An authorisation for the army, added by one clerk and approved by the other. */
export async function testAuthorisation(
  plant: CustodyPlant,
  overrides: Partial<AddAuthorisationInput> = {},
): Promise<string> {
  const input: AddAuthorisationInput = {
    number: 'EUC-2027-001',
    authority: 'Ministry of Defence',
    consigneeId: 'army',
    country: 'BY',
    products: ['ball-ps'],
    quantityCeiling: 100_000,
    validFrom: '2027-01-01',
    validTo: '2027-12-31',
    documents: ['contract C-2027-17'],
    ...overrides,
  };
  const out = await addAuthorisation(plant.app, plant.people.clerk, input);
  if (out.status === 'awaiting_approval') {
    await approveRequest(plant.app, plant.people.clerk2, out.request.requestNumber);
  }
  return input.number;
}

/**
 * The request a four-eyes act opened; fails the test if the act was done at once instead.
 *
 * @example
 * const request = pendingRequest(await countStock(app, clerk, count));
 * await approveRequest(app, clerk2, request.requestNumber);
 */
export function pendingRequest<T>(
  outcome: FourEyesOutcome<T>,
): Extract<FourEyesOutcome<T>, { status: 'awaiting_approval' }>['request'] {
  if (outcome.status !== 'awaiting_approval')
    throw new Error('expected a request waiting for a second person');
  return outcome.request;
}
