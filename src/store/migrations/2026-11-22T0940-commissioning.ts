import { sql, type Kysely } from 'kysely';
import { sqlIn } from './sql.ts';

// Line commissioning: signatories, acceptance tests, acceptance acts and their detached
// signatures. At most one running test per line (a partial unique index).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signatories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('acceptance_tests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['running', 'closed'])))
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('early', 'integer', (c) => c.notNull().check(sqlIn('early', ['0', '1'])))
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('acceptance_tests_running')
    .on('acceptance_tests')
    .column('line_id')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
  await db.schema
    .createTable('acceptance_acts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('act_number', 'text', (c) => c.notNull().unique())
    .addColumn('test_id', 'text', (c) => c.notNull().unique().references('acceptance_tests.id'))
    .addColumn('line_id', 'text', (c) => c.notNull().references('lines.id'))
    .addColumn('passed', 'integer', (c) => c.notNull().check(sqlIn('passed', ['0', '1'])))
    .addColumn('early', 'integer', (c) => c.notNull().check(sqlIn('early', ['0', '1'])))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().unique())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('supersedes', 'text')
    .addColumn('ledger_event_id', 'text', (c) => c.notNull())
    .addColumn('ledger_index', 'bigint', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('acceptance_acts_line')
    .on('acceptance_acts')
    .columns(['line_id', 'issued_at'])
    .execute();
  await db.schema
    .createTable('act_signatures')
    .addColumn('act_id', 'text', (c) => c.notNull().references('acceptance_acts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('signer_kind', 'text', (c) => c.notNull().check(sqlIn('signer_kind', ['plant', 'signatory'])))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('act_signatures_pk', ['act_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('act_signatures').execute();
  await db.schema.dropTable('acceptance_acts').execute();
  await db.schema.dropTable('acceptance_tests').execute();
  await db.schema.dropTable('signatories').execute();
}
