import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCustodyEvents } from '../../app/ledger/append.ts';
import { withApp } from '../../app/open.ts';
import { withTransaction } from '../../app/transaction.ts';
import { plantEvents } from '../../ledger/fixtures/plant-events.ts';
import { runCli } from '../../../test/support/cli.ts';

// `headstamp db backup` and `headstamp db restore` end to end on SQLite records in a temp directory.

describe('headstamp db backup and restore', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-db-cli-'));
    env = { HEADSTAMP_DATA_DIR: dir, HEADSTAMP_USER: 'admin' };
    expect((await runCli(['init', 'scenarios/seed-plant.yaml'], env)).code).toBe(0);
    await withApp(env, process.cwd(), (app) =>
      withTransaction(app.store, (tx) => appendCustodyEvents(tx, plantEvents(30, 4))),
    );
    expect((await runCli(['ledger', 'checkpoint', '--out', join(dir, 'witness.note')], env)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up, refuses a tampered backup leaving the records as they were, restores a good one', async () => {
    const backup = join(dir, 'monday.db');
    const made = await runCli(['db', 'backup', '--out', backup], env);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/backed up to .*monday\.db/);
    expect((await runCli(['db', 'backup', '--out', backup], env)).code).not.toBe(0);
    const before = JSON.parse((await runCli(['ledger', 'verify', '--json'], env)).stdout);

    // A copy of the backup with one event's time moved back a year, guard dropped first.
    const tampered = join(dir, 'tampered.db');
    copyFileSync(backup, tampered);
    const sqlite = new BetterSqlite3(tampered);
    sqlite.exec('drop trigger ledger_events_no_update');
    sqlite.exec(
      `update ledger_events set body = replace(body, '"eventTime":"2026', '"eventTime":"2025') where idx = 12`,
    );
    sqlite.close();
    const refused = await runCli(['db', 'restore', tampered], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/NOT restored.*at index 12/);
    const after = JSON.parse((await runCli(['ledger', 'verify', '--json'], env)).stdout);
    expect(after).toMatchObject({ ok: true, size: before.size, rootHash: before.rootHash });

    const restored = await runCli(
      ['db', 'restore', backup, '--against', join(dir, 'witness.note'), '--json'],
      env,
    );
    expect(restored.code).toBe(0);
    const answer = JSON.parse(restored.stdout);
    expect(answer).toMatchObject({ size: before.size, rootHash: before.rootHash, checkpointsMatched: 2 });
    expect(existsSync(answer.replaced)).toBe(true);
    expect((await runCli(['ledger', 'verify'], env)).code).toBe(0);
    expect((await runCli(['db', 'restore', join(dir, 'none.db')], env)).stderr).toMatch(/does not exist/);
  });
});
