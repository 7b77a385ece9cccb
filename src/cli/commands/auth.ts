import {
  addAuthorisation,
  listAuthorisations,
  setAuthorisationStatus,
} from '../../app/custody/authorisations.ts';
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

/**
 * `headstamp auth add|list|suspend|revoke|reinstate`: end-user certificates (authorisations to
 * ship), not sign-in.
 */
export const registerAuth: RegisterCommand = (program, context) => {
  const auth = program
    .command('auth')
    .description('Authorisations (end-user certificates) that shipments need');

  auth
    .command('add')
    .description(
      'Record an end-user certificate (four eyes where the plant asks: then it waits for approval)',
    )
    .argument('<number>', 'certificate number')
    .requiredOption('--authority <name>', 'issuing authority')
    .requiredOption('--consignee <id>', 'consignee (end user)')
    .requiredOption('--country <code>', "end user's country, ISO 3166 alpha-2")
    .requiredOption('--product <id>', 'product covered (repeat, or comma-separated)', collect)
    .requiredOption('--quantity <rounds>', 'quantity ceiling in rounds, all products together', Number)
    .requiredOption('--from <date>', 'valid from (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'valid to, inclusive (YYYY-MM-DD)')
    .requiredOption('--document <ref>', 'a document it refers to (repeat)', collect)
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        number: string,
        o: {
          authority: string;
          consignee: string;
          country: string;
          product: string[];
          quantity: number;
          from: string;
          to: string;
          document: string[];
          as?: string;
          json?: boolean;
        },
      ) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(o, context.env));
          const out = await addAuthorisation(app, actor, {
            number,
            authority: o.authority,
            consigneeId: o.consignee,
            country: o.country,
            products: o.product,
            quantityCeiling: o.quantity,
            validFrom: o.from,
            validTo: o.to,
            documents: o.document,
          });
          if (o.json === true)
            context.out.json(
              out.status === 'done'
                ? { ...out.result, outcome: out.status }
                : { ...out.request, outcome: out.status },
            );
          else if (out.status === 'done') context.out.line(`authorisation ${number} recorded`);
          else
            context.out.line(
              `authorisation ${number} waits for a second person: headstamp approve ${out.request.requestNumber} --as NAME`,
            );
        });
      },
    );

  auth
    .command('list')
    .description('Authorisations with the quantity used and left')
    .option('--consignee <id>', 'only this consignee')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { consignee?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(o, context.env));
        const list = await listAuthorisations(
          app,
          actor,
          o.consignee === undefined ? {} : { consigneeId: o.consignee },
        );
        if (o.json === true) {
          context.out.json(list);
          return;
        }
        context.out.table(
          list.map((a) => ({
            number: a.number,
            consignee: a.consigneeId,
            country: a.country,
            products: a.products.join(','),
            ceiling: a.quantityCeiling,
            used: a.used,
            left: a.remaining,
            valid: `${a.validFrom}..${a.validTo}`,
            status: a.status,
          })),
        );
      });
    });

  for (const [name, status, what] of [
    ['suspend', 'suspended', 'Suspend an authorisation (shipments under it are refused)'],
    ['revoke', 'revoked', 'Revoke an authorisation for good'],
    ['reinstate', 'valid', 'Make a suspended authorisation valid again'],
  ] as const) {
    auth
      .command(name)
      .description(what)
      .argument('<number>', 'certificate number')
      .requiredOption('--reason <text>', 'why')
      .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
      .option('--json', 'print the result as JSON')
      .action(async (number: string, o: { reason: string; as?: string; json?: boolean }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(o, context.env));
          const a = await setAuthorisationStatus(app, actor, number, status, o.reason);
          if (o.json === true) context.out.json(a);
          else context.out.line(`authorisation ${a.number} ${a.status}: ${o.reason}`);
        });
      });
  }
};
