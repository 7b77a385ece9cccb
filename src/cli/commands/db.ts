import { migrateToLatest } from '../../store/migrate.ts';
import { openStoreFromEnv } from '../../store/open.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp db migrate`: brings the records' schema up to date (also done at every start). */
export const registerDb: RegisterCommand = (program, context) => {
  const db = program.command('db').description('The records themselves');
  db.command('migrate')
    .description('Apply pending schema migrations')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = openStoreFromEnv(context.env, context.cwd);
      try {
        const applied = await migrateToLatest(store);
        if (options.json === true) {
          context.out.json({ location: store.location, dialect: store.dialect, applied });
        } else {
          context.out.line(
            applied.length === 0
              ? `${store.location}: up to date`
              : `${store.location}: applied ${applied.join(', ')}`,
          );
        }
      } finally {
        await store.close();
      }
    });
};
