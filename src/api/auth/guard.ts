import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { authenticateSession, authenticateToken } from '../../app/auth/authenticate.ts';
import type { Principal } from '../../app/auth/principal.ts';
import { ForbiddenError, HeadstampError } from '../../domain/errors.ts';
import type { ApiRoute } from '../route.ts';
import type { ApiServices } from '../services.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, once the route's guard has run. */
    principal: Principal | undefined;
  }
}

/** The browser session cookie. HttpOnly and SameSite=Strict; Secure when served over TLS. */
export const sessionCookie = 'headstamp_session';

/**
 * Who sent the request: a bearer API token, else a session cookie, else nobody. A token or session that
 * does not check out is refused outright rather than treated as anonymous, so a client learns its
 * credential is wrong.
 */
export async function identify(
  request: FastifyRequest,
  services: ApiServices,
): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined)
      throw new HeadstampError(
        'auth.malformed',
        'unauthenticated',
        'authorization: expected "Bearer <token>"',
      );
    const token = match[1];
    const user = services.credentials.recall(token) ?? (await authenticateToken(services.store, token));
    if (user !== undefined) services.credentials.remember(token, user);
    if (user === undefined)
      throw new HeadstampError(
        'auth.bad_token',
        'unauthenticated',
        'authorization: unknown or revoked token',
      );
    return user;
  }
  const session = request.cookies[sessionCookie];
  if (session !== undefined && session !== '') {
    const user =
      services.credentials.recall(session) ??
      (await authenticateSession(services.store, session, services.clock));
    if (user !== undefined) services.credentials.remember(session, user);
    if (user === undefined)
      throw new HeadstampError(
        'auth.session_expired',
        'unauthenticated',
        `${sessionCookie}: session ended, sign in again`,
      );
    return user;
  }
  return undefined;
}

/**
 * The route's gate, run before the body is even parsed: sign-in first (401), then role (403). Refusing
 * this early means an unauthorised client never costs a body parse or a validation, and a role is
 * refused the same way whatever it sends.
 */
export function guard(route: ApiRoute, services: ApiServices): onRequestAsyncHookHandler {
  const access = route.access;
  return async (request) => {
    const user = await identify(request, services);
    request.principal = user;
    if ('public' in access) return;
    if (user === undefined)
      throw new HeadstampError(
        'auth.required',
        'unauthenticated',
        'authorization: sign in, or send "Authorization: Bearer <token>"',
      );
    if (!access.roles.includes(user.role))
      throw new ForbiddenError(
        'auth.role',
        `role ${user.role} may not call ${route.method} ${route.url} (allowed: ${access.roles.join(', ')})`,
        { role: user.role, allowed: [...access.roles] },
      );
  };
}
