import { withApp } from '../../app/open.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/auth/tokens.ts';
import { systemClock } from '../../app/runtime.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/**
 * `headstamp token create|list|revoke`: API tokens for programs that call the HTTP API. The token is
 * printed once (alone on the last line, so `| tail -1` captures it); the records keep only its SHA-256.
 */
export const registerToken: RegisterCommand = (program, context) => {
  const token = program.command('token').description('API tokens for the HTTP API');
  token
    .command('create')
    .description('Issue an API token to a user; prints the token alone on its last line')
    .requiredOption('--user <name>', 'the user the token acts as')
    .option('--label <text>', 'what the token is for (e.g. "line terminal 2")')
    .option(
      '--as <name>',
      'acting user: the user themself or an admin (default $HEADSTAMP_USER, else --user)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { user: string; label?: string; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        // Whoever runs this on the records' own machine can already read and write them; with no actor
        // named, the user receives their own token.
        const actor = await actorFor(app, actorName(options, context.env) ?? options.user);
        const created = await createApiToken({ ...app, clock: systemClock }, actor, {
          userName: options.user,
          label: options.label,
        });
        if (options.json === true) {
          context.out.json(created);
          return;
        }
        context.out.note(`token ${created.id} for ${created.userName}; shown once, keep it secret:`);
        context.out.line(created.token);
      });
    });
  token
    .command('list')
    .description('API tokens (an admin sees every user’s; never the token itself)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const tokens = await listApiTokens(app.store, actor);
        if (options.json === true) context.out.json(tokens);
        else
          context.out.table(
            tokens.map((t) => ({
              id: t.id,
              user: t.userName,
              label: t.label,
              created: t.createdAt,
              revoked: t.revokedAt,
            })),
          );
      });
    });
  token
    .command('revoke')
    .description('Revoke an API token; it stops working at once')
    .argument('<id>', 'the token’s id (see token list)')
    .option('--as <name>', 'acting user: the token’s user or an admin (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (id: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const revoked = await revokeApiToken({ ...app, clock: systemClock }, actor, id);
        if (options.json === true) context.out.json(revoked);
        else context.out.line(`revoked ${revoked.id} (${revoked.userName})`);
      });
    });
};
