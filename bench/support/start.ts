import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** `headstamp start`, serving, with a session of its first admin. */
export interface RunningPlant {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`. */
  readonly base: string;
  /** The session cookie (`name=value`) of the first admin. */
  readonly cookie: string;
  /** Ctrl-C, then waits for the process to end and removes its records. */
  readonly stop: () => Promise<void>;
}

/**
 * `headstamp start` in a child process on fresh records in a temporary directory (set-up, the first
 * fill, then the server with the twin live), as a user runs it; resolves once it serves, signed in as
 * the first admin with the password it printed. `onLine` sees every line of its standard output.
 *
 * @example
 * const plant = await startHeadstamp({ port: 3100 });
 * await fetch(`${plant.base}/api/v1/lots`, { headers: { cookie: plant.cookie } });
 * await plant.stop();
 */
export async function startHeadstamp(options: {
  readonly port: number;
  /** Node's own options before the script (`--trace-gc`). */
  readonly nodeArgs?: readonly string[];
  readonly onLine?: (line: string) => void;
}): Promise<RunningPlant> {
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-start-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/headstamp.js', 'start'], {
    env: {
      ...process.env,
      HEADSTAMP_DATA_DIR: dir,
      HEADSTAMP_PORT: String(options.port),
      HEADSTAMP_MQTT_PORT: String(options.port + 1),
      HEADSTAMP_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    let password = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`headstamp start exited with ${code}`)));
      if (child.stdout === null) throw new Error('headstamp start: no stdout');
      createInterface({ input: child.stdout }).on('line', (line) => {
        options.onLine?.(line);
        const match = /password (\S+)/.exec(line);
        if (match?.[1] !== undefined) password = match[1];
        if (line.startsWith('Press Ctrl-C')) resolve();
      });
    });
    const base = `http://127.0.0.1:${options.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { child, base, cookie, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
