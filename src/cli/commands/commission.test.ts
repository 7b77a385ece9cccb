import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/support/cli.ts';

// The README walk-through: the reference plant, line L1's three ingested days (18-20 November
// 2026, two shifts, a 40-minute stop each day) taken as a 48-hour acceptance test entered
// after the fact; then a stricter re-test that fails on the longest stop.
const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-commission-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { HEADSTAMP_DATA_DIR: join(dir, 'data'), HEADSTAMP_USER: 'admin' };

const run = (...args: string[]): Promise<CliRun> => runCli(args, env);

async function ok(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await run(...args);
  expect(code, stderr).toBe(0);
  return stdout;
}

describe('headstamp commission', () => {
  it('commissions a line on ingested line data, verifies the act, and reports a failed re-test', async () => {
    await ok('init', join(root, 'scenarios/seed-plant.yaml'));
    await ok('user', 'add', 'ana', '--role', 'planner');
    await ok('user', 'add', 'oleg', '--role', 'operator');
    await ok(
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
    );
    await ok('schedule', '--as', 'ana');
    await ok('ingest', join(root, 'examples/line-events.jsonl'), '--as', 'oleg');

    // A protocol whose signatories have no key yet is refused at the start.
    expect((await run('commission', 'start', 'L1')).code).toBe(1);
    for (const name of ['Chief engineer', 'Head of quality', 'Military acceptance representative']) {
      await ok('signatory', 'add', name);
    }
    await ok('commission', 'start', 'L1', '--at', '2026-11-18T10:00:00Z', '--duration', '48h');
    const status = JSON.parse(await ok('commission', 'status', 'L1', '--json')) as {
      test: { progress: number; due: boolean };
    };
    expect(status.test).toMatchObject({ progress: 1, due: true });

    const closed = (await ok('commission', 'close', 'L1')).trimEnd().split('\n');
    const actPath = closed.at(-1) ?? '';
    expect(closed).toContain('act CA-L1-001: PASSED');
    expect(existsSync(actPath)).toBe(true);
    expect(existsSync(`${actPath}.sig`)).toBe(true);
    expect(await ok('commission', 'verify', actPath)).toContain('act CA-L1-001: verified');

    await ok(
      'commission',
      'start',
      'L1',
      '--at',
      '2026-11-18T10:00:00Z',
      '--duration',
      '48h',
      '--max-stop',
      '30',
    );
    const failed = JSON.parse(await ok('commission', 'close', 'L1', '--json')) as {
      act: string;
      passed: boolean;
      reasons: string[];
    };
    expect(failed.passed).toBe(false);
    expect(failed.reasons).toEqual(['longest single stop 40 min is over the maximum 30 min']);
    expect(await ok('commission', 'verify', failed.act)).toContain('verified');
    const lines = JSON.parse(await ok('commission', 'list', '--json')) as {
      id: string;
      commissioned: boolean;
      actNumber: string;
    }[];
    expect(lines.find((l) => l.id === 'L1')).toMatchObject({ commissioned: false, actNumber: 'CA-L1-002' });
    expect((await run('schedule', '--as', 'ana')).stderr).toContain('line L1 is not commissioned');

    // A changed byte fails verification, naming what failed.
    writeFileSync(failed.act, readFileSync(failed.act, 'utf8').replace('FAILED', 'PASSED'));
    const tampered = await run('commission', 'verify', failed.act);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('failed: sha256');
    expect(tampered.stderr).toContain('failed: signature of Chief engineer');
  });

  it('refuses to close a test before its duration without --early', async () => {
    await ok('commission', 'start', 'L2', '--duration', '8h');
    const refused = await run('commission', 'close', 'L2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--early');
    const early = JSON.parse(await ok('commission', 'close', 'L2', '--early', '--json')) as {
      early: boolean;
      act: string;
    };
    expect(early.early).toBe(true);
    expect(readFileSync(early.act, 'utf8')).toContain('closed early');
  });
});
