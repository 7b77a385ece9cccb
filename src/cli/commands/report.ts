import { transferReport, transfersCsv } from '../../app/custody/report.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp report transfers`: transfers per consignee and country, product, quantity, authorisation, dates. */
export const registerReport: RegisterCommand = (program, context) => {
  const report = program.command('report').description('Reports for authorities');
  report
    .command('transfers')
    .description(
      'Transfers dispatched in a period: consignee, country, product, rounds, authorisation, dates',
    )
    .option('--from <instant>', 'dispatched at or after (ISO 8601)')
    .option('--to <instant>', 'dispatched before (ISO 8601)')
    .option('--format <format>', 'csv or json (default: a table)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'same as --format json')
    .action(async (o: { from?: string; to?: string; format?: string; as?: string; json?: boolean }) => {
      const format = o.json === true ? 'json' : (o.format ?? 'table');
      if (!['csv', 'json', 'table'].includes(format)) {
        throw new ValidationError('report.format', `format: must be csv or json, got ${format}`, [
          { path: 'format', problem: `must be csv or json, got ${format}` },
        ]);
      }
      await withApp(context.env, context.cwd, async (app) => {
        const lines = await transferReport(app, await actorFor(app, actorName(o, context.env)), {
          ...(o.from === undefined ? {} : { from: new Date(o.from).toISOString() }),
          ...(o.to === undefined ? {} : { to: new Date(o.to).toISOString() }),
        });
        if (format === 'json') context.out.json(lines);
        else if (format === 'csv') context.out.line(transfersCsv(lines).replace(/\r\n$/, ''));
        else
          context.out.table(
            lines.map((l) => ({
              country: l.country,
              consignee: l.consigneeId,
              product: l.productId,
              rounds: l.rounds,
              authorisation: l.authorisation,
              shipment: l.shipmentNumber,
              dispatched: l.dispatchedAt ?? '',
              received: l.receivedAt ?? '',
            })),
          );
      });
    });
};
