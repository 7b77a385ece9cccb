import { dispatchShipment } from '../../app/custody/dispatch.ts';
import { receiveShipment } from '../../app/custody/receive.ts';
import { createShipment, listShipments } from '../../app/custody/shipments.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

/** `headstamp ship create|dispatch|receive|list`: shipments to consignees under an authorisation. */
export const registerShip: RegisterCommand = (program, context) => {
  const ship = program
    .command('ship')
    .description('Shipments of crates and pallets to consignees, under an authorisation');

  ship
    .command('create')
    .description('Plan a shipment; refused (with every reason) unless an authorisation covers it')
    .argument('<sscc...>', 'crates and pallets (SSCCs)')
    .requiredOption('--to <consignee>', 'consignee')
    .requiredOption('--transport <ref>', 'transport reference (waybill, vehicle)')
    .requiredOption('--invoice <ref>', 'invoice reference')
    .option('--authorisation <number>', 'ship under this authorisation (default: one that covers it)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        ssccs: string[],
        o: {
          to: string;
          transport: string;
          invoice: string;
          authorisation?: string;
          as?: string;
          json?: boolean;
        },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(o, context.env));
          const s = await createShipment(app, actor, {
            consigneeId: o.to,
            ssccs,
            transportRef: o.transport,
            invoiceRef: o.invoice,
            ...(o.authorisation === undefined ? {} : { authorisation: o.authorisation }),
          });
          if (o.json === true) context.out.json(s);
          else
            context.out.line(
              `shipment ${s.shipmentNumber} planned: ${s.crates} crates, ${s.quantity} rounds to ${s.consigneeId} under ${s.authorisation}`,
            );
        });
      },
    );

  ship
    .command('dispatch')
    .description('Dispatch a planned shipment (four eyes where the plant asks: then it waits for approval)')
    .argument('<shipment>', 'shipment number')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (number: string, o: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const out = await dispatchShipment(app, actor, number);
        if (o.json === true)
          context.out.json(
            out.status === 'done'
              ? { ...out.result, outcome: out.status }
              : { ...out.request, outcome: out.status },
          );
        else if (out.status === 'done')
          context.out.line(`shipment ${out.result.shipmentNumber} dispatched: in transit`);
        else
          context.out.line(
            `dispatch of ${number} waits for a second person: headstamp approve ${out.request.requestNumber} --as NAME`,
          );
      });
    });

  ship
    .command('receive')
    .description(
      "Confirm receipt (the consignee's own user); list what arrived when it differs, with --reason",
    )
    .argument('<shipment>', 'shipment number')
    .option(
      '--received <sscc>',
      'crates or pallets that arrived (repeat or comma-separated; default: all)',
      collect,
    )
    .option('--reason <text>', 'why the receipt differs from the shipment')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (number: string, o: { received?: string[]; reason?: string; as?: string; json?: boolean }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(o, context.env));
          const r = await receiveShipment(app, actor, number, {
            ...(o.received === undefined ? {} : { received: o.received }),
            ...(o.reason === undefined ? {} : { reason: o.reason }),
          });
          if (o.json === true) {
            context.out.json(r);
            return;
          }
          context.out.line(`shipment ${r.shipmentNumber} received: ${r.received.length} crates as shipped`);
          for (const d of r.discrepancies)
            context.out.line(`  ${d.kind}: crate ${d.sscc}, ${d.rounds} rounds (${d.reason})`);
        });
      },
    );

  ship
    .command('list')
    .description('Shipments (a consignee user sees its own)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const list = await listShipments(app, actor);
        if (o.json === true) {
          context.out.json(list);
          return;
        }
        context.out.table(
          list.map((s) => ({
            shipment: s.shipmentNumber,
            consignee: s.consigneeId,
            authorisation: s.authorisation,
            crates: s.crates,
            rounds: s.quantity,
            status: s.status,
            dispatched: s.dispatchedAt ?? '',
            received: s.receivedAt ?? '',
          })),
        );
      });
    });
};
