import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedTestLot, type CustodyPlant } from '../../../../test/support/custody.ts';
import { actorFor, addUser } from '../../../app/users.ts';
import { responseProblems } from '../../testing/response.ts';
import { openApiHarness, testConsignee, type ApiHarness } from '../../testing/harness.ts';
import {
  Approval,
  ApprovalPage,
  Approved,
  Authorisation,
  AuthorisationPage,
  Destroyed,
  FourEyes,
  Receipt,
  Shipment,
  ShipmentPage,
  RecoveredPage,
  TransferPage,
} from './schema.ts';
import { CrateTrace, ForwardTrace, RecallResult, Reconciliation, ShipmentTrace } from './trace-schema.ts';

/**
 * Custody and trace over HTTP, each answer checked against its declared (closed) schema. The server
 * answers without its schema serializers here (`unshapedReplies`), so a field the use case returns but
 * the schema leaves out reaches the check and fails it, rather than being dropped on the way.
 */
/** An answer as the test reads it: fields looked up by name, checked against the schema first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = Record<string, any>;

describe('custody and trace answers match their schemas', () => {
  let h: ApiHarness;
  let plant: CustodyPlant;
  beforeAll(async () => {
    h = await openApiHarness({ unshapedReplies: true });
    for (const [name, role] of [
      ['irina', 'quality'],
      ['chief', 'quality'],
      ['masha', 'logistics'],
    ] as const)
      await addUser(h.plant.app, h.plant.admin, { name, role });
    plant = {
      ...h.plant,
      people: {
        inspector: await actorFor(h.plant.app, 'irina'),
        chief: await actorFor(h.plant.app, 'chief'),
        clerk: h.users.logistics,
        clerk2: await actorFor(h.plant.app, 'masha'),
        auditor: h.users.auditor,
        army: h.users.consignee,
        police: h.users.consignee,
      },
    };
  });
  afterAll(() => h.close());

  const api = '/api/v1';
  async function expectAnswer(
    role: Parameters<ApiHarness['call']>[0],
    request: { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> },
    status: number,
    schema: Parameters<typeof responseProblems>[0],
  ): Promise<Answer> {
    const res = await h.call(role, request);
    expect(res.statusCode, `${request.method} ${request.url}: ${res.body}`).toBe(status);
    const body = res.json<Answer>();
    expect(responseProblems(schema, body), `${request.method} ${request.url}`).toEqual([]);
    return body;
  }

  it('authorisations, shipments, approvals, receipt, traces, reconciliation, report, recall, destruction', async () => {
    // An authorisation waits for a second person, who approves it.
    const added = await expectAnswer(
      'logistics',
      {
        method: 'POST',
        url: `${api}/authorisations`,
        payload: {
          number: 'EUC-2027-001',
          authority: 'Ministry of Defence',
          consigneeId: testConsignee,
          country: 'BY',
          products: ['ball-ps'],
          quantityCeiling: 100_000,
          validFrom: '2027-01-01',
          validTo: '2027-12-31',
          documents: ['contract C-2027-17'],
        },
      },
      201,
      FourEyes(Authorisation),
    );
    expect(added.status).toBe('awaiting_approval');
    const waiting = await expectAnswer(
      'auditor',
      { method: 'GET', url: `${api}/approvals` },
      200,
      ApprovalPage,
    );
    expect(waiting.items).toHaveLength(1);
    const approval = await h.call('admin', {
      method: 'POST',
      url: `${api}/approvals/${added.request.requestNumber}/approve`,
    });
    expect(approval.statusCode, approval.body).toBe(200);
    expect(responseProblems(Approved, approval.json())).toEqual([]);

    const { lot, ssccs } = await packedTestLot(plant, 1000);
    const shipment = await expectAnswer(
      'logistics',
      {
        method: 'POST',
        url: `${api}/shipments`,
        payload: {
          consigneeId: testConsignee,
          ssccs: ssccs.slice(0, 3),
          transportRef: 'TR-1',
          invoiceRef: 'INV-1',
        },
      },
      201,
      Shipment,
    );
    const dispatched = await expectAnswer(
      'logistics',
      { method: 'POST', url: `${api}/shipments/${shipment.shipmentNumber}/dispatch` },
      200,
      FourEyes(Shipment),
    );
    if (dispatched.status === 'awaiting_approval') {
      const res = await h.call('admin', {
        method: 'POST',
        url: `${api}/approvals/${dispatched.request.requestNumber}/approve`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await expectAnswer('consignee', { method: 'GET', url: `${api}/shipments` }, 200, ShipmentPage);
    await expectAnswer('auditor', { method: 'GET', url: `${api}/authorisations` }, 200, AuthorisationPage);
    await expectAnswer('auditor', { method: 'GET', url: `${api}/approvals?all=true` }, 200, ApprovalPage);
    await expectAnswer(
      'consignee',
      {
        method: 'POST',
        url: `${api}/shipments/${shipment.shipmentNumber}/receipt`,
        payload: { received: ssccs.slice(0, 2), reason: 'one crate short' },
      },
      200,
      Receipt,
    );

    await expectAnswer(
      'auditor',
      { method: 'GET', url: `${api}/trace/lots/${lot.lotNumber}` },
      200,
      ForwardTrace,
    );
    await expectAnswer('auditor', { method: 'GET', url: `${api}/trace/crates/${ssccs[0]}` }, 200, CrateTrace);
    await expectAnswer(
      'auditor',
      { method: 'GET', url: `${api}/trace/shipments/${shipment.shipmentNumber}` },
      200,
      ShipmentTrace,
    );
    const marked = lot.marking['headstamp'];
    const headstamp = typeof marked === 'string' ? marked : '';
    const recovered = await expectAnswer(
      'auditor',
      { method: 'POST', url: `${api}/trace/recovered`, payload: { headstamp } },
      200,
      RecoveredPage,
    );
    expect(recovered.items.length).toBeGreaterThan(0);
    const report = await expectAnswer(
      'auditor',
      { method: 'GET', url: `${api}/reports/transfers` },
      200,
      TransferPage,
    );
    expect(report.items.length).toBeGreaterThan(0);

    const { lot: loose } = await packedTestLot(plant, 1010);
    const destroyed = await expectAnswer(
      'quality',
      {
        method: 'POST',
        url: `${api}/destructions`,
        payload: { lotNumber: loose.lotNumber, quantity: 5, reason: 'damaged in handling' },
      },
      201,
      FourEyes(Destroyed),
    );
    if (destroyed.status === 'awaiting_approval')
      await expectAnswer(
        'admin',
        { method: 'POST', url: `${api}/approvals/${destroyed.request.requestNumber}/approve` },
        200,
        Approved,
      );
    const reconciliation = await expectAnswer(
      'auditor',
      { method: 'GET', url: `${api}/reconciliation` },
      200,
      Reconciliation,
    );
    expect(reconciliation.lots.length).toBeGreaterThan(0);
    const recall = await expectAnswer(
      'quality',
      {
        method: 'POST',
        url: `${api}/recalls`,
        payload: { lotNumber: lot.lotNumber, reason: 'primer fault' },
      },
      201,
      RecallResult,
    );
    expect(recall.notices.length).toBeGreaterThan(0);

    // A request withdrawn by its own requester.
    const second = await h.call('logistics', {
      method: 'POST',
      url: `${api}/authorisations`,
      payload: {
        number: 'EUC-2027-002',
        authority: 'Ministry of Defence',
        consigneeId: testConsignee,
        country: 'BY',
        products: ['ball-ps'],
        quantityCeiling: 1000,
        validFrom: '2027-01-01',
        validTo: '2027-12-31',
        documents: ['contract C-2027-18'],
      },
    });
    await expectAnswer(
      'logistics',
      { method: 'POST', url: `${api}/approvals/${second.json().request.requestNumber}/withdraw` },
      200,
      Approval,
    );
    await expectAnswer(
      'logistics',
      {
        method: 'POST',
        url: `${api}/authorisations/EUC-2027-001/status`,
        payload: { status: 'suspended', reason: 'end-user check pending' },
      },
      200,
      Authorisation,
    );
  });
});
