import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, paginate } from './pagination.ts';

describe('cursor pagination', () => {
  it('walks every item exactly once, in key order, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        (keys, limit, order) => {
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages < 100; pages++) {
            const page = paginate(keys, (k) => k, { limit, cursor }, order);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items);
            if (page.nextCursor === null) break;
            cursor = page.nextCursor;
          }
          const sorted = [...keys].sort();
          expect(seen).toEqual(order === 'asc' ? sorted : sorted.reverse());
        },
      ),
    );
  });

  it('starts after the last key seen even when items were added in between', () => {
    const first = paginate(['a', 'c', 'e'], (k) => k, { limit: 2 });
    expect(first.items).toEqual(['a', 'c']);
    const second = paginate(['a', 'b', 'c', 'd', 'e'], (k) => k, { limit: 2, cursor: first.nextCursor! });
    expect(second.items).toEqual(['d', 'e']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not make, naming the field', () => {
    expect(decodeCursor(encodeCursor('CO-2027-0001'))).toBe('CO-2027-0001');
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    const forged = Buffer.from('{"x":1}').toString('base64url');
    expect(() => decodeCursor(forged)).toThrow(
      expect.objectContaining({
        problems: [{ path: 'cursor', problem: 'is not a cursor from this list; start again without it' }],
      }),
    );
  });
});
