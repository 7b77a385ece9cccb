import { destroyRounds, type DestroyInput } from '../../app/custody/destroy.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/**
 * `headstamp destroy`: loose rounds of a lot, or a crate or pallet whole, destroyed with a
 * reason (a rejected lot, damaged stock); four eyes where the plant asks.
 */
export const registerDestroy: RegisterCommand = (program, context) => {
  program
    .command('destroy')
    .description(
      'Destroy loose rounds of a lot (--lot, --quantity) or a crate or pallet whole (--sscc), with a reason; four eyes where the plant asks',
    )
    .option('--lot <lot>', 'lot number (loose rounds)')
    .option('--quantity <n>', 'how many loose rounds', (v) => Number(v))
    .option('--location <id>', 'where the loose rounds are (default: where the lot has most)')
    .option('--sscc <sscc>', 'a crate, or a pallet with all its crates')
    .option('--reason <text>', 'why (required)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (o: {
        lot?: string;
        quantity?: number;
        location?: string;
        sscc?: string;
        reason?: string;
        as?: string;
        json?: boolean;
      }) => {
        const input: DestroyInput = {
          reason: o.reason ?? '',
          ...(o.lot === undefined ? {} : { lotNumber: o.lot }),
          ...(o.quantity === undefined ? {} : { quantity: o.quantity }),
          ...(o.location === undefined ? {} : { location: o.location }),
          ...(o.sscc === undefined ? {} : { sscc: o.sscc }),
        };
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(o, context.env));
          const out = await destroyRounds(app, actor, input);
          if (o.json === true)
            context.out.json(
              out.status === 'done'
                ? { ...out.result, outcome: out.status }
                : { ...out.request, outcome: out.status },
            );
          else if (out.status === 'done')
            context.out.line(
              `destroyed ${out.result.rounds} rounds (${out.result.lots.map((l) => `${l.lotNumber} at ${l.location}`).join(', ')})${out.result.ssccs.length === 0 ? '' : `: ${out.result.ssccs.join(', ')}`}`,
            );
          else
            context.out.line(
              `${out.request.summary}; waits for a second person: headstamp approve ${out.request.requestNumber} --as NAME`,
            );
        });
      },
    );
};
