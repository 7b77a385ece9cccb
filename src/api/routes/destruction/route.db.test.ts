import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commissionTestLot } from '../../../../test/support/lots.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

describe('destruction and stock counts over HTTP, four eyes', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  const post = (role: 'logistics' | 'quality' | 'admin' | 'auditor', url: string, payload?: object) =>
    h.call(role, { method: 'POST', url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload }) });

  it('a destruction waits for a second person of an allowed role; self-approval is refused', async () => {
    const lot = await commissionTestLot(h.plant, 1000);
    const asked = await post('logistics', '/destructions', {
      lotNumber: lot.lotNumber,
      quantity: 40,
      reason: 'damaged in store',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'awaiting_approval', request: { kind: 'stock.destroy' } });
    const number = asked.json().request.requestNumber as string;
    const self = await post('logistics', `/approvals/${number}/approve`);
    expect(self.statusCode).toBe(422);
    expect(JSON.stringify(self.json())).toContain('no self-approval');
    const auditor = await post('auditor', `/approvals/${number}/approve`);
    expect(auditor.statusCode).toBe(403);
    const approved = await post('quality', `/approvals/${number}/approve`);
    expect(approved.statusCode).toBeLessThan(300);
    expect(approved.json()).toMatchObject({ result: { rounds: 40, lots: [{ lotNumber: lot.lotNumber }] } });
  });

  it('refuses a destruction without a reason or with both an SSCC and a lot, naming the fields', async () => {
    const none = await post('quality', '/destructions', { lotNumber: 'X', quantity: 1 });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json())).toContain('reason');
    const both = await post('quality', '/destructions', {
      lotNumber: 'X',
      quantity: 1,
      sscc: '106141410000000019',
      reason: 'r',
    });
    expect(both.statusCode).toBe(400);
    expect(
      both
        .json()
        .details.problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['lotNumber', 'quantity']);
  });

  it('a count that differs waits for approval; one that matches is recorded at once', async () => {
    const lot = await commissionTestLot(h.plant, 1000);
    const differs = await post('logistics', '/stock/counts', {
      location: 'Q1',
      lotNumber: lot.lotNumber,
      form: 'round',
      counted: 990,
      reason: 'missing',
    });
    expect(differs.statusCode).toBe(201);
    expect(differs.json()).toMatchObject({ status: 'awaiting_approval', request: { kind: 'stock.adjust' } });
    const quality = await post('quality', `/approvals/${differs.json().request.requestNumber}/approve`);
    expect(quality.statusCode).toBe(422);
    expect(JSON.stringify(quality.json())).toContain('needs logistics or admin');
    const admin = await post('admin', `/approvals/${differs.json().request.requestNumber}/approve`);
    expect(admin.statusCode).toBeLessThan(300);
    expect(admin.json()).toMatchObject({ result: { delta: -10, counted: 990 } });
    const matches = await post('logistics', '/stock/counts', {
      location: 'Q1',
      lotNumber: lot.lotNumber,
      form: 'round',
      counted: 990,
    });
    expect(matches.json()).toMatchObject({ status: 'done', result: { delta: 0 } });
  });
});
