import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../app/auth/roles.ts';
import { fullPath, type ApiRoute } from '../route.ts';
import { apiPrefix } from '../server.ts';
import { arbitraryFor, breakages } from '../testing/arbitrary.ts';
import { openApiHarness, type ApiHarness } from '../testing/harness.ts';
import { allRoutes } from './index.ts';

// Every write route, fuzzed: bodies the schema accepts (which reach the use case), bodies broken at one
// known field, junk, oversized and wrong-typed bodies and parameters. Whatever is sent: never a 5xx,
// every refusal is {code, message, details} and a 400 names its field, and a refused request leaves
// the records exactly as they were.

type Schema = Record<string, unknown>;
const writeRoutes = allRoutes.filter((r) => r.writes);
const runs = 8;

function roleFor(route: ApiRoute): Role {
  if (!('roles' in route.access)) throw new Error(`${route.url} is public`);
  return route.access.roles.includes('admin') ? 'admin' : (route.access.roles[0] as Role);
}

function urlFor(route: ApiRoute, params: Record<string, unknown> | undefined): string {
  return fullPath(route, apiPrefix).replace(/:(\w+)/g, (_m, name: string) =>
    encodeURIComponent(JSON.stringify(params?.[name] ?? 'x').replace(/^"|"$/g, '')),
  );
}

/**
 * Whether every path parameter can be written in a URL: `.` and `..` (or `%2E`) as a whole
 * segment are dot segments, removed before any routing (RFC 3986 5.2.4, the WHATWG URL parser),
 * so no client can send them as a value.
 */
function addressable(params: unknown): boolean {
  if (typeof params !== 'object' || params === null) return true;
  return Object.values(params).every((v) => v !== '.' && v !== '..');
}

/** Row counts of every table, in one query: what a partial write would change. */
async function fingerprint(h: ApiHarness): Promise<string> {
  const db = h.db.store.db;
  const tables =
    h.db.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(
          db,
        );
  const union = tables.rows
    .map((t) => `select '${t.name}' as t, count(*) as n from "${t.name}"`)
    .join(' union all ');
  const counts = await sql<{ t: string; n: number }>`${sql.raw(union)}`.execute(db);
  return counts.rows.map((r) => `${r.t}=${Number(r.n)}`).join(',');
}

interface Sent {
  readonly status: number;
  readonly body: { code?: unknown; message?: unknown; details?: { problems?: { path?: unknown }[] } };
}

function expectWellFormedRefusal(res: Sent, what: string): void {
  expect(res.status, what).toBeLessThan(500);
  if (res.status < 400) return;
  expect(typeof res.body.code, what).toBe('string');
  expect(typeof res.body.message, what).toBe('string');
  expect(typeof res.body.details, what).toBe('object');
  if (res.status === 400 || res.status === 413 || res.status === 415) {
    const problems = res.body.details?.problems ?? [];
    expect(problems.length, `${what}: ${JSON.stringify(res.body)}`).toBeGreaterThan(0);
    for (const p of problems) expect(typeof p.path === 'string' && p.path !== '', what).toBe(true);
  }
}

describe('write routes under malformed input', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  async function send(
    route: ApiRoute,
    request: { url: string; payload?: unknown; headers?: Record<string, string> },
  ): Promise<Sent> {
    const res = await h.call(roleFor(route), {
      method: route.method,
      url: request.url,
      ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
      ...(request.headers !== undefined ? { headers: request.headers } : {}),
    });
    let body: Sent['body'] = {};
    try {
      body = res.json();
    } catch {
      body = {};
    }
    return { status: res.statusCode, body };
  }

  /** Sends, checks the answer, and checks that a refusal wrote nothing. */
  async function probe(
    route: ApiRoute,
    request: { url: string; payload?: unknown; headers?: Record<string, string> },
    what: string,
  ) {
    const before = await fingerprint(h);
    const res = await send(route, request);
    expectWellFormedRefusal(res, what);
    if (res.status >= 400) expect(await fingerprint(h), `${what}: wrote despite ${res.status}`).toBe(before);
    return res;
  }

  it('has write routes to fuzz', () => {
    expect(writeRoutes.length).toBeGreaterThan(0);
  });

  describe.each(writeRoutes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (name, route) => {
    const bodySchema = route.schema.body as Schema | undefined;
    const paramsSchema = route.schema.params as Schema | undefined;
    const params = paramsSchema === undefined ? fc.constant(undefined) : arbitraryFor(paramsSchema);
    const body = bodySchema === undefined ? fc.constant(undefined) : arbitraryFor(bodySchema);

    it('answers bodies the schema accepts without a 5xx, and a refusal writes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(params, body, async (p, b) => {
          await probe(
            route,
            { url: urlFor(route, p as Record<string, unknown>), payload: b },
            `${name} ${JSON.stringify(b)}`,
          );
        }),
        { numRuns: runs },
      );
    });

    if (bodySchema !== undefined) {
      it('refuses a body broken at one field with 400 naming that field', async () => {
        const broken = fc
          .tuple(params.filter(addressable), body, fc.nat())
          .map(([p, b, n]) => {
            const options = breakages(bodySchema, b);
            return { p, breakage: options.length === 0 ? undefined : options[n % options.length] };
          })
          .filter((x) => x.breakage !== undefined);
        await fc.assert(
          fc.asyncProperty(broken, async ({ p, breakage }) => {
            const what = `${name} broken at ${breakage!.path}: ${JSON.stringify(breakage!.value)}`;
            const res = await probe(
              route,
              { url: urlFor(route, p as Record<string, unknown>), payload: breakage!.value },
              what,
            );
            expect(res.status, what).toBe(400);
            const paths = (res.body.details?.problems ?? []).map((x) => x.path);
            expect(paths, what).toContain(breakage!.path);
          }),
          { numRuns: runs },
        );
      });

      it('refuses junk, wrong-typed, malformed and oversized bodies', async () => {
        const url = urlFor(route, fc.sample(params, { seed: 1, numRuns: 1 })[0] as Record<string, unknown>);
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
              fc.constant([]),
            ),
            async (junk) => {
              const res = await probe(
                route,
                { url, payload: JSON.stringify(junk), headers: { 'content-type': 'application/json' } },
                `${name} junk ${JSON.stringify(junk)}`,
              );
              expect(res.status).toBe(400);
            },
          ),
          { numRuns: runs },
        );
        const malformed = await probe(
          route,
          { url, payload: '{"a": ', headers: { 'content-type': 'application/json' } },
          `${name} malformed`,
        );
        expect(malformed.status).toBe(400);
        const wrongType = await probe(
          route,
          { url, payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
          `${name} form`,
        );
        expect(wrongType.status).toBe(415);
        const limit = route.bodyLimit ?? 1024 * 1024;
        const huge = await probe(
          route,
          {
            url,
            payload: JSON.stringify({ pad: 'x'.repeat(limit) }),
            headers: { 'content-type': 'application/json' },
          },
          `${name} oversized`,
        );
        expect(huge.status).toBe(413);
        const poisoned = await probe(
          route,
          { url, payload: '{"__proto__": {"admin": true}}', headers: { 'content-type': 'application/json' } },
          `${name} proto`,
        );
        expect(poisoned.status).toBe(400);
      });
    }

    if (paramsSchema !== undefined) {
      it('answers odd path parameters without a 5xx', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
            body,
            async (raw, b) => {
              const url = fullPath(route, apiPrefix).replace(
                /:(\w+)/g,
                () => encodeURIComponent(raw) || '%20',
              );
              await probe(route, { url, payload: b }, `${name} param ${JSON.stringify(raw)}`);
            },
          ),
          { numRuns: runs },
        );
      });
    }
  });
});
