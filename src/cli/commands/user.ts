import { withApp } from '../../app/open.ts';
import { actorFor, addUser, listUsers } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp user add|list`: the plant's people and their roles. */
export const registerUser: RegisterCommand = (program, context) => {
  const user = program.command('user').description('Users and their roles');
  user
    .command('add')
    .description('Add a user (admin only)')
    .argument('<name>', 'login name (lower case)')
    .requiredOption('--role <role>', 'operator, planner, quality, logistics, auditor, admin or consignee')
    .option('--consignee <id>', 'for a consignee user: the consignee they speak for')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (name: string, options: { role: string; consignee?: string; as?: string; json?: boolean }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const added = await addUser(app, actor, {
            name,
            role: options.role,
            consigneeId: options.consignee,
          });
          if (options.json === true) context.out.json(added);
          else context.out.line(`added ${added.name} (${added.role})`);
        });
      },
    );
  user
    .command('list')
    .description('List users')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const users = await listUsers(app, actor);
        if (options.json === true) context.out.json(users);
        else
          context.out.table(
            users.map((u) => ({ name: u.name, role: u.role, consignee: u.consigneeId, since: u.createdAt })),
          );
      });
    });
};
