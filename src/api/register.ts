import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { ReadCache } from './read-cache.ts';
import { HeadstampError } from '../domain/errors.ts';
import { guard } from './auth/guard.ts';
import { fullPath, type ApiRoute, type RouteCall, type RouteSchemas } from './route.ts';
import type { ApiServices } from './services.ts';
import type { AppContext } from '../app/context.ts';

export interface RegisterOptions {
  readonly prefix: string;
  readonly errorStatuses: readonly number[];
  readonly loginLimit: { readonly max: number; readonly windowMs: number };
  /** Where cacheable routes keep their answers; absent: every answer is read afresh. */
  readonly readCache?: ReadCache | undefined;
}

/**
 * Checks the route table's own rules before any route is served: operation ids unique, and no route
 * that writes open to the auditor (who reads everything and writes nothing) or to nobody at all.
 */
export function checkRouteTable(routes: readonly ApiRoute[]): void {
  const seen = new Set<string>();
  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    if (seen.has(route.operationId)) throw new Error(`route table: operationId ${route.operationId} twice`);
    seen.add(route.operationId);
    if ('roles' in route.access) {
      if (route.access.roles.length === 0) throw new Error(`route table: ${name} allows no role`);
      if (route.writes && route.access.roles.includes('auditor'))
        throw new Error(`route table: ${name} writes records but allows the auditor`);
    } else if (route.writes) {
      throw new Error(`route table: ${name} writes records but is public`);
    }
    if (route.cacheable === true && (route.method !== 'GET' || route.writes))
      throw new Error(`route table: ${name} is cacheable but not a read-only GET`);
  }
}

/** Registers every route of the table with its guard, schemas and OpenAPI annotations. */
export function registerRoutes(
  fastify: FastifyInstance,
  routes: readonly ApiRoute[],
  services: ApiServices,
  options: RegisterOptions,
): void {
  checkRouteTable(routes);
  const readers = forReads(services);
  for (const route of routes)
    fastify.route(routeOptions(fastify, route, route.writes ? services : readers, options));
}

/**
 * The services as routes that only read see them: the plant's clock is read from the records at most
 * once a second rather than per request. A write always reads it afresh (ingest checks "not in the
 * future" against it; acts are stamped with it).
 */
function forReads(services: ApiServices): ApiServices {
  let cached: { readonly at: number; readonly app: Promise<AppContext> } | undefined;
  return {
    ...services,
    app: () => {
      const now = services.clock.now().getTime();
      if (cached === undefined || now - cached.at >= 1000) {
        const app = services.app();
        cached = { at: now, app };
        // A failed read is not kept: the next request tries again.
        app.catch(() => {
          cached = undefined;
        });
      }
      return cached.app;
    },
  };
}

function routeOptions(
  fastify: FastifyInstance,
  route: ApiRoute,
  services: ApiServices,
  options: RegisterOptions,
): RouteOptions {
  const status = route.status ?? 200;
  const responses: Record<number, unknown> = {
    [status]: { description: 'Success', ...route.schema.response },
  };
  for (const code of errorStatusesOf(route, options.errorStatuses))
    responses[code] = { $ref: 'Error', description: errorDescriptions[code] ?? 'Error' };
  const isPublic = 'public' in route.access;
  const schema: Record<string, unknown> = {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    response: responses,
    security: isPublic ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
    'x-roles': isPublic ? 'public' : [...('roles' in route.access ? route.access.roles : [])],
    'x-writes': route.writes,
  };
  if (route.description !== undefined) schema['description'] = route.description;
  if (route.schema.params !== undefined) schema['params'] = route.schema.params;
  if (route.schema.querystring !== undefined) schema['querystring'] = route.schema.querystring;
  if (route.schema.body !== undefined) schema['body'] = route.schema.body;
  if (route.produces !== undefined) schema['produces'] = [route.produces];

  const limited =
    route.url === '/auth/login'
      ? fastify.rateLimit({
          max: options.loginLimit.max,
          timeWindow: options.loginLimit.windowMs,
          // One address guessing many names, or many addresses guessing one name, both hit a limit.
          keyGenerator: (request) => `${request.ip}|${loginName(request.body)}`,
          errorResponseBuilder: (_request, context) =>
            Object.assign(new Error(`too many sign-in attempts, retry in ${context.after}`), {
              statusCode: 429,
              code: 'FST_RATE_LIMITED',
            }),
        })
      : undefined;

  return {
    method: route.method,
    url: fullPath(route, options.prefix),
    schema,
    ...(route.bodyLimit !== undefined ? { bodyLimit: route.bodyLimit } : {}),
    onRequest: guard(route, services),
    ...(limited !== undefined ? { preHandler: limited } : {}),
    handler: async (request, reply) => {
      const cache = route.cacheable === true ? options.readCache : undefined;
      const kept = cache === undefined ? undefined : lookUp(cache, services, request);
      if (kept?.answer !== undefined) return reply.status(status).type(JSON_TYPE).send(kept.answer);
      const call: RouteCall<RouteSchemas> = {
        params: request.params,
        query: request.query,
        body: request.body,
        get user() {
          const user = request.principal;
          if (user === undefined)
            throw new HeadstampError('auth.required', 'unauthenticated', 'authorization: sign in first');
          return user;
        },
        maybeUser: request.principal,
        services,
        request,
        reply,
      };
      const result = await route.handle(call);
      void reply.status(status);
      if (route.produces !== undefined) void reply.type(route.produces);
      if (cache === undefined || kept?.version === undefined) return result;
      // Serialised once by the route's own serializer, then kept as bytes to send as they are.
      const serialized = reply.serialize(result);
      const answer =
        typeof serialized === 'string' ? Buffer.from(serialized) : Buffer.from(serialized as ArrayBuffer);
      cache.set(kept.version, kept.key, answer);
      return reply.type(JSON_TYPE).send(answer);
    },
  };
}

const errorDescriptions: Readonly<Record<number, string>> = {
  400: 'Invalid input: `details.problems` names each field at fault',
  401: 'Not signed in, or the token or session is not valid',
  403: 'The user’s role may not call this route',
  404: 'No such record',
  409: 'The records are not in a state that allows this',
  413: 'The body is larger than this route accepts',
  415: 'The body is not JSON',
  422: 'A business rule refuses the act: `details.reasons` says why',
  429: 'Too many attempts; retry later',
  503: 'The records cannot be reached',
};

/** The error statuses a route can actually answer with, for its OpenAPI document. */
function errorStatusesOf(route: ApiRoute, known: readonly number[]): number[] {
  const s = route.schema;
  const hasInput = s.params !== undefined || s.querystring !== undefined || s.body !== undefined;
  const wanted = new Set<number>([503]);
  if (hasInput) wanted.add(400);
  if ('roles' in route.access) wanted.add(401).add(403);
  if (s.params !== undefined || route.writes) wanted.add(404);
  if (route.writes) wanted.add(409).add(422);
  if (s.body !== undefined) wanted.add(413).add(415);
  if (route.url === '/auth/login') wanted.add(401).add(429);
  return known.filter((code) => wanted.has(code));
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** The kept answer to this request if there is one, and the version and key to keep a new one under. */
function lookUp(
  cache: ReadCache,
  services: ApiServices,
  request: FastifyRequest,
): { readonly version: string | undefined; readonly key: string; readonly answer: Buffer | undefined } {
  const version = cache.version();
  const key = version === undefined ? '' : cacheKey(request);
  const answer = cache.get(version, key);
  const outcome = answer !== undefined ? 'hit' : version === undefined ? 'bypass' : 'miss';
  services.metrics.readCache.inc({ outcome });
  return { version, key, answer };
}

/** Whose answer it is and to what: a consignee's lists differ from staff's, so the user is in the key. */
function cacheKey(request: FastifyRequest): string {
  const user = request.principal;
  return `${user === undefined ? '-' : `${user.userId}|${user.role}|${user.consigneeId ?? ''}`} ${request.url}`;
}

function loginName(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'name' in body && typeof body.name === 'string')
    return body.name.slice(0, 100);
  return '';
}
