import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

/** A cache over a version the test sets by hand. */
function cacheAt(start: string | undefined, limits?: { maxEntries?: number; maxBytes?: number }) {
  let version = start;
  return {
    cache: new ReadCache(() => version, limits),
    setVersion: (v: string | undefined) => {
      version = v;
    },
  };
}

const bytes = (text: string): Buffer => Buffer.from(text);

describe('ReadCache', () => {
  it('hands out a kept answer while the version stays, and forgets it when the version moves', () => {
    const { cache, setVersion } = cacheAt('1:1');
    const v = cache.version();
    expect(cache.get(v, 'a')).toBeUndefined();
    cache.set(v, 'a', bytes('A'));
    expect(cache.get(cache.version(), 'a')?.toString()).toBe('A');
    setVersion('2:1');
    expect(cache.get(cache.version(), 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 1, misses: 2 });
  });

  it('does not keep an answer read while the version moved', () => {
    const { cache, setVersion } = cacheAt('1:1');
    const before = cache.version();
    setVersion('2:1'); // a write landed while the answer was read
    cache.set(before, 'a', bytes('stale'));
    expect(cache.get(cache.version(), 'a')).toBeUndefined();
    expect(cache.get(before, 'a')).toBeUndefined();
  });

  it('keeps nothing while the version is unknown', () => {
    const { cache } = cacheAt(undefined);
    cache.set(cache.version(), 'a', bytes('A'));
    expect(cache.get(cache.version(), 'a')).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('stays within its entry and byte limits, oldest out first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 200 })), {
          maxLength: 200,
        }),
        (writes) => {
          const { cache } = cacheAt('v', { maxEntries: 8, maxBytes: 1600 });
          for (const [key, size] of writes) cache.set('v', `k${key}`, Buffer.alloc(size));
          const { entries, bytes: held } = cache.stats();
          expect(entries).toBeLessThanOrEqual(8);
          expect(held).toBeLessThanOrEqual(1600);
          const last = writes[writes.length - 1];
          if (last !== undefined) expect(cache.get('v', `k${last[0]}`)?.length).toBe(last[1]);
        },
      ),
    );
  });
});
