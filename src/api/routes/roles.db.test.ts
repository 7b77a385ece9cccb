import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../app/auth/roles.ts';
import { checkRouteTable } from '../register.ts';
import { allows, defineRoute, fullPath, type ApiRoute } from '../route.ts';
import { apiPrefix } from '../server.ts';
import { openApiHarness, type ApiHarness } from '../testing/harness.ts';
import { allRoutes } from './index.ts';
import { Type } from 'typebox';

// Generated from the route table: every route, every role. A role that a route does not name must be
// refused (403) before anything runs; nobody signed in must be refused (401); a role it names must get
// past the gate. Adding a route adds its cases here without touching this file.

const guarded = allRoutes.filter(
  (r): r is ApiRoute & { access: { roles: readonly string[] } } => 'roles' in r.access,
);

function concreteUrl(route: ApiRoute): string {
  return fullPath(route, apiPrefix).replace(/:(\w+)/g, 'no-such-$1');
}

function request(route: ApiRoute) {
  return {
    method: route.method,
    url: concreteUrl(route),
    ...(route.schema.body !== undefined ? { payload: {} } : {}),
  };
}

/**
 * Calls a route as a role. A stream (server-sent events) never ends on success, so it is read as a
 * stream: an answer past the gate is taken as soon as its head arrives, and the stream is dropped.
 */
async function send(h: ApiHarness, role: Role | undefined, route: ApiRoute) {
  if (route.produces !== 'text/event-stream') return h.call(role, request(route));
  const res = await h.server.inject({
    ...request(route),
    headers: role === undefined ? {} : h.auth(role),
    payloadAsStream: true,
  });
  const chunks: Buffer[] = [];
  if (res.statusCode >= 400) for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
  else res.stream().destroy();
  const text = Buffer.concat(chunks).toString('utf8');
  return { statusCode: res.statusCode, json: () => JSON.parse(text) as { code?: string; details?: unknown } };
}

describe('route table roles', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  it('has routes to check', () => {
    expect(guarded.length).toBeGreaterThan(0);
  });

  describe.each(guarded.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
    it('refuses a request with no credentials (401)', async () => {
      const res = await send(h, undefined, route);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.required');
    });

    for (const role of roles) {
      if (allows(route, role)) {
        it(`lets ${role} past the gate`, async () => {
          const res = await send(h, role, route);
          expect(res.statusCode).not.toBe(401);
          if (res.statusCode === 403) expect(res.json().code).not.toBe('auth.role');
        });
      } else {
        it(`refuses ${role} (403)`, async () => {
          const res = await send(h, role, route);
          expect(res.statusCode).toBe(403);
          expect(res.json()).toMatchObject({ code: 'auth.role', details: { role } });
        });
      }
    }
  });

  it('never lets the auditor write, and never lets a public route write', () => {
    for (const route of allRoutes) {
      if (route.writes) {
        expect(allows(route, 'auditor'), `${route.method} ${route.url}`).toBe(false);
        expect('public' in route.access, `${route.method} ${route.url}`).toBe(false);
      }
    }
    const base = {
      method: 'POST' as const,
      url: '/things',
      operationId: 'addThing',
      summary: 'x',
      tags: [],
      schema: { response: Type.Object({}) },
      handle: () => ({}),
    };
    expect(() =>
      checkRouteTable([defineRoute({ ...base, access: { roles: ['admin', 'auditor'] }, writes: true })]),
    ).toThrow(/allows the auditor/);
    expect(() => checkRouteTable([defineRoute({ ...base, access: { public: true }, writes: true })])).toThrow(
      /public/,
    );
  });
});
