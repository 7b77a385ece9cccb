import type { Kysely } from 'kysely';
import { sqlIn } from './sql.ts';

// Whether each line is on line, as its MQTT birth and death messages (or its silence) tell:
// one row per line that has ever announced itself. A death may arrive before its birth: then
// the row has the death's birth epoch and no birth details.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('line_presence')
    .addColumn('line_id', 'text', (c) => c.primaryKey().references('lines.id'))
    .addColumn('online', 'integer', (c) => c.notNull().check(sqlIn('online', ['0', '1'])))
    .addColumn('birth', 'bigint', (c) => c.notNull())
    .addColumn('seq_base', 'bigint')
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('born_at', 'text')
    .addColumn('silent_at', 'text')
    .addColumn('silent_reason', 'text', (c) => c.check(sqlIn('silent_reason', ['death', 'timeout'])))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('line_presence').execute();
}
