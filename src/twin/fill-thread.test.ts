import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SequentialIds } from '../domain/clock.ts';
import { plantClock } from '../app/clock.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { openSqlite } from '../store/sqlite/open.ts';
import { runTwinFastInThread } from './fill-thread.ts';
import { setUpPlantForTwin } from './setup.ts';

const seedPlant = readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8');
const DAY = 1440;

/** The records' "now" in a SQLite file, read on a connection of the test's own. */
async function recordedNow(file: string): Promise<number> {
  const store = openSqlite(file);
  try {
    return (await plantClock(store)).now().getTime();
  } finally {
    await store.close();
  }
}

// The thread opens the records the environment names, as `headstamp start` does: a SQLite file.
describe('runTwinFastInThread', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-fill-'));
    file = join(dir, 'headstamp.db');
    const store = openSqlite(file);
    await migrateToLatest(store);
    await setUpPlantForTwin(store, seedPlant, new SequentialIds());
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the twin on its own connection and reports progress and the tally back', async () => {
    const ticks: number[] = [];
    const { tally, stopped } = await runTwinFastInThread(
      { env: { HEADSTAMP_DATA_DIR: dir }, cwd: dir, admin: 'admin', seed: 1, minutes: 2 * DAY },
      {
        out: {
          progress: (_label, total) => {
            expect(total).toBe(2 * DAY);
            return { tick: (done) => ticks.push(done), finish: () => ticks.push(-1) };
          },
          note: () => undefined,
        },
      },
    );
    expect(stopped).toBe(false);
    expect(tally.lineEvents).toBeGreaterThan(0);
    expect(ticks.at(-2)).toBe(2 * DAY);
    expect(ticks.at(-1)).toBe(-1);
    expect(Date.parse(tally.to) - Date.parse(tally.from)).toBe(2 * DAY * 60_000);
    expect(await recordedNow(file)).toBe(Date.parse(tally.to));
  });

  it('stops after the step under way when told to, and the records keep the "now" it reached', async () => {
    const stop = new AbortController();
    const run = runTwinFastInThread(
      { env: { HEADSTAMP_DATA_DIR: dir }, cwd: dir, admin: 'admin', seed: 1, minutes: 30 * DAY },
      {
        out: {
          progress: () => ({ tick: (done) => done >= 60 && stop.abort(), finish: () => undefined }),
          note: () => undefined,
        },
        signal: stop.signal,
      },
    );
    const { stopped, tally } = await run;
    expect(stopped).toBe(true);
    const start = Date.parse(tally.from);
    const reached = await recordedNow(file);
    expect(reached).toBe(Date.parse(tally.to));
    expect(reached).toBeGreaterThan(start);
    expect(reached).toBeLessThan(start + 30 * DAY * 60_000);
  });

  it('fails with the cause when the records cannot be opened', async () => {
    await expect(
      runTwinFastInThread({
        env: { HEADSTAMP_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
        cwd: dir,
        admin: 'admin',
        seed: 1,
        minutes: 60,
      }),
    ).rejects.toThrow(/first fill:/);
  });
});
