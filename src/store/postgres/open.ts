import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../database.ts';
import type { Database } from '../schema.ts';

const INT8 = 20;

// Counts and sums come back from PostgreSQL as int8, which `pg` returns as strings. Our
// quantities are integers far below 2^53, so they are read as numbers, and refused if not safe.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8) return parseInt8;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${value} is beyond 2^53`);
  return n;
}

/**
 * Opens the PostgreSQL records at `url`, in `schema` (default `public`; tests use one schema per
 * test file).
 *
 * @example
 * const store = openPostgres('postgres://postgres@127.0.0.1:5432/headstamp');
 */
export function openPostgres(url: string, schema = 'public'): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types,
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    native: { dialect: 'postgres', pool, schema },
    location: redact(url),
    close: () => db.destroy(),
  };
}

/** A safe SQL identifier: letters, digits and underscores only. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`bad schema name ${name}`);
  return `"${name}"`;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
