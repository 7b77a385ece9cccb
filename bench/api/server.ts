/**
 * The server side of the API benchmark, in a process of its own: the Headstamp server on fresh records
 * (the seed plant, a token, some orders and lots), twice: as configured (answers of cacheable routes kept
 * until the records change) and with every answer read afresh; beside them, a bare Fastify route.
 * Prints one JSON line with the ports and the token, then serves until killed. With `--bare-only`, just
 * the bare route (for the run against `headstamp start`, which serves the records itself).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { createApiToken } from '../../src/app/auth/tokens.ts';
import { addOrder } from '../../src/app/orders.ts';
import { plantScenario } from '../../src/app/plant-setup.ts';
import { commissionLot } from '../../src/app/production/lots.ts';
import { withTransaction } from '../../src/app/transaction.ts';
import { runRepository, type RunRecord } from '../../src/store/repositories/runs.ts';
import { setUpPlant } from '../../src/app/plant-setup.ts';
import { randomIds, systemClock } from '../../src/app/runtime.ts';
import { actorFor } from '../../src/app/users.ts';
import { buildServer } from '../../src/api/server.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { openSqlite } from '../../src/store/sqlite/open.ts';

if (process.argv.includes('--bare-only')) {
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${JSON.stringify({ bare: (bare.server.address() as { port: number }).port })}\n`);
} else {
  await serveRecords();
}

async function serveRecords(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'headstamp-bench-'));
  const store = openSqlite(join(dir, 'headstamp.db'));
  await migrateToLatest(store);
  const app = { store, clock: systemClock, ids: randomIds };
  await setUpPlant(app, undefined, {
    source: readFileSync(new URL('../../scenarios/seed-plant.yaml', import.meta.url), 'utf8'),
  });
  const admin = await actorFor(app, 'admin');
  const { token } = await createApiToken(app, admin, { userName: 'admin', label: 'bench' });
  // Records of a plant some months in: 400 orders, and 300 lots made on L1 for some of them.
  const scenario = await plantScenario(store);
  for (let i = 0; i < 400; i++) {
    const { productionOrder } = await addOrder(app, admin, {
      consigneeId: i % 2 === 0 ? 'army' : 'police',
      productId: 'ball-ps',
      quantity: 100_000 + i,
      dueDate: '2027-06-30',
    });
    if (i % 4 === 3) continue;
    const at = new Date().toISOString();
    await withTransaction(store, async (tx) => {
      const run: RunRecord = {
        ...{ id: randomIds.next('run'), productionOrderId: productionOrder.id, lineId: 'L1' },
        ...{ productId: 'ball-ps', startedAt: at, endedAt: at, actor: 'user:admin' },
        ...{ processed: 50_000, good: 50_000, defective: 0, lotted: 50_000 },
      };
      await runRepository(tx).insert(run);
      await commissionLot(tx, app, scenario, admin, { run, quantity: 50_000, at });
    });
  }

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
