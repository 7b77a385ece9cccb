import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/support/cli.ts';

// The custody walk-through of README.md on the small test plant (1,000-round lots, crates of
// 200, four eyes on): refused shipment, authorisation with approval, ship, receive, trace,
// recall, reconcile.
const root = join(import.meta.dirname, '../../..');
const plant = join(root, 'test/support/fixtures/small-plant.yaml');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-custody-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});
const env = { HEADSTAMP_DATA_DIR: join(dir, 'data'), HEADSTAMP_USER: 'admin' };

const run = (...args: string[]): Promise<CliRun> => runCli(args, env);

// Parsed JSON is checked field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(...args: string[]): Promise<any> {
  const { code, stdout, stderr } = await run(...args, '--json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

describe('headstamp auth, ship, approve, trace, recall, reconcile, report', () => {
  it('walks a lot from packing to a consignee and back', async () => {
    expect((await run('init', plant)).code).toBe(0);
    for (const [name, role, consignee] of [
      ['irina', 'quality'],
      ['olga', 'quality'],
      ['kolya', 'logistics'],
      ['masha', 'logistics'],
      ['audrey', 'auditor'],
      ['sasha', 'consignee', 'army'],
    ] as const) {
      const extra = consignee === undefined ? [] : ['--consignee', consignee];
      expect((await run('user', 'add', name, '--role', role, ...extra)).code).toBe(0);
    }
    await run(
      'orders',
      'add',
      '--consignee',
      'army',
      '--product',
      'ball-ps',
      '--quantity',
      '1000',
      '--due',
      '2027-01-20',
    );
    await run('schedule');
    const events = join(dir, 'line.jsonl');
    writeFileSync(
      events,
      [
        { eventId: 'L1-1', kind: 'state', lineId: 'L1', at: '2026-11-22T04:00:00Z', state: 'Execute' },
        {
          eventId: 'L1-2',
          kind: 'count',
          lineId: 'L1',
          at: '2026-11-22T05:00:00Z',
          processed: 1000,
          defective: 0,
        },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    expect((await run('ingest', events)).code).toBe(0);
    const [lot] = await json('lots', 'list');
    const lotNumber: string = lot.lotNumber;
    await json(
      'qa',
      'record',
      lotNumber,
      '--as',
      'irina',
      '--class',
      'minor',
      '--inspected',
      '80',
      '--defects',
      '0',
    );
    await json('qa', 'release', lotNumber, '--as', 'irina', '--approver', 'olga');
    const ssccs: string[] = (await json('pack', 'lot', lotNumber, '--as', 'kolya')).crates.map(
      (c: { sscc: string }) => c.sscc,
    );

    const refused = await run(
      'ship',
      'create',
      ...ssccs,
      '--to',
      'army',
      '--transport',
      'T-1',
      '--invoice',
      'I-1',
      '--as',
      'kolya',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'no authorisation (end-user certificate) is recorded for consignee army',
    );

    const auth = await json(
      'auth',
      'add',
      'EUC-1',
      '--authority',
      'MoD',
      '--consignee',
      'army',
      '--country',
      'BY',
      '--product',
      'ball-ps',
      '--quantity',
      '5000',
      '--from',
      '2026-01-01',
      '--to',
      '2027-12-31',
      '--document',
      'contract 7',
      '--as',
      'kolya',
    );
    expect(auth).toMatchObject({ outcome: 'awaiting_approval', kind: 'authorisation.add' });
    const waiting = await json('approvals');
    expect(waiting).toEqual([expect.objectContaining({ id: auth.id, requestNumber: auth.requestNumber })]);
    const self = await run('approve', auth.requestNumber, '--as', 'kolya');
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('no self-approval');
    expect((await run('approve', auth.requestNumber, '--as', 'masha')).code).toBe(0);

    const shipment = await json(
      'ship',
      'create',
      ...ssccs.slice(0, 3),
      '--to',
      'army',
      '--transport',
      'T-1',
      '--invoice',
      'I-1',
      '--as',
      'kolya',
    );
    expect(shipment).toMatchObject({ crates: 3, quantity: 600, authorisation: 'EUC-1' });
    const dispatch = await json('ship', 'dispatch', shipment.shipmentNumber, '--as', 'kolya');
    expect((await json('approve', dispatch.requestNumber, '--as', 'masha')).result.status).toBe('in_transit');
    const receipt = await json(
      'ship',
      'receive',
      shipment.shipmentNumber,
      '--received',
      ssccs.slice(0, 2).join(','),
      '--reason',
      'one crate short',
      '--as',
      'sasha',
    );
    expect(receipt.discrepancies).toEqual([expect.objectContaining({ kind: 'shortfall', rounds: 200 })]);

    // A crushed crate destroyed, and a count that found more rounds: each waits for a second person.
    const destroy = await json(
      'destroy',
      '--sscc',
      ssccs[3] ?? '',
      '--reason',
      'crate crushed',
      '--as',
      'kolya',
    );
    expect(destroy).toMatchObject({ outcome: 'awaiting_approval', kind: 'stock.destroy' });
    const selfDestroy = await run('approve', destroy.requestNumber, '--as', 'kolya');
    expect(selfDestroy.code).toBe(1);
    expect(selfDestroy.stderr).toContain('no self-approval');
    expect((await json('approve', destroy.requestNumber, '--as', 'irina')).result).toMatchObject({
      rounds: 200,
      ssccs: [ssccs[3]],
    });
    const noReason = await run('destroy', '--lot', lotNumber, '--quantity', '5', '--as', 'irina');
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain('reason');
    const count = await json(
      'stock',
      'count',
      '--location',
      'Q1',
      '--lot',
      lotNumber,
      '--form',
      'round',
      '--counted',
      '3',
      '--reason',
      'found',
      '--as',
      'kolya',
    );
    expect(count).toMatchObject({ outcome: 'awaiting_approval', kind: 'stock.adjust' });
    const wrongRole = await run('approve', count.requestNumber, '--as', 'irina');
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toContain('needs logistics or admin');
    expect((await json('approve', count.requestNumber, '--as', 'masha')).result).toMatchObject({ delta: 3 });

    const forward = await json('trace', 'lot', lotNumber, '--as', 'audrey');
    expect(forward.consignees).toEqual([expect.objectContaining({ consigneeId: 'army', delivered: 400 })]);
    const back = await json('trace', 'shipment', shipment.shipmentNumber, '--as', 'audrey');
    expect(back.lots).toEqual([expect.objectContaining({ lotNumber, lineId: 'L1' })]);
    const reconciled = await run('reconcile', '--as', 'audrey');
    expect(reconciled.code).toBe(0);
    expect(reconciled.stdout).toContain('every lot reconciles');
    const csv = await run('report', 'transfers', '--format', 'csv', '--as', 'audrey');
    expect(csv.stdout.split('\r\n')[1]).toContain(',400,EUC-1,');
    const recall = await json('recall', '--lot', lotNumber, '--reason', 'field report', '--as', 'irina');
    expect(recall.notices).toEqual([expect.objectContaining({ consigneeId: 'army', rounds: 400 })]);
  });
});
