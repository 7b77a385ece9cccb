import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setUpTestPlant, type TestPlant } from '../../../test/support/plant.ts';
import type { UserActor } from '../../app/actor.ts';
import { roles, type Role } from '../../app/auth/roles.ts';
import { createApiToken } from '../../app/auth/tokens.ts';
import { actorFor, addUser } from '../../app/users.ts';
import { buildServer, type ServerOptions } from '../server.ts';

/** The user of each role in the test records; the consignee speaks for `army`. */
export const userOfRole: Readonly<Record<Role, string>> = {
  operator: 'oleg',
  planner: 'petra',
  quality: 'quinn',
  logistics: 'lev',
  auditor: 'aud',
  admin: 'admin',
  consignee: 'army-depot',
};

/** The consignee the test consignee user speaks for. */
export const testConsignee = 'army';

export interface ApiHarness {
  readonly server: FastifyInstance;
  readonly db: TestDatabase;
  readonly plant: TestPlant;
  readonly users: Readonly<Record<Role, UserActor>>;
  readonly tokens: Readonly<Record<Role, string>>;
  /** This test's own data directory (ledger key, acceptance acts, signatories' keys). */
  readonly dataDir: string;
  /** The Authorization header of the user with this role. */
  auth(role: Role): { authorization: string };
  /** Sends a request as the user with this role (or nobody). */
  call(role: Role | undefined, request: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * A server on fresh test records (SQLite or PostgreSQL, per HEADSTAMP_TEST_DIALECT) with the small plant,
 * one user of every role and an API token for each: what every route test starts from.
 *
 * @example
 * const h = await openApiHarness();
 * const res = await h.call('planner', { method: 'GET', url: '/api/v1/orders' });
 * await h.close();
 */
export async function openApiHarness(
  options: Omit<ServerOptions, 'store'> = {},
  setup: { readonly scenarioSource?: string } = {},
): Promise<ApiHarness> {
  const db = await openTestDatabase();
  try {
    const plant = await setUpTestPlant(db.store, setup.scenarioSource);
    const users = {} as Record<Role, UserActor>;
    const tokens = {} as Record<Role, string>;
    for (const role of roles) {
      const name = userOfRole[role];
      if (role !== 'admin')
        await addUser(plant.app, plant.admin, {
          name,
          role,
          consigneeId: role === 'consignee' ? testConsignee : undefined,
        });
      users[role] = await actorFor(plant.app, name);
      tokens[role] = (await createApiToken(plant.app, plant.admin, { userName: name, label: 'test' })).token;
    }
    // The ledger's signing key goes to a folder of this test's own, never to ./data.
    const keys = mkdtempSync(join(tmpdir(), 'headstamp-test-keys-'));
    const server = await buildServer({
      store: db.store,
      ids: plant.app.ids,
      plantClock: plant.app.clock,
      ledgerKeyFile: join(keys, 'ledger.key'),
      // Acceptance acts and signatories' keys too.
      dataDir: keys,
      ...options,
    });
    const auth = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });
    return {
      server,
      db,
      plant,
      users,
      tokens,
      dataDir: keys,
      auth,
      call: (role, request) =>
        server.inject({
          ...request,
          headers: { ...(request.headers ?? {}), ...(role === undefined ? {} : auth(role)) },
        }),
      close: async () => {
        await server.close();
        await db.close();
        rmSync(keys, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
