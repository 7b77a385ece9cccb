import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openapiPath, renderOpenapi } from './openapi-check.ts';
import { fullPath } from './route.ts';
import { allRoutes } from './routes/index.ts';
import { apiPrefix } from './server.ts';

describe('the OpenAPI document', () => {
  it('is committed exactly as the routes generate it (run `npm run openapi:write` after changing a route)', async () => {
    const committed = await readFile(openapiPath, 'utf8');
    expect(await renderOpenapi()).toBe(committed);
  });

  it('describes every route with its roles, its writes flag and its security', async () => {
    const doc = JSON.parse(await readFile(openapiPath, 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    for (const route of allRoutes) {
      const path = fullPath(route, apiPrefix).replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${path}`).toBeDefined();
      expect(op.operationId).toBe(route.operationId);
      expect(op['x-writes']).toBe(route.writes);
      if ('roles' in route.access) {
        expect(op['x-roles']).toEqual(route.access.roles);
        expect(op.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
        expect(op.responses['401']).toBeDefined();
        expect(op.responses['403']).toBeDefined();
      } else {
        expect(op.security).toEqual([]);
      }
    }
  });
});
