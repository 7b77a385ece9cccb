import { commissioningFiles } from '../../app/commissioning/files.ts';
import { addSignatory, listSignatories } from '../../app/commissioning/signatories.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/**
 * `headstamp signatory add NAME [--role ROLE]` and `signatory list`: the people who sign
 * acceptance acts, each with an Ed25519 key (private key file mode 0600 under the data
 * directory's `signatories/`, public key in the records).
 */
export const registerSignatory: RegisterCommand = (program, context) => {
  const signatory = program
    .command('signatory')
    .description('People who sign acceptance acts, with their keys');

  signatory
    .command('add')
    .description('Add a signatory with a new Ed25519 key (admin)')
    .argument('<name>', "the signatory's name, as the protocol names them")
    .option('--role <role>', "their role (default: the scenario protocol's)")
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { role?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const added = await addSignatory(
          app,
          actor,
          { name, role: options.role },
          commissioningFiles(context.env, context.cwd),
        );
        if (options.json === true) {
          context.out.json(added);
          return;
        }
        context.out.line(`signatory ${added.name} (${added.role}), key ${added.keyId}`);
        context.out.line(`private key: ${added.keyFile} (mode 600: keep it to ${added.name})`);
      });
    });

  signatory
    .command('list')
    .description('List the signatories and their public keys')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const rows = await listSignatories(app, actor);
        if (options.json === true) {
          context.out.json(rows);
          return;
        }
        context.out.table(
          rows.map((s) => ({ name: s.name, role: s.role, key: s.keyId, since: s.createdAt })),
        );
      });
    });
};
