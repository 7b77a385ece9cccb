import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Clock, IdGenerator } from '../domain/clock.ts';
import { plantClock } from '../app/clock.ts';
import { ledgerKeyFile } from '../app/ledger/keys.ts';
import { commissioningFiles } from '../app/commissioning/files.ts';
import { HeadstampError } from '../domain/errors.ts';
import { randomIds, systemClock } from '../app/runtime.ts';
import { recordsVersion, type Store } from '../store/database.ts';
import { ReadCache } from './read-cache.ts';
import { ErrorBody, errorStatuses, toErrorResponse } from './errors.ts';
import { createMetrics, instrument, type ApiMetrics } from './metrics.ts';
import { openapiOptions } from './openapi.ts';
import { registerRoutes } from './register.ts';
import { fullPath, type ApiRoute } from './route.ts';
import { watchLedger } from './ledger-watch.ts';
import { allRoutes } from './routes/index.ts';
import type { ApiServices } from './services.ts';
import { validatorCompiler } from './validation.ts';
import { CredentialCache } from './auth/cache.ts';
import { SimulationJobs } from './simulations/jobs.ts';
import { StreamHub } from './routes/stream/hub.ts';

/** Where the API lives; everything else (health, metrics, docs) sits beside it. */
export const apiPrefix = '/api/v1';

export interface ServerOptions {
  /** The records. Absent only when the server is built to print its OpenAPI document. */
  readonly store?: Store;
  /** The route table (default: all routes). */
  readonly routes?: readonly ApiRoute[];
  readonly logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a proxy in front (TLS terminated there). */
  readonly trustProxy?: boolean;
  /** Wall clock for sessions and jobs (default: the system clock). */
  readonly clock?: Clock;
  /** The plant's clock for use cases (default: as the records say, read per request). */
  readonly plantClock?: Clock;
  readonly ids?: IdGenerator;
  readonly metrics?: ApiMetrics;
  readonly simulations?: SimulationJobs;
  /** Serve over TLS with this key and certificate (session cookies are then Secure). */
  readonly https?: { readonly key: Buffer; readonly cert: Buffer };
  /** The built dashboard to serve at `/`, if there is one. */
  readonly webRoot?: string;
  /** The ledger's signing key file (default: as HEADSTAMP_LEDGER_KEY / HEADSTAMP_DATA_DIR say). */
  readonly ledgerKeyFile?: string;
  /** The data directory for acceptance acts and signatories' keys (default: as HEADSTAMP_DATA_DIR says). */
  readonly dataDir?: string;
  /**
   * Answer with plain `JSON.stringify` instead of the response schemas' serializers. For route tests that
   * check real answers against the schemas: the schema serializer would silently drop a field the schema
   * does not list, so the check could not see it.
   */
  readonly unshapedReplies?: boolean;
  /**
   * Keep the answers of cacheable read routes until the records change (default true; only where
   * the records have a cheap version, SQLite).
   */
  readonly readCache?: boolean;
  /** Logins allowed per client address and user name in one window. */
  readonly loginLimit?: { readonly max: number; readonly windowMs: number };
}

/**
 * Builds the HTTP server: the route table under /api/v1, the OpenAPI document at /openapi.json, the
 * browsable docs at /docs, health at /healthz and /readyz, metrics at /metrics.
 *
 * @example
 * const server = await buildServer({ store });
 * const res = await server.inject({ method: 'GET', url: '/healthz' });
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const fastify = Fastify({
    ...(options.https !== undefined ? { https: { key: options.https.key, cert: options.https.cert } } : {}),
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // A JSON body with `__proto__` or `constructor.prototype` is refused, not silently trusted.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  fastify.setValidatorCompiler(validatorCompiler());
  fastify.decorateRequest('principal', undefined);

  const metrics = options.metrics ?? createMetrics({ processMetrics: true });
  const store = options.store ?? missingStore();
  const ids = options.ids ?? randomIds;
  const keyFile = options.ledgerKeyFile ?? ledgerKeyFile(process.env, process.cwd());
  const readPlantClock = async () => options.plantClock ?? (await plantClock(store));
  const stream = new StreamHub({
    store,
    plantClock: readPlantClock,
    onError: (error) => fastify.log.warn({ err: error }, 'live stream: records unreadable'),
  });
  const services: ApiServices = {
    store,
    metrics,
    clock: options.clock ?? systemClock,
    ids,
    simulations: options.simulations ?? new SimulationJobs(),
    credentials: new CredentialCache(options.clock ?? systemClock),
    stream,
    ledgerKeyFile: keyFile,
    commissioning: {
      dataDir: options.dataDir ?? commissioningFiles(process.env, process.cwd()).dataDir,
      ledgerKeyFile: keyFile,
    },
    app: async () => ({ store, ids, clock: await readPlantClock() }),
  };

  fastify.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 401) void reply.header('www-authenticate', 'Bearer realm="headstamp"');
    return reply.status(status).send(body);
  });
  fastify.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      code: 'route.not_found',
      message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      details: {},
    }),
  );
  instrument(fastify, metrics);

  fastify.addSchema(ErrorBody);
  await fastify.register(cookie);
  await fastify.register(rateLimit, { global: false });
  await fastify.register(swagger, openapiOptions);
  await fastify.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  fastify.get('/openapi.json', { schema: { hide: true } }, () => fastify.swagger());
  const routes = options.routes ?? allRoutes;
  if (options.store !== undefined) {
    const writing = new Set(
      routes.filter((r) => r.writes).map((r) => `${r.method} ${fullPath(r, apiPrefix)}`),
    );
    const watch = watchLedger(fastify, store, metrics, (url, method) =>
      writing.has(`${method} ${url ?? ''}`),
    );
    fastify.addHook('onRequest', async (request) => {
      if (request.url === '/metrics') await watch.catchUp();
    });
  }
  if (options.unshapedReplies === true) fastify.setReplySerializer((payload) => JSON.stringify(payload));
  registerRoutes(fastify, routes, services, {
    prefix: apiPrefix,
    errorStatuses,
    loginLimit: options.loginLimit ?? { max: 10, windowMs: 60_000 },
    readCache:
      options.readCache === false || options.store === undefined
        ? undefined
        : new ReadCache(() => recordsVersion(store)),
  });
  if (options.webRoot !== undefined)
    await fastify.register(fastifyStatic, { root: options.webRoot, prefix: '/', wildcard: false });
  // Open streams would hold the server open: end them before it stops listening.
  fastify.addHook('preClose', (done) => {
    stream.close();
    done();
  });
  fastify.addHook('onClose', async () => {
    await services.simulations.close();
  });
  return fastify;
}

/** The records stand-in for a server built only to print its OpenAPI document. */
function missingStore(): Store {
  return new Proxy({} as Store, {
    get: () => {
      throw new HeadstampError('store.absent', 'unavailable', 'the records are not open');
    },
  });
}
