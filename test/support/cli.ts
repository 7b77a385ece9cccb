import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

/** What one command printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `headstamp ARGS...` in this process with the given environment, capturing what it prints:
 * the command line end to end, without the cost of a new process per command.
 *
 * @example
 * const { code, stdout } = await runCli(['scenario', 'validate', 'plant.yaml', '--json'], {});
 */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await main(
    ['node', 'headstamp', ...args],
    { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) },
    env,
  );
  return { code, stdout, stderr };
}
