import { Type, type Static, type TSchema } from 'typebox';
import { ValidationError } from '../domain/errors.ts';
import type { Keyset, KeysetPage } from '../store/keyset.ts';

/**
 * Cursor pagination for every list: `?limit=&cursor=`, answered with `{items, nextCursor}`. The cursor is
 * opaque to clients (base64url of the last item's sort key), so a page boundary survives records being
 * added in between: the next page starts after that key, not at an offset. Lists of records are paged in
 * the repositories' SQL (`keysetOf` in, `pageOf` out); `paginate` pages lists that are computed whole
 * (KPIs, simulations, the transfer report).
 *
 * @example
 * const page = pageOf(await pageUsers(app, user, keysetOf(query))); // { items, nextCursor }
 */
export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'Items per page (1–500)' }),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 400, description: 'From the previous page’s `nextCursor`' }),
  ),
};

/** A query string of just the page parameters. */
export const PageOnly = Type.Object(PageQuery, { additionalProperties: false });

export interface PageParams {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** The answer of a list route: one page of items and where the next begins (null at the end). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page',
      }),
    },
    { additionalProperties: false },
  );
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');
}

/** The sort key inside a cursor; refuses one that was not made by this server. */
export function decodeCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'k' in parsed && typeof parsed.k === 'string')
      return parsed.k;
  } catch {
    // fall through to the refusal
  }
  throw new ValidationError('request.cursor', 'cursor: not a cursor from this list', [
    { path: 'cursor', problem: 'is not a cursor from this list; start again without it' },
  ]);
}

/** The repositories' keyset for a page query: the cursor decoded to the key to continue after. */
export function keysetOf(page: PageParams): Keyset {
  return page.cursor === undefined
    ? { limit: page.limit }
    : { limit: page.limit, after: decodeCursor(page.cursor) };
}

/** A repository's page as the API answers it. */
export function pageOf<T>(page: KeysetPage<T>): PageOf<T> {
  return { items: page.items, nextCursor: page.nextKey === null ? null : encodeCursor(page.nextKey) };
}

/**
 * One page of `items`, ordered by `key` (ascending, or descending for newest-first lists). Keys must be
 * unique within the list.
 */
export function paginate<T>(
  items: readonly T[],
  key: (item: T) => string,
  page: PageParams,
  order: 'asc' | 'desc' = 'asc',
): PageOf<T> {
  const sign = order === 'asc' ? 1 : -1;
  const keyed = items.map((item) => ({ item, k: key(item) }));
  keyed.sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  const rest =
    after === undefined ? keyed : keyed.filter((x) => sign * (x.k < after ? -1 : x.k > after ? 1 : 0) > 0);
  const slice = rest.slice(0, page.limit);
  const last = slice[slice.length - 1];
  return {
    items: slice.map((x) => x.item),
    nextCursor: rest.length > page.limit && last !== undefined ? encodeCursor(last.k) : null,
  };
}

export type PageQueryStatic = Static<typeof PageOnly>;
