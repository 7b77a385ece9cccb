import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { PLANT_START, smallPlantSource } from '../../test/support/plant.ts';
import { ManualClock, SequentialIds } from '../domain/clock.ts';
import { lotRepository } from '../store/repositories/lots.ts';
import { plantRepository } from '../store/repositories/plant.ts';
import { userRepository } from '../store/repositories/users.ts';
import { plantClock, setPlantClock } from './clock.ts';
import { setUpPlant, plantScenario } from './plant-setup.ts';
import { actorFor, addUser } from './users.ts';

describe('plant set-up', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
  });
  const ids = new SequentialIds();
  const app = () => ({ store: t.store, clock: new ManualClock(PLANT_START), ids });

  it('loads the plant, creates the first admin, and names them on every row', async () => {
    const result = await setUpPlant(app(), undefined, { source: smallPlantSource, adminName: 'olga' });
    expect(result).toMatchObject({ plantId: 'test-plant', version: 1, changed: true, adminCreated: 'olga' });
    expect(result.counts).toEqual({
      lines: 2,
      products: 2,
      storage_locations: 2,
      consignees: 2,
      components: 3,
    });
    const users = await userRepository(t.store).list();
    expect(users.map((u) => [u.name, u.role, u.actor])).toEqual([['olga', 'admin', 'user:olga']]);
    const lines = await t.store.db
      .selectFrom('lines')
      .select(['id', 'commissioned', 'actor'])
      .orderBy('id')
      .execute();
    expect(lines).toEqual([
      { id: 'L1', commissioned: 1, actor: 'user:olga' },
      { id: 'L2', commissioned: 0, actor: 'user:olga' },
    ]);
  });

  it('changes nothing for the same file, and makes a new version for a changed one', async () => {
    await setUpPlant(app(), undefined, { source: smallPlantSource });
    const admin = await actorFor({ store: t.store }, 'admin');
    const again = await setUpPlant(app(), admin, { source: smallPlantSource });
    expect(again).toMatchObject({ version: 1, changed: false, adminCreated: null });

    const changed = smallPlantSource.replace('ratedRate: 100', 'ratedRate: 120');
    const next = await setUpPlant(app(), admin, { source: changed });
    expect(next).toMatchObject({ version: 2, changed: true });
    const plants = plantRepository(t.store);
    expect((await plants.configVersions('test-plant')).map((v) => v.version)).toEqual([1, 2]);
    expect((await plantScenario(t.store)).lines[0]?.ratedRate).toBe(120);
    // The old text is kept, not overwritten.
    const first = await t.store.db
      .selectFrom('plant_config_versions')
      .select('source')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(first.source).toBe(smallPlantSource);
  });

  it('refuses a non-admin and leaves the records as they were', async () => {
    await setUpPlant(app(), undefined, { source: smallPlantSource });
    const admin = await actorFor({ store: t.store }, 'admin');
    await addUser(app(), admin, { name: 'ivan', role: 'planner' });
    const ivan = await actorFor({ store: t.store }, 'ivan');
    await expect(
      setUpPlant(app(), ivan, { source: smallPlantSource.replace('ratedRate: 100', 'ratedRate: 1') }),
    ).rejects.toMatchObject({
      code: 'forbidden.role',
      message: expect.stringContaining('role planner may not set up the plant'),
    });
    expect((await plantRepository(t.store).get())?.configVersion).toBe(1);
  });

  it('refuses an invalid file naming the field, writing nothing', async () => {
    await expect(
      setUpPlant(app(), undefined, { source: smallPlantSource.replace('ratedRate: 100', 'ratedRate: -5') }),
    ).rejects.toMatchObject({
      code: 'scenario.invalid',
      problems: expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining('ratedRate') }),
      ]),
    });
    expect(await userRepository(t.store).count()).toBe(0);
  });

  it('receives the components’ initial stock as opening lots, once', async () => {
    const source = smallPlantSource.replace(
      '{ id: case, name: Cartridge case, unit: piece, suppliers: [Supplier A], initialStock: 0 }',
      '{ id: case, name: Cartridge case, unit: piece, suppliers: [Supplier A], initialStock: 5000 }',
    );
    const first = await setUpPlant(app(), undefined, { source });
    expect(first.openingLots).toBe(1);
    const lots = await lotRepository(t.store).componentLots();
    expect(lots.map((l) => [l.componentId, l.lotNumber, l.supplier, l.supplierLot, l.remaining])).toEqual([
      ['case', 'CASE-27A-0001', 'Supplier A', 'opening stock 2027-01-04', 5000],
    ]);
    const admin = await actorFor({ store: t.store }, 'admin');
    const next = await setUpPlant(app(), admin, {
      source: source.replace('ratedRate: 100', 'ratedRate: 90'),
    });
    expect(next).toMatchObject({ version: 2, openingLots: 0 });
    expect(await lotRepository(t.store).componentLots()).toHaveLength(1);
  });

  it('keeps the simulated clock in the records', async () => {
    await setUpPlant(app(), undefined, { source: smallPlantSource });
    const admin = await actorFor({ store: t.store }, 'admin');
    expect((await plantClock(t.store)).now().getTime()).not.toBe(PLANT_START.getTime());
    await setPlantClock(app(), admin, { mode: 'simulated', now: PLANT_START });
    expect((await plantClock(t.store)).now().toISOString()).toBe(PLANT_START.toISOString());
    await expect(
      setPlantClock(app(), admin, { mode: 'simulated', now: new Date(PLANT_START.getTime() - 1) }),
    ).rejects.toMatchObject({
      code: 'clock.backwards',
    });
  });
});
