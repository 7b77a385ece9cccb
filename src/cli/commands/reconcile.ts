import { reconcileLots } from '../../app/custody/reconcile.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp reconcile`: every lot balanced from the ledger; exits 1 on an unexplained difference. */
export const registerReconcile: RegisterCommand = (program, context) => {
  program
    .command('reconcile')
    .description(
      'Reconcile lots: commissioned = stock + in transit + delivered + tests + destroyed + lost + adjusted',
    )
    .option('--from <instant>', 'only lots commissioned at or after (ISO 8601)')
    .option('--to <instant>', 'only lots commissioned before (ISO 8601)')
    .option('--all', 'list every lot, not only those with a difference')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { from?: string; to?: string; all?: boolean; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const r = await reconcileLots(app, await actorFor(app, actorName(o, context.env)), {
          ...(o.from === undefined ? {} : { from: new Date(o.from).toISOString() }),
          ...(o.to === undefined ? {} : { to: new Date(o.to).toISOString() }),
        });
        if (r.unexplained > 0) process.exitCode = 1;
        if (o.json === true) {
          context.out.json(r);
          return;
        }
        const shown = o.all === true ? r.lots : r.lots.filter((l) => l.difference !== 0);
        const t = r.totals;
        context.out.line(
          `${r.lots.length} lots: commissioned ${t.commissioned} = stock ${t.inStock} + in transit ${t.inTransit} + delivered ${t.delivered} + tests ${t.consumedInTests} + destroyed ${t.destroyed} + lost ${t.lost} + adjusted ${t.adjusted}; difference ${t.difference}`,
        );
        if (shown.length > 0) {
          context.out.table(
            shown.map((l) => ({
              lot: l.lotNumber,
              commissioned: l.commissioned,
              stock: l.inStock,
              transit: l.inTransit,
              delivered: l.delivered,
              tests: l.consumedInTests,
              destroyed: l.destroyed,
              lost: l.lost,
              adjusted: l.adjusted,
              difference: l.difference,
            })),
          );
        }
        for (const l of r.lots.filter((x) => x.difference !== 0)) {
          context.out.line(
            `lot ${l.lotNumber}: ${l.difference} rounds no recorded event explains; events involved:`,
          );
          for (const e of l.events) context.out.line(`  ${e}`);
        }
        if (r.unexplained === 0) context.out.line('every lot reconciles');
      });
    });
};
