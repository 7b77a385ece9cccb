import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openApp } from '../../app/open.ts';
import { ValidationError } from '../../domain/errors.ts';
import { buildServer } from '../../api/server.ts';
import { startServerLineDataIngest } from '../../ingest/index.ts';
import { startTwin } from '../../twin/live.ts';
import type { RegisterCommand } from './index.ts';
import { dashboardOption } from '../web-root.ts';

function port(value: string | undefined): number {
  const n = Number(value ?? '3000');
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ValidationError('serve.port', `port: must be 0 to 65535, got ${JSON.stringify(value)}`, [
      { path: 'port', problem: `must be 0 to 65535, got ${JSON.stringify(value)}` },
    ]);
  return n;
}

/**
 * `headstamp serve`: the HTTP API under /api/v1, its OpenAPI document and docs, health, metrics, and the
 * dashboard at / when it has been built. Runs until SIGINT or SIGTERM; logs go to stderr.
 */
export const registerServe: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('Serve the HTTP API (port $HEADSTAMP_PORT, default 3000)')
    .option('--port <n>', 'port to listen on (default $HEADSTAMP_PORT or 3000)')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--trust-proxy', 'trust X-Forwarded-* from a proxy in front (one that terminates TLS)')
    .option('--tls-cert <file>', 'serve over TLS with this certificate (PEM)')
    .option('--tls-key <file>', 'and this private key (PEM)')
    .option('--twin', 'run the digital twin in the same process, on the same clock (src/twin)')
    .option('--speed <n>', 'with --twin: simulated seconds per real second', '60')
    .action(
      async (options: {
        port?: string;
        host: string;
        trustProxy?: boolean;
        tlsCert?: string;
        tlsKey?: string;
        twin?: boolean;
        speed: string;
      }) => {
        const listenPort = port(options.port ?? context.env['HEADSTAMP_PORT']);
        if ((options.tlsCert === undefined) !== (options.tlsKey === undefined))
          throw new ValidationError('serve.tls', 'tls: give both --tls-cert and --tls-key', [
            {
              path: options.tlsCert === undefined ? 'tls-cert' : 'tls-key',
              problem: 'is required with the other',
            },
          ]);
        const https =
          options.tlsCert !== undefined && options.tlsKey !== undefined
            ? {
                cert: await readFile(resolve(context.cwd, options.tlsCert)),
                key: await readFile(resolve(context.cwd, options.tlsKey)),
              }
            : undefined;
        const app = await openApp(context.env, context.cwd);
        // With --twin the twin owns the line-data ingest and the plant clock the routes read.
        const twin =
          options.twin === true
            ? await startTwin({
                store: app.store,
                env: context.env,
                admin: context.env['HEADSTAMP_USER'] ?? 'admin',
                speed: Number(options.speed),
                log: (m) => context.out.note(m),
              })
            : undefined;
        const server = await buildServer({
          store: app.store,
          ids: app.ids,
          ...(twin === undefined ? {} : { plantClock: twin.twin.context.clock }),
          logger: { level: context.env['HEADSTAMP_LOG_LEVEL'] ?? 'info', stream: process.stderr },
          trustProxy: options.trustProxy === true,
          ...(https !== undefined ? { https } : {}),
          ...dashboardOption(context.out),
        });
        let lineData: Awaited<ReturnType<typeof startServerLineDataIngest>> = null;
        try {
          const address = await server.listen({ port: listenPort, host: options.host });
          context.out.note(`headstamp serving ${app.store.location} at ${address} (docs at ${address}/docs)`);
          // Line data over MQTT (src/ingest): the embedded broker, or HEADSTAMP_MQTT_URL; HEADSTAMP_MQTT=off: none.
          lineData =
            twin !== undefined
              ? null
              : await startServerLineDataIngest({
                  app,
                  env: context.env,
                  log: (m) => context.out.note(m),
                });
          await new Promise<void>((done) => {
            const stop = () => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              done();
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
          });
          context.out.note('headstamp: stopping');
        } finally {
          await lineData?.stop();
          await twin?.stop();
          await server.close();
          await app.close();
        }
      },
    );
};
