import { withApp } from '../../app/open.ts';
import { listLots, showLot } from '../../app/production/lots-query.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `headstamp lots list|show`: lots with their marking and genealogy. */
export const registerLots: RegisterCommand = (program, context) => {
  const lots = program.command('lots').description('Lots of cartridges');
  lots
    .command('list')
    .description('List lots, oldest first')
    .option('--product <id>', 'only this product')
    .option('--line <id>', 'only this line')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { product?: string; line?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const list = await listLots(app, actor, {
          ...(options.product === undefined ? {} : { productId: options.product }),
          ...(options.line === undefined ? {} : { lineId: options.line }),
        });
        if (options.json === true) context.out.json(list);
        else
          context.out.table(
            list.map((l) => ({
              lot: l.lotNumber,
              product: l.productId,
              line: l.lineId,
              quantity: l.quantity,
              headstamp: text(l.marking['headstamp']),
              commissioned: l.commissionedAt,
            })),
          );
      });
    });
  lots
    .command('show')
    .description('One lot: marking, run, order and the component lots it consumed')
    .argument('<lotNumber>', 'lot number, e.g. HSP26A001-001')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (lotNumber: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const lot = await showLot(app, actor, lotNumber);
        if (options.json === true) {
          context.out.json(lot);
          return;
        }
        const out = context.out;
        out.line(
          `lot ${lot.lotNumber}: ${lot.quantity.toLocaleString('en-US')} ${lot.productId} from line ${lot.lineId}`,
        );
        out.line(`commissioned ${lot.commissionedAt} by ${lot.actor}`);
        if (lot.productionOrderNumber !== null)
          out.line(`production order ${lot.productionOrderNumber}, run ${lot.runId}`);
        out.line(`headstamp ${text(lot.marking['headstamp'])}`);
        const label = lot.marking['boxLabel'];
        if (typeof label === 'object' && label !== null) {
          out.line(
            `box label ${Object.entries(label)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(' ')}`,
          );
        }
        out.line('components:');
        out.table(
          lot.components.map((c) => ({
            component: c.componentId,
            lot: c.lotNumber,
            supplier: c.supplier,
            supplierLot: c.supplierLot,
            quantity: c.quantity,
          })),
        );
        const short = Object.entries(lot.componentShortfall);
        if (short.length > 0)
          out.note(`no received lot covers: ${short.map(([k, v]) => `${v} ${k}`).join(', ')}`);
      });
    });
};
