import { useCallback, useEffect, useState } from 'react';
import { apiGet, type Query } from '../../app/api.ts';

interface PageOf<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Follows `nextCursor` until the list ends or `maxPages` pages of 500 are read. */
export async function fetchAll<T>(path: string, query: Query = {}, maxPages = 10): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await apiGet<PageOf<T>>(path, { ...query, limit: 500, cursor });
    all.push(...answer.items);
    if (answer.nextCursor === null) break;
    cursor = answer.nextCursor;
  }
  return all;
}

/** A whole list (every page), its failure, and a way to read it again. */
export interface AllPages<T> {
  readonly items: readonly T[] | undefined;
  readonly error: unknown;
  readonly reload: () => void;
}

/**
 * Reads every page of a list route when the page opens (lists here are hundreds, not millions, of
 * rows: lots, orders and shipments of the records so far).
 *
 * @example
 * const orders = useAllPages<Order>('/orders');
 */
export function useAllPages<T>(path: string | undefined, query: Query = {}): AllPages<T> {
  const [items, setItems] = useState<readonly T[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    fetchAll<T>(path, JSON.parse(key) as Query).then(
      (all) => {
        if (!live) return;
        setItems(all);
        setError(undefined);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { items, error, reload };
}
