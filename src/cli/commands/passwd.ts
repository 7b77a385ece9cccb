import { Command } from 'commander';
import { withApp } from '../../app/open.ts';
import { setPassword } from '../../app/auth/set-password.ts';
import { systemClock } from '../../app/runtime.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** Reads all of stdin; the password is its first line. */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `headstamp user passwd NAME --password-stdin`: sets the password a user signs in to the browser with.
 * Added under the `user` group (made here if no other file made it).
 */
export const registerPasswd: RegisterCommand = (program, context) => {
  let user = program.commands.find((c) => c.name() === 'user');
  if (user === undefined) {
    user = new Command('user').description('Users and their roles');
    program.addCommand(user);
  }
  user
    .command('passwd')
    .description('Set a user’s password (read from stdin); ends their open browser sessions')
    .argument('<name>', 'the user')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option('--as <name>', 'acting user: the user themself or an admin (default $HEADSTAMP_USER, else NAME)')
    .action(async (name: string, options: { passwordStdin?: boolean; as?: string }) => {
      if (options.passwordStdin !== true)
        throw new ValidationError('password.source', 'password: give --password-stdin and pipe it in', [
          { path: 'password', problem: 'give --password-stdin and pipe the password in' },
        ]);
      const password = (await readStdin(process.stdin)).split(/\r?\n/)[0] ?? '';
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env) ?? name);
        await setPassword({ store: app.store, clock: systemClock }, actor, { userName: name, password });
        context.out.line(`password set for ${name}`);
      });
    });
};
