import { buildServer } from './server.ts';

/**
 * The OpenAPI 3.1 document of the whole route table, as the server itself serves it at /openapi.json.
 * Built without records: no route runs.
 *
 * @example
 * const doc = await openapiDocument();
 * doc.openapi; // '3.1.0'
 */
export async function openapiDocument(): Promise<Record<string, unknown>> {
  const server = await buildServer();
  try {
    await server.ready();
    return server.swagger() as unknown as Record<string, unknown>;
  } finally {
    await server.close();
  }
}
