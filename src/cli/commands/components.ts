import { withApp } from '../../app/open.ts';
import { listComponentLots, receiveComponents } from '../../app/production/components.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp components receive|list`: component lots received into stock. */
export const registerComponents: RegisterCommand = (program, context) => {
  const components = program.command('components').description('Component lots (counted units)');
  components
    .command('receive')
    .description('Receive a delivery of components as a component lot')
    .argument('<component>', 'component id, e.g. case')
    .requiredOption('--supplier <name>', 'supplier, as in the scenario')
    .requiredOption('--supplier-lot <text>', "the supplier's lot number")
    .requiredOption('--quantity <n>', 'units received', (v) => Number(v))
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        componentId: string,
        options: { supplier: string; supplierLot: string; quantity: number; as?: string; json?: boolean },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const lot = await receiveComponents(app, actor, {
            componentId,
            supplier: options.supplier,
            supplierLot: options.supplierLot,
            quantity: options.quantity,
          });
          if (options.json === true) context.out.json(lot);
          else
            context.out.line(
              `${lot.lotNumber}: ${lot.received.toLocaleString('en-US')} ${lot.componentId} from ${lot.supplier} (lot ${lot.supplierLot})`,
            );
        });
      },
    );
  components
    .command('list')
    .description('Component lots and what is left of each')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const lots = await listComponentLots(app, actor);
        if (options.json === true) context.out.json(lots);
        else
          context.out.table(
            lots.map((l) => ({
              lot: l.lotNumber,
              component: l.componentId,
              supplier: l.supplier,
              supplierLot: l.supplierLot,
              received: l.received,
              remaining: l.remaining,
            })),
          );
      });
    });
};
