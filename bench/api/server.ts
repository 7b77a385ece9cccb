/**
 * The server side of the API benchmark, in a process of its own: the Headstamp server on fresh records
 * (the seed plant, a token, some orders and lots), twice: as configured (answers of cacheable routes kept
 * until the records change) and with every answer read afresh; beside them, a bare Fastify route.
 * Prints one JSON line with the ports and the token, then serves until killed. With `--bare-only`, just
 * the bare route (for the run against `headstamp start`, which serves the records itself).
 */
import { join } from 'node:path';
import Fastify from 'fastify';
import { createApiToken } from '../../src/app/auth/tokens.ts';
import { buildServer } from '../../src/api/server.ts';
import { benchRecords } from './records.ts';

if (process.argv.includes('--bare-only')) {
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ bare: (bare.server.address() as { port: number }).port })}\n`);
} else {
  await serveRecords();
}

async function serveRecords(): Promise<void> {
  const { dir, store, app, admin } = await benchRecords();
  const { token } = await createApiToken(app, admin, { userName: 'admin', label: 'bench' });

  const server = await buildServer({ store, ledgerKeyFile: join(dir, 'ledger.key') });
  await server.listen({ port: 0, host: '127.0.0.1' });
  // The same records served without kept answers: what every request costs when it reads afresh.
  const uncached = await buildServer({ store, ledgerKeyFile: join(dir, 'ledger.key'), readCache: false });
  await uncached.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });

  const portOf = (s: { server: { address(): unknown } }): number =>
    (s.server.address() as { port: number }).port;
  process.stdout.write(
    `${JSON.stringify({ api: portOf(server), uncached: portOf(uncached), bare: portOf(bare), token })}\n`,
  );
}
