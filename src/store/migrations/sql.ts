import { sql, type RawBuilder } from 'kysely';

/** `column in ('a', 'b')` for a check constraint; values are our own constants, never input. */
export function sqlIn(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql.raw(`${column} in (${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')})`);
}

/** `column > 0` for a check constraint. */
export function positive(column: string): RawBuilder<unknown> {
  return sql.raw(`${column} > 0`);
}

/** A fixed SQL expression of our own for a check constraint. */
export function sqlRaw(expression: string): RawBuilder<unknown> {
  return sql.raw(expression);
}
