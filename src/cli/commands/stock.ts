import { withApp } from '../../app/open.ts';
import { countStock } from '../../app/packing/count.ts';
import { listCrates, listStock, moveStock } from '../../app/packing/stock.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { LooseForm } from '../../store/repositories/stock.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

function looseForm(value: string | undefined): LooseForm {
  if (value === 'round' || value === 'box') return value;
  throw new ValidationError('stock.form', 'form: must be round or box', [
    { path: 'form', problem: `must be round or box, got ${JSON.stringify(value)}` },
  ]);
}

/** `headstamp stock [list]|move|count`: stock by location, moves, physical counts. */
export const registerStock: RegisterCommand = (program, context) => {
  const stock = program.command('stock').description('Stock by location: list, move, count');

  stock
    .command('list', { isDefault: true })
    .description("Each lot's rounds, boxes and crates by location, and each location's use of its limit")
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the stock lines as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const { lines, locations } = await listStock(app, actor);
        if (options.json === true) {
          context.out.json(lines);
          return;
        }
        context.out.table(
          lines.map((l) => ({
            location: l.locationId,
            lot: l.lotNumber,
            product: l.productId,
            status: l.status,
            form: l.form,
            quantity: l.quantity,
            rounds: l.rounds,
          })),
        );
        context.out.line();
        context.out.table(
          locations.map((l) => ({ location: l.id, kind: l.kind, crates: l.occupancy, limit: l.limitCrates })),
        );
      });
    });

  stock
    .command('crates')
    .description('Crates with their SSCCs, lots, locations and pallets')
    .option('--lot <lot>', 'of one lot')
    .option('--location <id>', 'at one location')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the crates as JSON')
    .action(async (options: { lot?: string; location?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const crates = await listCrates(app, actor, {
          ...(options.lot === undefined ? {} : { lotNumber: options.lot }),
          ...(options.location === undefined ? {} : { location: options.location }),
        });
        if (options.json === true) context.out.json(crates);
        else
          context.out.table(
            crates.map((c) => ({
              sscc: c.sscc,
              lot: c.lotNumber,
              rounds: c.rounds,
              location: c.locationId,
              pallet: c.palletSscc ?? '',
            })),
          );
      });
    });

  stock
    .command('move')
    .description(
      'Move a crate or pallet (--sscc), or loose rounds or boxes of a lot (--lot), to another location',
    )
    .requiredOption('--to <location>', 'target location')
    .option('--sscc <sscc>', 'a crate or a pallet')
    .option('--lot <lot>', 'lot number (loose stock)')
    .option('--form <form>', 'round or box (loose stock)')
    .option('--quantity <n>', 'how many rounds or boxes (loose stock)', (v) => Number(v))
    .option('--from <location>', 'source location (loose stock)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        to: string;
        sscc?: string;
        lot?: string;
        form?: string;
        quantity?: number;
        from?: string;
        as?: string;
        json?: boolean;
      }) => {
        const input =
          options.sscc !== undefined
            ? { sscc: options.sscc, to: options.to }
            : {
                lotNumber: options.lot ?? '',
                form: looseForm(options.form),
                quantity: options.quantity ?? Number.NaN,
                from: options.from ?? '',
                to: options.to,
              };
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const moved = await moveStock(app, actor, input);
          if (options.json === true) context.out.json(moved);
          else
            context.out.line(
              `moved ${moved.ssccs.length === 0 ? `${moved.rounds} rounds of ${moved.lotNumbers.join(', ')}` : moved.ssccs.length === 1 ? moved.ssccs[0] : `${moved.ssccs[0]} with ${moved.ssccs.length - 1} crates (${moved.rounds} rounds)`} from ${moved.from} to ${moved.to}`,
            );
        });
      },
    );

  stock
    .command('count')
    .description(
      "Record a physical count of a lot's loose rounds or boxes; a difference needs a reason, and a second person's approval where the plant asks four eyes",
    )
    .requiredOption('--location <id>', 'where')
    .requiredOption('--lot <lot>', 'lot number')
    .requiredOption('--form <form>', 'round or box')
    .requiredOption('--counted <n>', 'how many were found', (v) => Number(v))
    .option('--reason <reason>', 'miscount, damaged, found, missing or other')
    .option('--note <text>', 'what happened (required for other)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        location: string;
        lot: string;
        form: string;
        counted: number;
        reason?: string;
        note?: string;
        as?: string;
        json?: boolean;
      }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const out = await countStock(app, actor, {
            location: options.location,
            lotNumber: options.lot,
            form: looseForm(options.form),
            counted: options.counted,
            ...(options.reason === undefined ? {} : { reason: options.reason }),
            ...(options.note === undefined ? {} : { note: options.note }),
          });
          if (options.json === true) {
            context.out.json(
              out.status === 'done'
                ? { ...out.result, lotNumber: options.lot, outcome: out.status }
                : { ...out.request, outcome: out.status },
            );
            return;
          }
          if (out.status === 'awaiting_approval') {
            context.out.line(
              `${out.request.requestNumber}: ${out.request.summary}; waits for a second person: headstamp approve ${out.request.requestNumber} --as NAME`,
            );
            return;
          }
          const count = out.result;
          context.out.line(
            count.delta === 0
              ? `count matches the records: ${count.counted}`
              : `adjusted by ${count.delta > 0 ? '+' : ''}${count.delta} (${count.reason ?? ''}): ${count.recorded} → ${count.counted}`,
          );
        });
      },
    );
};
