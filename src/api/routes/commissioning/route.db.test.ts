import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderOnLine } from '../../../../test/support/orders.ts';
import { PLANT_START, smallPlantSource } from '../../../../test/support/plant.ts';
import { lineDevice } from '../../../app/actor.ts';
import { addSignatory } from '../../../app/commissioning/signatories.ts';
import { acceptanceRunEvents } from '../../../app/commissioning/testing/line-data.ts';
import { ingestLineEvents } from '../../../app/production/ingest.ts';
import { responseProblems } from '../../testing/response.ts';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';
import {
  ActVerification,
  ClosedTest,
  CommissioningStatus,
  LineServiceList,
  Protocol,
  StartedTest,
} from './schema.ts';

// The small plant with an 8-hour acceptance test protocol on line L2 (80 rounds/min, not commissioned).
const protocolSource = smallPlantSource
  .replace('lots: { roundsPerLot: 1000 }', 'lots: { roundsPerLot: 100000 }')
  .replace(
    '    rejectRate: 0.003\n    plannedMaintenance: { per: week, minutes: 120 }\n',
    `    rejectRate: 0.003
    plannedMaintenance: { per: week, minutes: 120 }
    commissioning:
      test:
        durationHours: 8
        thresholds: { minRateShare: 0.85, minAvailability: 0.9, minQualityRatio: 0.99, maxSingleStopMinutes: 30 }
        signatories: [{ name: Petrov, role: chief engineer }, { name: Ivanova, role: customer representative }]
`,
  );
const HOUR = 3_600_000;
const api = '/api/v1/commissioning';

describe('commissioning over HTTP', () => {
  let h: ApiHarness;
  let counter = 0;
  beforeAll(async () => {
    expect(protocolSource).toContain('durationHours: 8');
    h = await openApiHarness({ unshapedReplies: true }, { scenarioSource: protocolSource });
    const files = { dataDir: h.dataDir, ledgerKeyFile: join(h.dataDir, 'ledger.key') };
    for (const name of ['Petrov', 'Ivanova']) await addSignatory(h.plant.app, h.plant.admin, { name }, files);
    await orderOnLine(h.plant.app, h.plant.admin, {
      lineId: 'L2',
      productId: 'ball-ps',
      quantity: 1_000_000,
    });
  });
  afterAll(() => h.close());

  /** Runs L2 for `hours` from the plant clock's now, through ingest, as the line would report it. */
  async function runLine(
    hours: number,
    stops: { atMinute: number; minutes: number; reason: string }[],
    prefix: string,
  ) {
    const from = h.plant.app.clock.now();
    const events = acceptanceRunEvents({
      lineId: 'L2',
      from,
      hours,
      ratedRate: 80,
      rateShare: 0.95,
      defectEvery: 1000,
      stops,
      idPrefix: prefix,
      processedBefore: counter,
    });
    counter = Number(events.filter((e) => e['kind'] === 'count').at(-1)?.['processed'] ?? counter);
    h.plant.app.clock.set(new Date(from.getTime() + hours * HOUR));
    const result = await ingestLineEvents(h.plant.app, lineDevice('L2'), events);
    expect(result.refused).toBe(0);
  }

  it('gives the protocol, starts, follows, closes, downloads and verifies an act', async () => {
    const protocol = await h.call('auditor', { method: 'GET', url: `${api}/lines/L2/protocol` });
    expect(protocol.statusCode).toBe(200);
    expect(responseProblems(Protocol, protocol.json())).toEqual([]);
    expect(protocol.json()).toMatchObject({ lineId: 'L2', durationHours: 8, ratedRate: 80 });

    // The auditor reads but may not start a test; quality may.
    expect(
      (await h.call('auditor', { method: 'POST', url: `${api}/lines/L2/tests`, payload: {} })).statusCode,
    ).toBe(403);
    const started = await h.call('quality', {
      method: 'POST',
      url: `${api}/lines/L2/tests`,
      payload: { thresholds: { maxSingleStopMinutes: 30 } },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(responseProblems(StartedTest, started.json())).toEqual([]);
    expect(started.json().dueAt).toBe(new Date(PLANT_START.getTime() + 8 * HOUR).toISOString());
    const again = await h.call('quality', { method: 'POST', url: `${api}/lines/L2/tests`, payload: {} });
    expect(again.statusCode).toBe(409);

    await runLine(4, [{ atMinute: 60, minutes: 10, reason: 'breakdown' }], 'a');
    const halfway = await h.call('operator', { method: 'GET', url: `${api}/lines/L2` });
    expect(halfway.statusCode).toBe(200);
    expect(responseProblems(CommissioningStatus, halfway.json())).toEqual([]);
    expect(halfway.json().test.progress).toBeCloseTo(0.5, 6);
    expect(halfway.json().test.evaluation.stops).toHaveLength(1);
    const early = await h.call('admin', { method: 'POST', url: `${api}/lines/L2/close`, payload: {} });
    expect(early.statusCode).toBe(422);

    await runLine(4, [], 'b');
    const closed = await h.call('admin', { method: 'POST', url: `${api}/lines/L2/close`, payload: {} });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(responseProblems(ClosedTest, closed.json())).toEqual([]);
    const act = closed.json<{ actNumber: string; fileName: string; sha256: string; passed: boolean }>();
    expect(act).toMatchObject({ actNumber: 'CA-L2-001', fileName: 'CA-L2-001.html', passed: true });

    const lines = await h.call('auditor', { method: 'GET', url: `${api}/lines` });
    expect(responseProblems(LineServiceList, lines.json())).toEqual([]);
    expect(lines.json().items.find((l: { lineId: string }) => l.lineId === 'L2')).toMatchObject({
      commissioned: true,
      actNumber: 'CA-L2-001',
      source: 'act',
    });

    const download = await h.call('auditor', { method: 'GET', url: `${api}/acts/CA-L2-001` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/html/);
    expect(download.headers['content-disposition']).toBe('attachment; filename="CA-L2-001.html"');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(act.sha256);
    expect(download.headers['x-act-sha256']).toBe(act.sha256);

    const verified = await h.call('auditor', { method: 'POST', url: `${api}/acts/CA-L2-001/verify` });
    expect(verified.statusCode).toBe(200);
    expect(responseProblems(ActVerification, verified.json())).toEqual([]);
    expect(verified.json()).toMatchObject({
      act: 'CA-L2-001',
      file: 'CA-L2-001.html',
      ok: true,
      failures: [],
    });

    // One byte changed in the file: verification names it.
    const path = join(h.dataDir, 'acts', 'CA-L2-001.html');
    writeFileSync(path, readFileSync(path, 'utf8').replace('PASSED', 'PASSED '));
    const tampered = await h.call('auditor', { method: 'POST', url: `${api}/acts/CA-L2-001/verify` });
    expect(tampered.json().ok).toBe(false);
    expect(tampered.json().failures.join(' ')).toContain('sha256');
  });

  it('refuses what it must: consignees, unknown lines and acts, and act numbers that would be paths', async () => {
    expect((await h.call('consignee', { method: 'GET', url: `${api}/lines` })).statusCode).toBe(403);
    expect((await h.call('auditor', { method: 'GET', url: `${api}/lines/L9/protocol` })).statusCode).toBe(
      404,
    );
    expect((await h.call('auditor', { method: 'GET', url: `${api}/acts/CA-L9-001` })).statusCode).toBe(404);
    expect(
      (await h.call('auditor', { method: 'POST', url: `${api}/acts/CA-L9-001/verify` })).statusCode,
    ).toBe(404);
    const dotted = await h.call('auditor', { method: 'GET', url: `${api}/acts/..%2F..%2Fledger.key` });
    expect(dotted.statusCode).toBe(400);
    expect(dotted.json().details.problems[0].path).toContain('actNumber');
    const bad = await h.call('quality', {
      method: 'POST',
      url: `${api}/lines/L1/tests`,
      payload: { thresholds: { minAvailability: 1.5 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems[0].path).toContain('minAvailability');
  });
});
