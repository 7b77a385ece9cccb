import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { commissionTestLot } from '../../../test/support/lots.ts';
import {
  packedTestLot,
  pendingRequest,
  setUpCustodyPlant,
  testAuthorisation,
  type CustodyPlant,
} from '../../../test/support/custody.ts';
import { setUpTestPlant, smallPlantSource } from '../../../test/support/plant.ts';
import { RefusedError, ValidationError } from '../../domain/errors.ts';
import type { CustodyEvent } from '../../ledger/event.ts';
import { stockRepository } from '../../store/repositories/stock.ts';
import { ledgerRecords } from '../ledger/records.ts';
import { countStock } from '../packing/count.ts';
import { listCrates } from '../packing/stock.ts';
import { actorFor, addUser } from '../users.ts';
import { approveRequest } from './approve.ts';
import { destroyRounds } from './destroy.ts';
import { reconcileLots } from './reconcile.ts';
import { createShipment } from './shipments.ts';
import { traceLotForward } from './trace.ts';

async function ledgerEvents(t: TestDatabase): Promise<CustodyEvent[]> {
  const out: CustodyEvent[] = [];
  for await (const e of ledgerRecords(t.store).allEntries())
    out.push((JSON.parse(e.text) as { event: CustodyEvent }).event);
  return out;
}

describe('stock adjustments and destruction, four eyes', () => {
  let t: TestDatabase;
  let plant: CustodyPlant;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpCustodyPlant(t.store);
  });

  const loose = async (lotId: string): Promise<number> =>
    stockRepository(t.store).loose(lotId, 'Q1', 'round');

  describe('adjusting stock', () => {
    it('waits for another logistics person, who is named in the ledger event with the requester', async () => {
      const { clerk, clerk2 } = plant.people;
      const lot = await commissionTestLot(plant, 1000);
      const out = await countStock(plant.app, clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 985,
        reason: 'missing',
      });
      const request = pendingRequest(out);
      expect(request).toMatchObject({ kind: 'stock.adjust', status: 'pending' });
      expect(await loose(lot.id)).toBe(1000);
      const { result } = await approveRequest(plant.app, clerk2, request.requestNumber);
      expect(result).toMatchObject({ recorded: 1000, counted: 985, delta: -15, reason: 'missing' });
      expect(await loose(lot.id)).toBe(985);
      const adjusted = (await ledgerEvents(t)).filter((e) => e.bizStep?.endsWith('adjusting'));
      expect(adjusted).toHaveLength(1);
      expect(adjusted[0]).toMatchObject({
        actor: { id: 'kolya' },
        approver: { id: 'masha' },
        reason: 'missing',
      });
      const r = await reconcileLots(plant.app, plant.people.auditor);
      expect(r.unexplained).toBe(0);
      expect(r.totals.adjusted).toBe(15);
    });

    it('refuses self-approval, and changes nothing', async () => {
      const lot = await commissionTestLot(plant, 1000);
      const out = await countStock(plant.app, plant.people.clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 990,
        reason: 'damaged',
      });
      const request = pendingRequest(out);
      const refused = approveRequest(plant.app, plant.people.clerk, request.requestNumber);
      await expect(refused).rejects.toThrow(RefusedError);
      await expect(refused).rejects.toMatchObject({
        reasons: [expect.stringContaining('no self-approval')],
      });
      expect(await loose(lot.id)).toBe(1000);
    });

    it('refuses an approver of the wrong role', async () => {
      const lot = await commissionTestLot(plant, 1000);
      const out = await countStock(plant.app, plant.people.clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 990,
        reason: 'damaged',
      });
      const request = pendingRequest(out);
      await expect(
        approveRequest(plant.app, plant.people.chief, request.requestNumber),
      ).rejects.toMatchObject({
        reasons: ['chief has role quality; approving stock.adjust needs logistics or admin'],
      });
      expect(await loose(lot.id)).toBe(1000);
    });

    it('refuses an adjustment without a reason, naming the field, before any request', async () => {
      const lot = await commissionTestLot(plant, 1000);
      const out = countStock(plant.app, plant.people.clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 990,
      });
      await expect(out).rejects.toThrow(ValidationError);
      await expect(out).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'reason' })] });
      expect(await t.store.db.selectFrom('approval_requests').select('id').execute()).toEqual([]);
    });

    it('refuses an approval once the records changed since the count', async () => {
      const { clerk, clerk2 } = plant.people;
      const lot = await commissionTestLot(plant, 1000);
      const first = await countStock(plant.app, clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 990,
        reason: 'missing',
      });
      const second = await countStock(plant.app, clerk, {
        location: 'Q1',
        lotNumber: lot.lotNumber,
        form: 'round',
        counted: 995,
        reason: 'missing',
      });
      if (first.status !== 'awaiting_approval' || second.status !== 'awaiting_approval')
        throw new Error('expected requests');
      await approveRequest(plant.app, clerk2, first.request.requestNumber);
      await expect(approveRequest(plant.app, clerk2, second.request.requestNumber)).rejects.toMatchObject({
        code: 'stock.adjust_stale',
      });
      expect(await loose(lot.id)).toBe(990);
    });
  });

  describe('destroying', () => {
    it('destroys loose rounds once a second person approves; reconciliation counts them destroyed', async () => {
      const { inspector, chief } = plant.people;
      const lot = await commissionTestLot(plant, 1000);
      const out = await destroyRounds(plant.app, inspector, {
        lotNumber: lot.lotNumber,
        quantity: 300,
        reason: 'rejected lot',
      });
      const request = pendingRequest(out);
      expect(await loose(lot.id)).toBe(1000);
      const { result } = await approveRequest(plant.app, chief, request.requestNumber);
      expect(result).toMatchObject({ rounds: 300, lots: [{ lotNumber: lot.lotNumber, location: 'Q1' }] });
      expect(await loose(lot.id)).toBe(700);
      const destroyed = (await ledgerEvents(t)).filter((e) => e.bizStep === 'destroying');
      expect(destroyed).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ id: 'irina' }),
          approver: expect.objectContaining({ id: 'chief' }),
          reason: 'rejected lot',
        }),
      ]);
      const r = await reconcileLots(plant.app, plant.people.auditor);
      expect(r.unexplained).toBe(0);
      expect(r.totals.destroyed).toBe(300);
    });

    it('destroys a crate whole: it leaves stock, cannot ship, cannot be destroyed again', async () => {
      const { inspector, clerk, clerk2 } = plant.people;
      await testAuthorisation(plant);
      const { lot, ssccs } = await packedTestLot(plant, 1000);
      const crate = ssccs[0] ?? '';
      const out = await destroyRounds(plant.app, inspector, { sscc: crate, reason: 'crate crushed' });
      const request = pendingRequest(out);
      const { result } = await approveRequest(plant.app, clerk2, request.requestNumber);
      expect(result).toMatchObject({ rounds: 200, ssccs: [crate] });
      const left = await listCrates(plant.app, clerk, { lotNumber: lot.lotNumber });
      expect(left.map((c) => c.sscc)).not.toContain(crate);
      expect(left).toHaveLength(ssccs.length - 1);
      await expect(
        createShipment(plant.app, clerk, {
          consigneeId: 'army',
          ssccs: [crate],
          transportRef: 'T',
          invoiceRef: 'I',
        }),
      ).rejects.toMatchObject({ reasons: [`crate ${crate} was destroyed`] });
      await expect(
        destroyRounds(plant.app, inspector, { sscc: crate, reason: 'again' }),
      ).rejects.toMatchObject({
        reasons: [`crate ${crate} was destroyed already`],
      });
      const forward = await traceLotForward(plant.app, plant.people.auditor, lot.lotNumber);
      expect(forward.crates.filter((c) => c.destroyedAt !== null).map((c) => c.sscc)).toEqual([crate]);
      const event = (await ledgerEvents(t)).find((e) => e.bizStep === 'destroying');
      expect(event).toMatchObject({ epcList: [expect.stringContaining(crate)] });
      const r = await reconcileLots(plant.app, plant.people.auditor);
      expect(r.unexplained).toBe(0);
      expect(r.totals.destroyed).toBe(200);
    });

    it('refuses self-approval', async () => {
      const lot = await commissionTestLot(plant, 1000);
      const out = await destroyRounds(plant.app, plant.people.inspector, {
        lotNumber: lot.lotNumber,
        quantity: 10,
        reason: 'damaged',
      });
      const request = pendingRequest(out);
      await expect(
        approveRequest(plant.app, plant.people.inspector, request.requestNumber),
      ).rejects.toMatchObject({ reasons: [expect.stringContaining('no self-approval')] });
      expect(await loose(lot.id)).toBe(1000);
    });

    it('refuses an approver of the wrong role', async () => {
      const lot = await commissionTestLot(plant, 1000);
      const out = await destroyRounds(plant.app, plant.people.inspector, {
        lotNumber: lot.lotNumber,
        quantity: 10,
        reason: 'damaged',
      });
      const request = pendingRequest(out);
      await expect(
        approveRequest(plant.app, plant.people.auditor, request.requestNumber),
      ).rejects.toMatchObject({
        reasons: ['audrey has role auditor; approving stock.destroy needs quality or logistics or admin'],
      });
      expect(await loose(lot.id)).toBe(1000);
    });

    it('refuses a destruction without a reason, naming the field', async () => {
      const lot = await commissionTestLot(plant, 1000);
      await expect(
        destroyRounds(plant.app, plant.people.inspector, {
          lotNumber: lot.lotNumber,
          quantity: 10,
          reason: ' ',
        }),
      ).rejects.toMatchObject({
        problems: [{ path: 'reason', problem: 'required: why the rounds are destroyed' }],
      });
    });

    it('refuses more than is in stock before any request waits', async () => {
      const lot = await commissionTestLot(plant, 1000);
      await expect(
        destroyRounds(plant.app, plant.people.inspector, {
          lotNumber: lot.lotNumber,
          quantity: 1001,
          reason: 'damaged',
        }),
      ).rejects.toMatchObject({
        code: 'stock.not_enough',
        reasons: ['1001 loose rounds needed; the most at one place is 1000 at Q1'],
      });
      expect(await t.store.db.selectFrom('approval_requests').select('id').execute()).toEqual([]);
      expect(await loose(lot.id)).toBe(1000);
    });
  });

  it('applies both at once where the plant does not ask four eyes for them', async () => {
    await t.reset();
    const source = smallPlantSource
      .replace('adjustStock: true', 'adjustStock: false')
      .replace('destroy: true', 'destroy: false');
    const quiet = await setUpTestPlant(t.store, source);
    await addUser(quiet.app, quiet.admin, { name: 'kolya', role: 'logistics' });
    await addUser(quiet.app, quiet.admin, { name: 'audrey', role: 'auditor' });
    const clerk = await actorFor(quiet.app, 'kolya');
    const lot = await commissionTestLot(quiet, 1000);
    const count = await countStock(quiet.app, clerk, {
      location: 'Q1',
      lotNumber: lot.lotNumber,
      form: 'round',
      counted: 990,
      reason: 'missing',
    });
    expect(count).toMatchObject({ status: 'done', result: { delta: -10 } });
    const gone = await destroyRounds(quiet.app, clerk, {
      lotNumber: lot.lotNumber,
      quantity: 90,
      reason: 'damaged',
    });
    expect(gone).toMatchObject({ status: 'done', result: { rounds: 90 } });
    expect(await loose(lot.id)).toBe(900);
    const events = (await ledgerEvents(t)).filter(
      (e) => e.bizStep === 'destroying' || e.bizStep?.endsWith('adjusting'),
    );
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.approver).toBeUndefined();
    const r = await reconcileLots(quiet.app, await actorFor(quiet.app, 'audrey'));
    expect(r.unexplained).toBe(0);
    expect(await t.store.db.selectFrom('approval_requests').select('id').execute()).toEqual([]);
  });
});
