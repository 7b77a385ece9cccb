import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Principal } from '../app/auth/principal.ts';
import type { Role } from '../app/auth/roles.ts';
import type { ApiServices } from './services.ts';

/**
 * One HTTP route, declared as data: what it answers, who may call it, whether it writes records, its
 * schemas and its handler. The server registers the table; the OpenAPI document, the role guard and the
 * generated role test all read the same declarations, so none can drift from another.
 *
 * @example
 * export const getLot = defineRoute({
 *   method: 'GET', url: '/lots/:id', operationId: 'getLot', summary: 'One lot', tags: ['lots'],
 *   access: { roles: readers }, writes: false,
 *   schema: { params: IdParams, response: Lot },
 *   handle: ({ params, services, user }) => lots.get(services.store, user, params.id),
 * });
 */
export interface RouteSchemas {
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** The success body. */
  readonly response: TSchema;
}

/** Who may call a route: anyone (health, login), or a signed-in user with one of these roles. */
export type Access = { readonly public: true } | { readonly roles: readonly Role[] };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type StaticOf<T> = T extends TSchema ? Static<T> : undefined;

/** A result may be built of readonly arrays and objects (as use cases return them). */
type Immutable<T> = T extends readonly (infer U)[]
  ? readonly Immutable<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Immutable<T[K]> }
    : T;

type Result<S extends RouteSchemas> = Immutable<Static<S['response']>>;

/** What a handler is given. */
export interface RouteCall<S extends RouteSchemas> {
  readonly params: StaticOf<S['params']>;
  readonly query: StaticOf<S['querystring']>;
  readonly body: StaticOf<S['body']>;
  /** The signed-in user; on a public route, reading it without one refuses the request (401). */
  readonly user: Principal;
  /** The signed-in user, if any (public routes). */
  readonly maybeUser: Principal | undefined;
  readonly services: ApiServices;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteDefinition<S extends RouteSchemas> {
  readonly method: HttpMethod;
  /** Path under the API prefix (`/lots/:id`), or absolute for the few outside it (`/healthz`). */
  readonly url: string;
  /** True for routes outside `/api/v1` (health, metrics). */
  readonly root?: boolean;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly access: Access;
  /** Whether a successful call changes the records. A POST that only reads (verify, login) is false. */
  readonly writes: boolean;
  /**
   * The answer depends on the records, the signed-in user and the URL alone (not on the clock or
   * on live state), so the server may hand out the same answer again until the records change.
   * Only on a GET that does not write.
   */
  readonly cacheable?: boolean;
  /** Success status (default 200). */
  readonly status?: 200 | 201 | 202;
  /** Largest accepted body in bytes, where the default (1 MiB) does not fit. */
  readonly bodyLimit?: number;
  /** Answer as plain text with this content type instead of JSON (metrics). */
  readonly produces?: string;
  readonly schema: S;
  readonly handle: (call: RouteCall<S>) => Promise<Result<S>> | Result<S>;
}

/** A route with its types erased, as the route table holds it. */
export type ApiRoute = RouteDefinition<RouteSchemas>;

/** Declares a route; the handler's inputs and result are typed from its schemas. */
export function defineRoute<S extends RouteSchemas>(route: RouteDefinition<S>): ApiRoute {
  return route;
}

/** True if the route may be called by a user of this role. */
export function allows(route: ApiRoute, role: Role): boolean {
  return 'roles' in route.access && route.access.roles.includes(role);
}

/** The route's full path as a client sends it. */
export function fullPath(route: ApiRoute, prefix: string): string {
  return route.root === true ? route.url : `${prefix}${route.url}`;
}
