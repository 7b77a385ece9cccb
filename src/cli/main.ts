import { Command, CommanderError } from 'commander';
import { HeadstampError, type ErrorKind } from '../domain/errors.ts';
import { groupsFor } from './commands/index.ts';
import type { CliContext } from './context.ts';
import { createOutput, type Streams } from './output.ts';

/**
 * Runs the `headstamp` command line and returns the exit code. All errors end here, and here
 * alone are they turned into exit codes and messages.
 *
 * @example
 * const code = await main(['node', 'headstamp', 'scenario', 'validate', 'scenarios/seed-plant.yaml']);
 */
export async function main(
  argv: readonly string[],
  streams?: Streams,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const out = createOutput(streams);
  const context: CliContext = { out, env, cwd: process.cwd() };
  const program = new Command('headstamp')
    .description('Operations and accountability system of a small-calibre cartridge plant')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (streams?.stdout ?? process.stdout).write(s),
      writeErr: (s) => (streams?.stderr ?? process.stderr).write(s),
    });
  for (const group of groupsFor(argv)) (await group.load())(program, context);
  const wantsJson = argv.includes('--json');
  try {
    // A command that ends in a verdict (verify, reconcile) says "failed" through process.exitCode;
    // it is read and cleared here so that one run's verdict never leaks into the next.
    process.exitCode = undefined;
    await program.parseAsync([...argv]);
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = undefined;
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof HeadstampError) {
      if (wantsJson) {
        out.json({ error: { code: error.code, message: error.message, details: error.details } });
      }
      out.note(`error: ${error.message}`);
      const problems = error.details['problems'];
      if (Array.isArray(problems)) {
        for (const p of problems as { path: string; problem: string }[])
          out.note(`  ${p.path}: ${p.problem}`);
      }
      const reasons = error.details['reasons'];
      if (Array.isArray(reasons)) for (const r of reasons) out.note(`  - ${String(r)}`);
      return exitCodeFor(error.kind);
    }
    out.note(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 70;
  }
}

/** Exit codes by kind of error: 2 for bad input (as for a usage error), 1 for refusals. */
export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 2;
    case 'unauthenticated':
    case 'forbidden':
      return 3;
    case 'not_found':
      return 4;
    case 'conflict':
    case 'refused':
      return 1;
    case 'unavailable':
      return 69;
  }
}
