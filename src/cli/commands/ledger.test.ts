import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCustodyEvents } from '../../app/ledger/append.ts';
import { withApp } from '../../app/open.ts';
import { withTransaction } from '../../app/transaction.ts';
import { plantEvents } from '../../ledger/fixtures/plant-events.ts';
import { runCli } from '../../../test/support/cli.ts';

// The ledger's commands end to end on SQLite records in a temp directory.

const run = runCli;

describe('headstamp ledger and epcis commands', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  // Setting up the plant may record events of its own; ours follow them.
  let base = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-ledger-cli-'));
    env = { HEADSTAMP_DATA_DIR: dir, HEADSTAMP_USER: 'admin' };
    expect((await run(['init', 'scenarios/seed-plant.yaml'], env)).code).toBe(0);
    const appended = await withApp(env, process.cwd(), (app) =>
      withTransaction(app.store, (tx) => appendCustodyEvents(tx, plantEvents(30, 9))),
    );
    base = appended.from;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs a checkpoint, verifies against it, and proves inclusion and consistency', async () => {
    const note = join(dir, 'witness.note');
    const signed = await run(['ledger', 'checkpoint', '--out', note], env);
    expect(signed).toMatchObject({ code: 0, stdout: '' });
    expect(statSync(join(dir, 'ledger.key')).mode & 0o777).toBe(0o600);
    const [origin, size, root, blank, signature] = readFileSync(note, 'utf8').split('\n');
    expect(origin).toMatch(/^headstamp\.example\/.+\/ledger$/);
    expect(size).toBe(String(base + 31));
    expect(root).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(blank).toBe('');
    expect(signature).toMatch(/^\u2014 /);

    const verified = await run(['ledger', 'verify', '--against', note], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(`ledger verified: ${base + 31} events, root `);
    expect(verified.stdout).toMatch('2 checkpoint(s) matched');

    const proof = JSON.parse((await run(['ledger', 'proof', '--index', '3', '--json'], env)).stdout);
    expect(proof).toMatchObject({ index: 3, size: base + 31, checkpoint: readFileSync(note, 'utf8') });
    expect(proof.proof.length).toBeGreaterThanOrEqual(5);
    const consistency = JSON.parse(
      (await run(['ledger', 'consistency', '--from', '10', '--json'], env)).stdout,
    );
    expect(consistency).toMatchObject({ size1: 10, size2: base + 31 });
    expect((await run(['ledger', 'proof', '--index', 'x'], env)).code).toBe(2);
  });

  it('exports a valid EPCIS document, refuses to import it twice, imports a new one', async () => {
    const file = join(dir, 'export.jsonld');
    const exported = await run(['epcis', 'export', '--lot', '0001-26', '--out', file], env);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.epcisBody.eventList.length).toBeGreaterThan(3);
    expect(exported.stderr).toContain(`${doc.epcisBody.eventList.length} events written to`);
    expect((await run(['epcis', 'validate', file], env)).code).toBe(0);
    // The events are in the ledger already, and their lots are not in these records: refused.
    expect((await run(['epcis', 'import', file], env)).code).not.toBe(0);
    const example = join(
      import.meta.dirname,
      '../../../test/fixtures/epcis/Example_9.6.2-ObjectEvent.jsonld',
    );
    const imported = await run(['epcis', 'import', example, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      events: 1,
      appended: { from: base + 31, size: base + 32 },
    });
  });

  it('names the altered event and exits 1', async () => {
    const sqlite = new BetterSqlite3(join(dir, 'headstamp.db'));
    sqlite.exec('drop trigger ledger_events_no_update');
    sqlite
      .prepare(`update ledger_events set body = replace(body, '"petrova"', '"petrov"') where idx = ?`)
      .run(base + 10);
    sqlite.close();
    const result = await run(['ledger', 'verify', '--json'], env);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      problem: { kind: 'altered', index: base + 10 },
    });
    const quick = await run(['ledger', 'verify', '--quick'], env);
    expect(quick.code).toBe(1);
    expect(quick.stdout).toMatch(`ledger NOT verified: altered at index ${base + 10} `);
    expect(quick.stdout).toMatch('leaf hash does not match');
  });
});
