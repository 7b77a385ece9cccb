import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

// The README walk-through, end to end through the command line, on SQLite records in a temp
// directory (the storage tests prove PostgreSQL; this proves the commands).

const run = runCli;

describe('production walk-through on the command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-'));
    env = { HEADSTAMP_DATA_DIR: dir, HEADSTAMP_USER: 'admin' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('goes from plant set-up to lots and KPIs', async () => {
    expect((await run(['init', 'scenarios/seed-plant.yaml'], env)).code).toBe(0);
    const again = await run(['init', 'scenarios/seed-plant.yaml', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, version: 1 });
    expect((await run(['user', 'add', 'ana', '--role', 'planner'], env)).code).toBe(0);
    expect((await run(['user', 'add', 'oleg', '--role', 'operator'], env)).code).toBe(0);
    const forbidden = await run(
      [
        'orders',
        'add',
        '--consignee',
        'army',
        '--product',
        'ball-ps',
        '--quantity',
        '316800',
        '--due',
        '2026-12-18',
        '--as',
        'oleg',
      ],
      env,
    );
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/role operator may not place an order/);
    const order = await run(
      [
        'orders',
        'add',
        '--consignee',
        'army',
        '--product',
        'ball-ps',
        '--quantity',
        '316800',
        '--due',
        '2026-12-18',
        '--as',
        'ana',
        '--json',
      ],
      env,
    );
    expect(JSON.parse(order.stdout)).toMatchObject({ quantity: 316_800, consigneeId: 'army' });
    const plan = await run(['schedule', '--as', 'ana', '--json'], env);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).placements[0]).toMatchObject({ lineId: 'L1', quantity: 316_800 });
    const ingest = await run(['ingest', 'examples/line-events.jsonl', '--as', 'oleg', '--json'], env);
    expect(ingest.code).toBe(0);
    const result = JSON.parse(ingest.stdout);
    expect(result).toMatchObject({ accepted: 65, duplicates: 0, refused: 0 });
    expect(result.lotsCommissioned).toHaveLength(2);
    const resend = JSON.parse(
      (await run(['ingest', 'examples/line-events.jsonl', '--as', 'oleg', '--json'], env)).stdout,
    );
    expect(resend).toMatchObject({ accepted: 0, duplicates: 65 });
    const lots = JSON.parse((await run(['lots', 'list', '--json'], env)).stdout);
    expect(lots.map((l: { lotNumber: string; quantity: number }) => [l.lotNumber, l.quantity])).toEqual([
      ['HSP26L001-001', 105_600],
      ['HSP26L001-002', 105_600],
    ]);
    const shown = JSON.parse((await run(['lots', 'show', 'HSP26L001-001', '--json'], env)).stdout);
    expect(shown.marking.headstamp).toBe('HSP 26');
    const kpi = JSON.parse((await run(['kpi', '--line', 'L1', '--json'], env)).stdout);
    expect(kpi.map((r: { date: string }) => r.date)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    for (const r of kpi) expect(r.oee).toBeGreaterThan(0.5);
  });
});
