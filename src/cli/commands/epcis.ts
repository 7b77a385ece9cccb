import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportEpcis, importEpcisFile } from '../../app/ledger/epcis.ts';
import { validateEpcisFile } from '../../app/ledger/epcis-file.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

function instant(value: string, option: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new ValidationError('cli.time', `${option}: not an ISO 8601 time: '${value}'`, [
      { path: option, problem: `not an ISO 8601 time: '${value}'` },
    ]);
  }
  return date;
}

/**
 * `headstamp epcis ...`: GS1 EPCIS 2.0 JSON-LD interchange.
 *
 * `epcis validate FILE [--json]` checks a document against GS1's EPCIS 2.0 JSON Schema: exit 0
 * and a summary when valid; exit 2 and one line per problem (field, event place, eventID) when not.
 * `epcis export [--from T --to T | --lot LOT] [--out FILE]` writes ledger events as a document;
 * `epcis import FILE` checks every event against the records and appends all or none.
 *
 * @example
 * headstamp epcis validate shipment-42.jsonld
 * // shipment-42.jsonld: valid EPCISDocument, 12 events
 */
export const registerEpcis: RegisterCommand = (program: Command, context) => {
  const epcis = program.command('epcis').description('GS1 EPCIS 2.0 JSON-LD interchange');
  epcis
    .command('validate')
    .description("Check an EPCIS 2.0 JSON-LD document against GS1's schema")
    .argument('<file>', 'EPCIS document (.jsonld or .json)')
    .option('--json', 'print the summary as JSON')
    .action((file: string, options: { json?: boolean }) => {
      const summary = validateEpcisFile(file, context.cwd);
      if (options.json === true) return context.out.json(summary);
      context.out.line(
        `${file}: valid ${summary.type}, ${summary.events} event${summary.events === 1 ? '' : 's'}`,
      );
    });
  epcis
    .command('export')
    .description('Write ledger events as an EPCIS 2.0 JSON-LD document')
    .option('--from <time>', 'events at or after this time (ISO 8601)')
    .option('--to <time>', 'events before this time (ISO 8601)')
    .option('--lot <lot>', 'every event of one lot (its lot number)')
    .option('--product <id>', 'with --lot: the product the lot is of')
    .option('--out <file>', 'write to FILE instead of stdout')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .action(
      async (options: {
        from?: string;
        to?: string;
        lot?: string;
        product?: string;
        out?: string;
        as?: string;
      }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const doc = await exportEpcis(app, actor, {
            ...(options.from === undefined ? {} : { from: instant(options.from, '--from') }),
            ...(options.to === undefined ? {} : { to: instant(options.to, '--to') }),
            ...(options.lot === undefined ? {} : { lot: options.lot }),
            ...(options.product === undefined ? {} : { product: options.product }),
          });
          const text = `${JSON.stringify(doc, null, 2)}\n`;
          if (options.out === undefined) return context.out.line(text.trimEnd());
          writeFileSync(resolve(context.cwd, options.out), text);
          const count = doc.epcisBody.eventList.length;
          context.out.note(`${count} ${count === 1 ? 'event' : 'events'} written to ${options.out}`);
        });
      },
    );
  epcis
    .command('import')
    .description('Check an EPCIS 2.0 document against the records and append its events, all or none')
    .argument('<file>', 'EPCIS document (.jsonld or .json)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const result = await importEpcisFile(app, actor, file, context.cwd);
        if (options.json === true) return context.out.json(result);
        context.out.line(
          `${file}: ${result.events} events appended at index ${result.appended.from}; the ledger holds ${result.appended.size}`,
        );
      });
    });
};
