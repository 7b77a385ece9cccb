import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../../../test/support/cli.ts';

const root = join(import.meta.dirname, '../../..');
const seed = join(root, 'scenarios/seed-plant.yaml');
const dir = mkdtempSync(join(tmpdir(), 'headstamp-cli-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]): Promise<CliRun> => runCli(args, {});

describe('headstamp scenario validate', () => {
  it('exits 0 with a one-line summary on the reference plant', async () => {
    const { code, stdout, stderr } = await run('scenario', 'validate', seed);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(
      /valid: plant seed-plant, 1 phase, 4 lines \(4 assembly\), 3 products, 5 components/,
    );
  });

  it('prints one JSON value with --json', async () => {
    const { code, stdout } = await run('scenario', 'validate', join(root, 'scenarios/phase2.yaml'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      id: 'seed-plant',
      phases: 2,
      lines: 6,
      assemblyLines: 4,
      products: 3,
    });
  });

  it('exits 2 on a broken copy and names every fault on stderr', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(seed, 'utf8')
        .replace('ratedRate: 112', 'ratedRate: -5')
        .replace('roundsPerLot: 105600', 'roundsPerLot: lots')
        .replace('calendar: two-shift', 'calender: two-shift'),
    );
    const { code, stdout, stderr } = await run('scenario', 'validate', broken);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${broken}: scenario has 4 errors`);
    expect(stderr).toMatch(new RegExp(`${broken}:\\d+: lines\\[0\\]\\.ratedRate: must be > 0, got -5`));
    expect(stderr).toMatch(/:\d+: plant\.lots\.roundsPerLot: must be a whole number, got "lots"/);
    expect(stderr).toMatch(/:\d+: lines\[0\]\.calender: unknown key \(did you mean 'calendar'\?\)/);
    expect(stderr).toMatch(/:\d+: lines\[0\]\.calendar: is required but missing/);
  });

  it('exits 2 with a JSON error on --json', async () => {
    const { code, stdout } = await run('scenario', 'validate', join(dir, 'missing.yaml'), '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe('scenario.invalid');
  });
});
