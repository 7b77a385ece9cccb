import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

const at = (minutes: number): string => new Date(Date.UTC(2027, 0, 4, 3, minutes)).toISOString();

describe('the ledger over HTTP', () => {
  let h: ApiHarness;
  const keys = mkdtempSync(join(tmpdir(), 'headstamp-keys-'));
  beforeAll(async () => {
    h = await openApiHarness({ ledgerKeyFile: join(keys, 'ledger.key') });
    h.plant.app.clock.advance(60 * 60_000);
    await orderOnLine(h.plant.app, h.plant.admin, { lineId: 'L1', productId: 'ball-ps', quantity: 2500 });
    await h.server.ready();
    const res = await h.call('operator', {
      method: 'POST',
      url: '/api/v1/line-events',
      payload: {
        events: [
          { eventId: 's1', kind: 'state', lineId: 'L1', at: at(0), state: 'Execute' },
          { eventId: 'c1', kind: 'count', lineId: 'L1', at: at(20), processed: 2600, defective: 20 },
        ],
      },
    });
    expect(res.json().lotsCommissioned.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await h.close();
    rmSync(keys, { recursive: true, force: true });
  });

  it('verifies the ledger for the auditor, and counts what was appended in the metrics', async () => {
    const res = await h.call('auditor', { method: 'POST', url: '/api/v1/ledger/verify', payload: {} });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ok).toBe(true);
    expect(body.size).toBeGreaterThan(0);
    const metrics = (await h.server.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(`headstamp_ledger_events ${body.size}`);
    const appended = /headstamp_ledger_events_appended_total (\d+)/.exec(metrics)?.[1];
    expect(Number(appended)).toBeGreaterThan(0);
  });

  it('signs a checkpoint (admin), proves inclusion and consistency against it, and exports EPCIS', async () => {
    const cp = await h.call('admin', { method: 'POST', url: '/api/v1/ledger/checkpoints' });
    expect(cp.statusCode).toBe(201);
    const { size, note, rootHash } = cp.json();
    expect(note).toContain(rootHash);

    const inclusion = await h.call('auditor', {
      method: 'GET',
      url: `/api/v1/ledger/proofs/inclusion?index=0`,
    });
    expect(inclusion.statusCode).toBe(200);
    expect(inclusion.json()).toMatchObject({ index: 0, size, rootHash, checkpoint: note });

    const head = await h.call('auditor', { method: 'GET', url: '/api/v1/ledger' });
    expect(head.statusCode).toBe(200);
    expect(head.json().checkpoints[0]).toMatchObject({ size, rootHash, actor: 'user:admin' });
    expect(head.json().size).toBeGreaterThanOrEqual(size);
    const refused = await h.call('consignee', { method: 'GET', url: '/api/v1/ledger' });
    expect(refused.statusCode).toBe(403);

    const consistency = await h.call('auditor', {
      method: 'GET',
      url: `/api/v1/ledger/proofs/consistency?from=1`,
    });
    expect(consistency.json()).toMatchObject({ size1: 1, size2: size, root2: rootHash });

    const against = await h.call('auditor', {
      method: 'POST',
      url: '/api/v1/ledger/verify',
      payload: { against: note },
    });
    expect(against.json()).toMatchObject({ ok: true });

    const beyond = await h.call('auditor', {
      method: 'GET',
      url: `/api/v1/ledger/proofs/inclusion?index=${size}`,
    });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().details.problems[0].path).toBe('index');

    const epcis = await h.call('auditor', { method: 'GET', url: '/api/v1/ledger/epcis' });
    expect(epcis.statusCode).toBe(200);
    expect(epcis.json()).toMatchObject({ type: 'EPCISDocument' });
    expect(epcis.json().epcisBody.eventList.length).toBe(size);
  });

  it('refuses a forged witness checkpoint', async () => {
    const res = await h.call('auditor', {
      method: 'POST',
      url: '/api/v1/ledger/verify',
      payload: { against: 'headstamp.example/test-plant/ledger\n1\nAAAA\n\n— nobody AAAA\n' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
