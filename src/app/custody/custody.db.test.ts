import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import {
  packedTestLot,
  receiveTestComponents,
  setUpCustodyPlant,
  testAuthorisation,
  type CustodyPlant,
} from '../../../test/support/custody.ts';
import { RefusedError, ValidationError } from '../../domain/errors.ts';
import { buildPallet } from '../packing/pack.ts';
import { listCrates, moveStock } from '../packing/stock.ts';
import { listApprovals } from './approvals.ts';
import { approveRequest } from './approve.ts';
import { addAuthorisation, listAuthorisations, setAuthorisationStatus } from './authorisations.ts';
import { dispatchShipment } from './dispatch.ts';
import { recallLots } from './recall.ts';
import { receiveShipment } from './receive.ts';
import { reconcileLots } from './reconcile.ts';
import { transferReport, transfersCsv } from './report.ts';
import { createShipment } from './shipments.ts';
import { traceCrateBackward, traceLotForward, traceShipmentBackward } from './trace.ts';
import { traceRecovered } from './recovered.ts';
import { requestLotRelease } from './release.ts';
import { commissionTestLot } from '../../../test/support/lots.ts';
import { samplingPlanFor } from '../quality/plan.ts';
import { recordSampleResults } from '../quality/record.ts';
import { lotStatus } from '../quality/lot-quality.ts';

async function refusal(p: Promise<unknown>): Promise<readonly string[]> {
  try {
    await p;
  } catch (error) {
    if (error instanceof RefusedError) return error.reasons;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('custody: authorisations, four eyes, shipments, trace, recall, reconciliation', () => {
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

  async function ship(ssccs: string[], consigneeId = 'army') {
    const { clerk, clerk2 } = plant.people;
    const planned = await createShipment(plant.app, clerk, {
      consigneeId,
      ssccs,
      transportRef: 'TR-1',
      invoiceRef: 'INV-1',
    });
    const out = await dispatchShipment(plant.app, clerk, planned.shipmentNumber);
    if (out.status === 'awaiting_approval')
      await approveRequest(plant.app, clerk2, out.request.requestNumber);
    return planned.shipmentNumber;
  }

  it('adds an authorisation only once a second person approves it; self-approval is refused', async () => {
    const { clerk, inspector, clerk2 } = plant.people;
    const out = await addAuthorisation(plant.app, clerk, {
      number: 'EUC-1',
      authority: 'MoD',
      consigneeId: 'army',
      country: 'BY',
      products: ['ball-ps'],
      quantityCeiling: 5000,
      validFrom: '2027-01-01',
      validTo: '2027-06-30',
      documents: ['contract 17'],
    });
    expect(out.status).toBe('awaiting_approval');
    if (out.status !== 'awaiting_approval') return;
    expect(await listAuthorisations(plant.app, clerk)).toHaveLength(0);
    expect((await listApprovals(plant.app, clerk)).map((a) => a.requestNumber)).toEqual([
      out.request.requestNumber,
    ]);
    const self = await refusal(approveRequest(plant.app, clerk, out.request.requestNumber));
    expect(self.join('\n')).toMatch(/no self-approval/);
    const role = await refusal(approveRequest(plant.app, inspector, out.request.requestNumber));
    expect(role.join('\n')).toMatch(/needs logistics or admin/);
    await approveRequest(plant.app, clerk2, out.request.requestNumber);
    const [eu] = await listAuthorisations(plant.app, clerk);
    expect(eu).toMatchObject({
      number: 'EUC-1',
      status: 'valid',
      actor: 'user:kolya',
      approver: 'user:masha',
      remaining: 5000,
    });
    expect(await listApprovals(plant.app, clerk)).toHaveLength(0);
  });

  it('refuses a shipment without an authorisation, naming why', async () => {
    const { ssccs } = await packedTestLot(plant, 400);
    const reasons = await refusal(
      createShipment(plant.app, plant.people.clerk, {
        consigneeId: 'army',
        ssccs,
        transportRef: 'T',
        invoiceRef: 'I',
      }),
    );
    expect(reasons).toEqual(['no authorisation (end-user certificate) is recorded for consignee army']);
  });

  describe('each authorisation condition is refused on its own', () => {
    const cases: [string, Parameters<typeof testAuthorisation>[1], RegExp][] = [
      ['suspended', {}, /is suspended/],
      ['not yet valid', { validFrom: '2027-02-01' }, /valid from 2027-02-01/],
      ['expired', { validFrom: '2026-06-01', validTo: '2026-12-31' }, /expired on 2026-12-31/],
      ['other consignee', { consigneeId: 'police' }, /names consignee police, not army/],
      ['product not covered', { products: ['tracer-t'] }, /does not cover product ball-ps/],
      [
        'ceiling exceeded',
        { quantityCeiling: 300 },
        /300 rounds left of its ceiling 300; the shipment needs 400/,
      ],
    ];
    for (const [name, overrides, expected] of cases) {
      it(name, async () => {
        const { ssccs } = await packedTestLot(plant, 400);
        const number = await testAuthorisation(plant, overrides);
        if (name === 'suspended')
          await setAuthorisationStatus(plant.app, plant.people.clerk, number, 'suspended', 'end-use check');
        const reasons = await refusal(
          createShipment(plant.app, plant.people.clerk, {
            consigneeId: 'army',
            ssccs,
            authorisation: number,
            transportRef: 'T',
            invoiceRef: 'I',
          }),
        );
        expect(reasons).toHaveLength(1);
        expect(reasons[0]).toMatch(expected);
      });
    }
  });

  it('ships with an authorisation (dispatch approved by a second person), receives with a shortfall, reconciles to zero', async () => {
    const { clerk, clerk2, army, police, auditor } = plant.people;
    const { lot, ssccs } = await packedTestLot(plant, 1010);
    await testAuthorisation(plant);
    const planned = await createShipment(plant.app, clerk, {
      consigneeId: 'army',
      ssccs: ssccs.slice(0, 3),
      transportRef: 'TR-9',
      invoiceRef: 'INV-9',
    });
    expect(planned).toMatchObject({
      status: 'planned',
      crates: 3,
      quantity: 600,
      authorisation: 'EUC-2027-001',
    });
    const out = await dispatchShipment(plant.app, clerk, planned.shipmentNumber);
    expect(out.status).toBe('awaiting_approval');
    if (out.status !== 'awaiting_approval') return;
    expect(await refusal(approveRequest(plant.app, clerk, out.request.requestNumber))).toHaveLength(1);
    const approved = await approveRequest(plant.app, clerk2, out.request.requestNumber);
    expect(approved.result).toMatchObject({
      status: 'in_transit',
      dispatchedBy: 'user:kolya',
      dispatchApprover: 'user:masha',
    });

    // Crates in transit have left the plant: no longer stock, and they cannot be moved.
    const inStock = (await listCrates(plant.app, clerk)).map((c) => c.sscc);
    for (const sscc of ssccs.slice(0, 3)) expect(inStock).not.toContain(sscc);
    expect(inStock).toContain(ssccs[3]);
    expect(await refusal(moveStock(plant.app, clerk, { sscc: ssccs[0]!, to: 'M1' }))).toEqual([
      `${ssccs[0]} was shipped: it is no longer in stock`,
    ]);

    await expect(receiveShipment(plant.app, police, planned.shipmentNumber)).rejects.toThrow(/is for army/);
    await expect(
      receiveShipment(plant.app, army, planned.shipmentNumber, { received: ssccs.slice(0, 2) }),
    ).rejects.toBeInstanceOf(ValidationError);
    const receipt = await receiveShipment(plant.app, army, planned.shipmentNumber, {
      received: ssccs.slice(0, 2),
      reason: 'crate missing at unloading',
    });
    expect(receipt.discrepancies).toMatchObject([{ kind: 'shortfall', sscc: ssccs[2], rounds: 200 }]);

    const forward = await traceLotForward(plant.app, auditor, lot.lotNumber);
    expect(forward.consignees).toEqual([
      { consigneeId: 'army', name: 'Army depot 1', country: 'BY', rounds: 400, delivered: 400, inTransit: 0 },
    ]);
    const r = await reconcileLots(plant.app, auditor);
    expect(r.unexplained).toBe(0);
    const balance = r.lots.find((b) => b.lotNumber === lot.lotNumber);
    expect(balance).toMatchObject({
      commissioned: 1010,
      delivered: 400,
      lost: 200,
      inTransit: 0,
      difference: 0,
    });
    expect(balance?.inStock).toBe(1010 - 400 - 200 - (balance?.consumedInTests ?? 0));

    const report = await transferReport(plant.app, auditor);
    expect(report).toMatchObject([
      {
        consigneeId: 'army',
        country: 'BY',
        productId: 'ball-ps',
        rounds: 400,
        authorisation: 'EUC-2027-001',
      },
    ]);
    expect(transfersCsv(report).split('\r\n')[1]).toContain(',400,EUC-2027-001,');
  });

  it('lists a difference that no event explains, with the events involved', async () => {
    const { lot } = await packedTestLot(plant, 1010);
    await t.store.db
      .updateTable('lot_stock')
      .set({ quantity: 0 })
      .where('lot_id', '=', lot.id)
      .where('form', '=', 'round')
      .execute();
    const r = await reconcileLots(plant.app, plant.people.auditor);
    expect(r.unexplained).toBe(1);
    const balance = r.lots.find((b) => b.lotNumber === lot.lotNumber);
    expect(balance?.difference).toBeGreaterThan(0);
    expect(balance?.events.length).toBeGreaterThan(0);
  });

  it('traces a shipment and a crate back to run, line, date and component lots', async () => {
    await receiveTestComponents(plant, 'primer', 5000, 'PB-77');
    const { lot, ssccs } = await packedTestLot(plant, 1000);
    await testAuthorisation(plant);
    const pallet = await buildPallet(plant.app, plant.people.clerk, { crates: ssccs });
    const number = await ship([pallet.sscc]);
    const back = await traceShipmentBackward(plant.app, plant.people.auditor, number);
    expect(back.lots).toHaveLength(1);
    expect(back.lots[0]).toMatchObject({ lotNumber: lot.lotNumber, lineId: 'L1', crates: 5, rounds: 1000 });
    expect(back.lots[0]?.components.map((c) => c.supplierLot)).toEqual(['PB-77']);
    const crate = await traceCrateBackward(plant.app, plant.people.auditor, ssccs[0] ?? '');
    expect(crate).toMatchObject({
      kind: 'crate',
      palletSscc: pallet.sscc,
      shipmentNumber: number,
      consigneeId: 'army',
    });
    const recovered = await traceRecovered(plant.app, plant.people.auditor, {
      headstamp: String(lot.marking['headstamp']),
      lot: lot.lotNumber.slice(-6),
    });
    expect(recovered[0]).toMatchObject({
      lotNumber: lot.lotNumber,
      consignees: [{ consigneeId: 'army', rounds: 1000 }],
    });
  });

  it('recovered cartridge: ranks by rounds delivered; a planned shipment and a missing crate count for nothing', async () => {
    await testAuthorisation(plant);
    const a = await packedTestLot(plant, 1000);
    const b = await packedTestLot(plant, 1000);
    const c = await packedTestLot(plant, 1000);
    const toA = await ship(a.ssccs.slice(0, 3));
    await receiveShipment(plant.app, plant.people.army, toA, {
      received: a.ssccs.slice(0, 2),
      reason: 'one crate short at unloading',
    });
    await ship(b.ssccs.slice(0, 4));
    await createShipment(plant.app, plant.people.clerk, {
      consigneeId: 'army',
      ssccs: c.ssccs,
      transportRef: 'TR-2',
      invoiceRef: 'INV-2',
    });
    const headstamp = String(a.lot.marking['headstamp']);
    const ranked = await traceRecovered(plant.app, plant.people.auditor, { headstamp });
    expect(ranked.map((r) => [r.lotNumber, r.score, r.consignees])).toEqual([
      [b.lot.lotNumber, 13, [{ consigneeId: 'army', rounds: 800 }]],
      [a.lot.lotNumber, 13, [{ consigneeId: 'army', rounds: 400 }]],
      [c.lot.lotNumber, 10, []],
    ]);
    // The best `limit` are those of the full ranking, not the first lots by number.
    const best = await traceRecovered(plant.app, plant.people.auditor, { headstamp }, 1);
    expect(best.map((r) => r.lotNumber)).toEqual([b.lot.lotNumber]);
    // Label words (the product, its UN number) add to every lot alike; the order stays.
    const labelled = await traceRecovered(plant.app, plant.people.auditor, { headstamp, label: 'ball-ps' });
    expect(labelled.map((r) => [r.lotNumber, r.score])).toEqual([
      [b.lot.lotNumber, 18],
      [a.lot.lotNumber, 18],
      [c.lot.lotNumber, 15],
    ]);
    const byPart = await traceRecovered(plant.app, plant.people.auditor, {
      headstamp,
      lot: c.lot.lotNumber.slice(-6),
    });
    expect(byPart.map((r) => r.lotNumber)).toEqual([c.lot.lotNumber]);
  });

  it('recalls from a component lot: every lot that used it is held, each consignee gets a notice', async () => {
    await receiveTestComponents(plant, 'primer', 1500, 'PB-1');
    const a = await packedTestLot(plant, 1000);
    const b = await packedTestLot(plant, 1000);
    await receiveTestComponents(plant, 'primer', 5000, 'PB-2');
    const c = await packedTestLot(plant, 1000);
    await testAuthorisation(plant);
    await ship(a.ssccs.slice(0, 2));
    const recall = await recallLots(
      plant.app,
      plant.people.inspector,
      { kind: 'component-lot', componentLot: 'PB-1' },
      'primer lot out of specification',
    );
    expect(recall.lots.map((l) => l.lotNumber)).toEqual([a.lot.lotNumber, b.lot.lotNumber]);
    expect(recall.notices).toMatchObject([{ consigneeId: 'army', rounds: 400 }]);
    // Held stock may not ship.
    const reasons = await refusal(
      createShipment(plant.app, plant.people.clerk, {
        consigneeId: 'army',
        ssccs: b.ssccs.slice(0, 1),
        transportRef: 'T',
        invoiceRef: 'I',
      }),
    );
    expect(reasons.join('\n')).toMatch(new RegExp(`lot ${b.lot.lotNumber} is held`));
    expect(c.lot.lotNumber).not.toBe(b.lot.lotNumber);
  });

  it('routes a lot release through the approval requests: the second quality person releases it', async () => {
    const { inspector, chief } = plant.people;
    const lot = await commissionTestLot(plant, 1000);
    const plan = await samplingPlanFor(plant.app, inspector, lot.lotNumber);
    await recordSampleResults(plant.app, inspector, {
      lotNumber: lot.lotNumber,
      results: plan.classes.map((c) => ({ defectClass: c.defectClass, inspected: c.n, defects: 0 })),
    });
    const request = await requestLotRelease(plant.app, inspector, { lotNumber: lot.lotNumber });
    expect(await lotStatus(t.store, lot.id)).toBe('pending');
    expect((await refusal(approveRequest(plant.app, inspector, request.requestNumber))).join()).toMatch(
      /self-approval/,
    );
    await approveRequest(plant.app, chief, request.requestNumber);
    expect(await lotStatus(t.store, lot.id)).toBe('released');
  });

  it('records a surplus crate at receipt as a discrepancy with its own event, and still reconciles', async () => {
    const { lot, ssccs } = await packedTestLot(plant, 1000);
    await testAuthorisation(plant);
    const number = await ship(ssccs.slice(0, 2));
    const extra = ssccs[4] ?? '';
    const receipt = await receiveShipment(plant.app, plant.people.army, number, {
      received: [...ssccs.slice(0, 2), extra],
      reason: 'a third crate was loaded without papers',
    });
    expect(receipt.discrepancies).toMatchObject([{ kind: 'surplus', sscc: extra, rounds: 200 }]);
    const r = await reconcileLots(plant.app, plant.people.auditor);
    expect(r.lots.find((b) => b.lotNumber === lot.lotNumber)).toMatchObject({
      delivered: 600,
      difference: 0,
    });
    const forward = await traceLotForward(plant.app, plant.people.auditor, lot.lotNumber);
    expect(forward.consignees).toMatchObject([{ consigneeId: 'army', delivered: 600 }]);
  });
});
