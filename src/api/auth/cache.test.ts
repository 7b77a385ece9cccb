import { describe, expect, it } from 'vitest';
import { principalOf } from '../../app/auth/principal.ts';
import { ManualClock } from '../../domain/clock.ts';
import { CredentialCache } from './cache.ts';

const ana = principalOf({ id: 'user-1', name: 'ana', role: 'quality', consigneeId: null });
const lev = principalOf({ id: 'user-2', name: 'lev', role: 'logistics', consigneeId: null });

describe('the credential cache', () => {
  it('remembers for its time to live only', () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const cache = new CredentialCache(clock, 5_000);
    cache.remember('hst_a', ana);
    clock.advance(4_999);
    expect(cache.recall('hst_a')).toBe(ana);
    clock.advance(1);
    expect(cache.recall('hst_a')).toBeUndefined();
  });

  it('forgets on demand, and the oldest first when full', () => {
    const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));
    const cache = new CredentialCache(clock, 5_000, 2);
    cache.remember('hst_a', ana);
    cache.remember('hst_b', lev);
    cache.remember('hst_c', ana);
    expect(cache.recall('hst_a')).toBeUndefined();
    expect(cache.recall('hst_b')).toBe(lev);
    cache.forget('hst_b');
    expect(cache.recall('hst_b')).toBeUndefined();
    cache.clear();
    expect(cache.recall('hst_c')).toBeUndefined();
  });
});
