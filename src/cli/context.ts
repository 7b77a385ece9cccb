import type { Output } from './output.ts';

/** What every command receives: where to print, and the environment it runs in. */
export interface CliContext {
  readonly out: Output;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** The actor of a command: `--as NAME`, else HEADSTAMP_USER. */
export function actorName(options: { as?: string | undefined }, env: NodeJS.ProcessEnv): string | undefined {
  return options.as ?? env['HEADSTAMP_USER'];
}
