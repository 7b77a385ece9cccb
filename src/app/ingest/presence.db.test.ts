import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import { lineDevice } from '../actor.ts';
import {
  linePresence,
  markLineOnline,
  markLineSilent,
  recordLineBirth,
  recordLineDeath,
} from './presence.ts';

describe('line presence', () => {
  let t: TestDatabase;
  let plant: TestPlant;
  const l1 = lineDevice('L1');
  const birth = (n: number) => ({ lineId: 'L1', birth: n, seq: 0, at: '2027-01-04T03:00:00.000Z' });
  const presence = async () => (await linePresence(plant.app))[0];

  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    plant = await setUpTestPlant(t.store);
  });

  it('follows births and deaths, and ignores those of older births', async () => {
    const { app } = plant;
    expect(await recordLineBirth(app, l1, { ...birth(5), metadata: { name: 'Line 1' } })).toBe('recorded');
    expect(await presence()).toMatchObject({ online: true, birth: 5, metadata: { name: 'Line 1' } });
    expect(await recordLineDeath(app, l1, { lineId: 'L1', birth: 4 })).toBe('stale');
    expect(await recordLineBirth(app, l1, birth(4))).toBe('stale');
    expect(await recordLineDeath(app, l1, { lineId: 'L1', birth: 5 })).toBe('recorded');
    expect(await presence()).toMatchObject({
      online: false,
      silentReason: 'death',
      silentAt: expect.any(String),
    });
    expect(await recordLineDeath(app, l1, { lineId: 'L1', birth: 5 })).toBe('stale');
    expect(await markLineOnline(app, l1, 'L1')).toBe('stale');
    expect(await recordLineBirth(app, l1, birth(6))).toBe('recorded');
    expect(await presence()).toMatchObject({ online: true, birth: 6, silentReason: null });
  });

  it('keeps a death that comes before its birth, so the late birth does not revive the line', async () => {
    const { app } = plant;
    expect(await recordLineDeath(app, l1, { lineId: 'L1', birth: 9 })).toBe('recorded');
    expect(await presence()).toMatchObject({ online: false, birth: 9, bornAt: null, seqBase: null });
    expect(await recordLineBirth(app, l1, birth(9))).toBe('stale');
    expect((await presence())?.online).toBe(false);
  });

  it('marks a silent line by timeout only in the birth it was checked in, and brings it back', async () => {
    const { app } = plant;
    await recordLineBirth(app, l1, birth(1));
    expect(await markLineSilent(app, l1, { lineId: 'L1', birth: 0 })).toBe('stale');
    expect(await markLineSilent(app, l1, { lineId: 'L1', birth: 1 })).toBe('recorded');
    expect(await presence()).toMatchObject({ online: false, silentReason: 'timeout' });
    expect(await markLineOnline(app, l1, 'L1')).toBe('recorded');
    expect(await markLineOnline(app, l1, 'L1')).toBe('stale');
    expect(await presence()).toMatchObject({ online: true, silentReason: null });
  });

  it('refuses unknown lines and other lines speaking for them', async () => {
    const { app } = plant;
    expect(await recordLineBirth(app, lineDevice('L9'), { ...birth(1), lineId: 'L9' })).toBe('unknown-line');
    expect(await recordLineDeath(app, lineDevice('L9'), { lineId: 'L9', birth: 1 })).toBe('unknown-line');
    await expect(
      recordLineBirth(
        app,
        { kind: 'user', id: 'x', role: 'auditor', userId: 'u', consigneeId: null },
        birth(1),
      ),
    ).rejects.toThrow(/may not announce a line/);
  });
});
