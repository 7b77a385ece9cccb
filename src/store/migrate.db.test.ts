import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('creates every table and applies nothing the second time', async () => {
    const tables = (await t.store.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['plant', 'users', 'lines', 'lots', 'line_events']));
    expect(await migrateToLatest(t.store)).toEqual([]);
    expect(Object.keys(migrations).length).toBeGreaterThan(0);
  });
});
