import { recallLots, type RecallOrigin } from '../../app/custody/recall.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

interface RecallOptions {
  lot?: string;
  viaComponents?: boolean;
  component?: string;
  headstamp?: string;
  reportLot?: string;
  label?: string;
  reason: string;
  as?: string;
  json?: boolean;
}

function originOf(o: RecallOptions): RecallOrigin {
  const given = [o.lot, o.component, o.headstamp].filter((x) => x !== undefined).length;
  if (given !== 1) {
    throw new ValidationError('recall.origin', 'give exactly one of --lot, --component or --headstamp', [
      { path: 'origin', problem: `give exactly one of --lot, --component or --headstamp (got ${given})` },
    ]);
  }
  if (o.lot !== undefined) return { kind: 'lot', lotNumber: o.lot, viaComponents: o.viaComponents === true };
  if (o.component !== undefined) return { kind: 'component-lot', componentLot: o.component };
  return {
    kind: 'field-report',
    report: {
      headstamp: o.headstamp ?? '',
      ...(o.reportLot === undefined ? {} : { lot: o.reportLot }),
      ...(o.label === undefined ? {} : { label: o.label }),
    },
  };
}

/** `headstamp recall`: hold every affected lot and list the consignees to notify. */
export const registerRecall: RegisterCommand = (program, context) => {
  program
    .command('recall')
    .description(
      'Hold and recall: from a lot, a component lot or a field report to every affected lot and consignee',
    )
    .option('--lot <lot>', 'a lot')
    .option('--via-components', 'with --lot: also every lot sharing a component lot with it')
    .option('--component <lot>', 'a component lot (our number or the supplier lot): every lot made with it')
    .option('--headstamp <text>', "a field report: the recovered cartridge's headstamp ('HSP 26')")
    .option('--report-lot <text>', 'with --headstamp: the lot number as read')
    .option('--label <text>', 'with --headstamp: label text as read')
    .requiredOption('--reason <text>', 'why')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (o: RecallOptions) => {
      const origin = originOf(o);
      await withApp(context.env, context.cwd, async (app) => {
        const r = await recallLots(app, await actorFor(app, actorName(o, context.env)), origin, o.reason);
        if (o.json === true) {
          context.out.json(r);
          return;
        }
        context.out.line(`recall ${r.recallNumber} (${r.origin}): ${r.lots.length} lot(s) on hold`);
        context.out.table(
          r.lots.map((l) => ({ lot: l.lotNumber, was: l.previousStatus, roundsInPlant: l.roundsHeld })),
        );
        for (const n of r.notices) {
          context.out.line(`notice to ${n.name} (${n.consigneeId}, ${n.country}): ${n.rounds} rounds`);
          for (const l of n.lots)
            context.out.line(
              `  lot ${l.lotNumber}, shipment ${l.shipmentNumber}: ${l.rounds} rounds (${l.status})`,
            );
        }
        if (r.notices.length === 0) context.out.line('no consignee received any of these lots');
      });
    });
};
