import { traceRecovered } from '../../app/custody/recovered.ts';
import {
  traceCrateBackward,
  traceLotForward,
  traceShipmentBackward,
  type LotSource,
} from '../../app/custody/trace.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import type { CliContext } from '../context.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

function printSources(
  context: CliContext,
  lots: readonly (LotSource & { crates?: number; rounds?: number })[],
): void {
  for (const l of lots) {
    context.out.line(
      `lot ${l.lotNumber} (${l.productId}, ${l.quantity} rounds${l.rounds === undefined ? '' : `; ${l.rounds} here in ${l.crates ?? 0} crates`}): line ${l.lineId}, ${l.date}${l.shift === null ? '' : ` shift ${l.shift}`}, run ${l.runId}, order ${l.productionOrderId}`,
    );
    for (const c of l.components)
      context.out.line(
        `  ${c.componentId}: ${c.lotNumber} (supplier ${c.supplier} lot ${c.supplierLot}), ${c.quantity}`,
      );
  }
}

/** `headstamp trace lot|crate|shipment|headstamp`: forward and backward traceability. */
export const registerTrace: RegisterCommand = (program, context) => {
  const trace = program
    .command('trace')
    .description('Trace lots forward to consignees, crates and shipments back to lines and component lots');
  const common = (name: string, argument: string, description: string) =>
    trace
      .command(name)
      .description(description)
      .argument(`<${argument}>`)
      .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
      .option('--json', 'print the result as JSON');

  common(
    'lot',
    'lot',
    'Forward: a lot → boxes, crates, pallets → shipments → consignees, with quantities',
  ).action(async (lotNumber: string, o: { as?: string; json?: boolean }) => {
    await withApp(context.env, context.cwd, async (app) => {
      const t = await traceLotForward(app, await actorFor(app, actorName(o, context.env)), lotNumber);
      if (o.json === true) {
        context.out.json(t);
        return;
      }
      context.out.line(`lot ${t.lotNumber} (${t.productId}, ${t.quantity} rounds, ${t.status})`);
      for (const l of t.loose) context.out.line(`  loose at ${l.locationId}: ${l.quantity} ${l.form}(s)`);
      const atHome = t.crates.filter((c) => c.shipmentNumber === null && c.destroyedAt === null);
      if (atHome.length > 0)
        context.out.line(
          `  ${atHome.length} crates in the plant (${atHome.reduce((s, c) => s + c.rounds, 0)} rounds)`,
        );
      const destroyed = t.crates.filter((c) => c.destroyedAt !== null);
      if (destroyed.length > 0)
        context.out.line(
          `  ${destroyed.length} crates destroyed (${destroyed.reduce((s, c) => s + c.rounds, 0)} rounds)`,
        );
      for (const p of t.pallets)
        context.out.line(`  pallet ${p.sscc}: ${p.crates} crates of this lot, ${p.rounds} rounds`);
      for (const s of t.shipments)
        context.out.line(
          `  shipment ${s.shipmentNumber} to ${s.consigneeId}: ${s.crates} crates, ${s.rounds} rounds, ${s.status}`,
        );
      context.out.table(
        t.consignees.map((c) => ({
          consignee: c.consigneeId,
          country: c.country,
          rounds: c.rounds,
          delivered: c.delivered,
          inTransit: c.inTransit,
        })),
      );
    });
  });

  common(
    'crate',
    'sscc',
    'Backward: a crate or pallet → lot(s) → run → line, shift, date → component lots',
  ).action(async (sscc: string, o: { as?: string; json?: boolean }) => {
    await withApp(context.env, context.cwd, async (app) => {
      const t = await traceCrateBackward(app, await actorFor(app, actorName(o, context.env)), sscc);
      if (o.json === true) {
        context.out.json(t);
        return;
      }
      context.out.line(
        `${t.kind} ${t.sscc}: ${t.rounds} rounds at ${t.locationId}${t.palletSscc === null ? '' : `, on pallet ${t.palletSscc}`}${t.shipmentNumber === null ? '' : `, shipment ${t.shipmentNumber} to ${t.consigneeId ?? '?'}`}`,
      );
      printSources(context, t.lots);
    });
  });

  common(
    'shipment',
    'shipment',
    'Backward: a shipment → lots → runs → lines, shifts, dates → component lots',
  ).action(async (number: string, o: { as?: string; json?: boolean }) => {
    await withApp(context.env, context.cwd, async (app) => {
      const t = await traceShipmentBackward(app, await actorFor(app, actorName(o, context.env)), number);
      if (o.json === true) {
        context.out.json(t);
        return;
      }
      context.out.line(
        `shipment ${t.shipmentNumber} to ${t.consigneeId} under ${t.authorisation}: ${t.rounds} rounds, ${t.status}`,
      );
      printSources(context, t.lots);
    });
  });

  trace
    .command('headstamp')
    .description(
      'A recovered cartridge: headstamp (maker and year), optionally lot or label → candidate lots and consignees, ranked',
    )
    .argument('<headstamp>', "maker code and two-digit year, e.g. 'HSP 26'")
    .option('--lot <text>', 'the lot number or the part of it that could be read')
    .option('--label <text>', 'label text that could be read')
    .option('--limit <n>', 'at most this many candidates', Number, 20)
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        headstamp: string,
        o: { lot?: string; label?: string; limit: number; as?: string; json?: boolean },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const list = await traceRecovered(
            app,
            await actorFor(app, actorName(o, context.env)),
            {
              headstamp,
              ...(o.lot === undefined ? {} : { lot: o.lot }),
              ...(o.label === undefined ? {} : { label: o.label }),
            },
            o.limit,
          );
          if (o.json === true) {
            context.out.json(list);
            return;
          }
          context.out.table(
            list.map((c) => ({
              lot: c.lotNumber,
              product: c.productId,
              score: c.score,
              consignees: c.consignees.map((x) => `${x.consigneeId}:${x.rounds}`).join(' '),
              matched: c.matched.join('; '),
            })),
          );
        });
      },
    );
};
