import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidSscc } from '../../domain/packing/index.ts';
import { runCli, type CliRun } from '../../../test/support/cli.ts';

// The walk-through of README.md on the small test plant (1 000-round lots; boxes of 20, crates
// of 10 boxes, pallets of 5 crates; quarantine Q1, magazine M1; four eyes on).
const root = join(import.meta.dirname, '../../..');
const plant = join(root, 'test/support/fixtures/small-plant.yaml');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-qa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { HEADSTAMP_DATA_DIR: join(dir, 'data'), HEADSTAMP_USER: 'admin' };

const run = (...args: string[]): Promise<CliRun> => runCli(args, env);

// Parsed JSON is checked field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(...args: string[]): Promise<any> {
  const { code, stdout, stderr } = await run(...args, '--json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

describe('headstamp qa, pack and stock', () => {
  it('samples and releases a lot, packs it, builds a pallet, moves and counts stock', async () => {
    expect((await run('init', plant)).code).toBe(0);
    // The plant's own clock, not the wall clock, decides what is "now" for the line data below.
    expect((await run('clock', 'set', '--mode', 'simulated', '--at', '2026-11-22T06:00:00Z')).code).toBe(0);
    for (const [name, role] of [
      ['irina', 'quality'],
      ['olga', 'quality'],
      ['kolya', 'logistics'],
      ['masha', 'logistics'],
    ]) {
      expect((await run('user', 'add', name!, '--role', role!)).code).toBe(0);
    }
    expect(
      (
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
        )
      ).code,
    ).toBe(0);
    expect((await run('schedule')).code).toBe(0);
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
          processed: 1004,
          defective: 4,
        },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n'),
    );
    expect((await run('ingest', events)).code).toBe(0);
    const [lot] = await json('lots', 'list');
    const lotNumber: string = lot.lotNumber;

    const plan = await json('qa', 'plan', lotNumber, '--as', 'irina');
    expect(plan).toMatchObject({ lotNumber, codeLetter: 'J', severity: 'normal', status: 'pending' });
    expect(plan.classes).toEqual([expect.objectContaining({ defectClass: 'minor', n: 80, ac: 5, re: 6 })]);

    const bad = await run(
      'qa',
      'record',
      lotNumber,
      '--as',
      'irina',
      '--class',
      'minor',
      '--inspected',
      '50',
      '--defects',
      '1',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("results[0].inspected: must be the plan's sample size 80, got 50");
    const recorded = await json(
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
      '1',
    );
    expect(recorded.judgement.accepted).toBe(true);

    const alone = await run('qa', 'release', lotNumber, '--as', 'irina');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('a release needs a second person');
    expect((await json('qa', 'release', lotNumber, '--as', 'irina', '--approver', 'olga')).status).toBe(
      'released',
    );

    const packed = await json('pack', 'lot', lotNumber, '--as', 'kolya');
    expect(packed).toMatchObject({ boxesFilled: 50, looseRounds: 0, looseBoxes: 0 });
    const ssccs: string[] = packed.crates.map((c: { sscc: string }) => c.sscc);
    expect(ssccs).toHaveLength(5);
    expect(ssccs.every(isValidSscc)).toBe(true);
    const pallet = await json('pack', 'pallet', ...ssccs, '--as', 'kolya');
    expect((await json('stock', 'move', '--sscc', pallet.sscc, '--to', 'M1', '--as', 'kolya')).rounds).toBe(
      1000,
    );

    const stock = await json('stock');
    expect(stock).toEqual([
      expect.objectContaining({ id: `M1:${lotNumber}:crate`, lotNumber, quantity: 5, rounds: 1000 }),
    ]);
    const crates = await json('stock', 'crates', '--lot', lotNumber);
    expect(crates.map((c: { palletSscc: string }) => c.palletSscc)).toEqual(Array(5).fill(pallet.sscc));

    const count = await run(
      'stock',
      'count',
      '--location',
      'M1',
      '--lot',
      lotNumber,
      '--form',
      'round',
      '--counted',
      '3',
      '--as',
      'kolya',
    );
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('reason: an adjustment of +3 needs a reason');
  });
});
