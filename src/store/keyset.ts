/**
 * Keyset pagination for the repositories' list reads: a page is the rows after a key, in the order of
 * that key, read with `limit + 1` so the last row tells whether another page follows. The key column is
 * unique within the list, so a page boundary survives rows added or removed before it (no offsets).
 *
 * A repository applies it as `where(key, '>', after).orderBy(key).limit(limit + 1)` (`<` and `desc`
 * for newest-first lists) and hands the rows to `keysetPage`.
 *
 * @example
 * const rows = await db.selectFrom('users').selectAll()
 *   .$if(page.after !== undefined, (q) => q.where('name', '>', page.after!))
 *   .orderBy('name').limit(page.limit + 1).execute();
 * return keysetPage(rows.map(toRecord), page, (u) => u.name); // { items, nextKey }
 */
export interface Keyset {
  /** Rows per page (at least 1). */
  readonly limit: number;
  /** The key of the last row of the previous page; absent for the first page. */
  readonly after?: string | undefined;
}

/** One page of a list and the key to continue after (null on the last page). */
export interface KeysetPage<T> {
  readonly items: T[];
  readonly nextKey: string | null;
}

/** The page made of rows read with `limit + 1`: at most `limit` items, and the key to go on from. */
export function keysetPage<T>(rows: readonly T[], page: Keyset, key: (row: T) => string): KeysetPage<T> {
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items, nextKey: rows.length > page.limit && last !== undefined ? key(last) : null };
}

/** Maps a page's items, keeping where it continues. */
export function mapPage<T, U>(page: KeysetPage<T>, f: (item: T) => U): KeysetPage<U> {
  return { items: page.items.map(f), nextKey: page.nextKey };
}
