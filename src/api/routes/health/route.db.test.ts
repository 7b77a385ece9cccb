import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiHarness, type ApiHarness } from '../../testing/harness.ts';

describe('health, readiness, metrics, docs', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await openApiHarness();
  });
  afterAll(() => h.close());

  it('answers liveness and readiness without sign-in, readiness from the database', async () => {
    expect((await h.server.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await h.server.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: h.db.dialect });
  });

  it('says not ready (503) when the database does not answer', async () => {
    const { buildServer } = await import('../../server.ts');
    const { openPostgres } = await import('../../../store/postgres/open.ts');
    // Nothing listens on port 1: the database is down.
    const store = openPostgres('postgres://postgres@127.0.0.1:1/none');
    const server = await buildServer({ store });
    try {
      const res = await server.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'store.unreachable', message: 'database: does not answer' });
    } finally {
      await server.close();
      await store.close();
    }
  });

  it('serves Prometheus metrics, the OpenAPI document and the docs', async () => {
    await h.call('planner', { method: 'GET', url: '/api/v1/orders' });
    const metrics = await h.server.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /headstamp_http_requests_total\{method="GET",route="\/api\/v1\/orders",status="200"\} 1/,
    );
    const doc = await h.server.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.json().openapi).toBe('3.1.0');
    const docs = await h.server.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown route with the error shape', async () => {
    const res = await h.server.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      code: 'route.not_found',
      message: 'no route GET /api/v1/nothing-here',
      details: {},
    });
  });
});
