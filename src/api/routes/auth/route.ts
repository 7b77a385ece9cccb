import { everyone } from '../../../app/auth/roles.ts';
import { login, logout, sessionHours } from '../../../app/auth/sessions.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/auth/tokens.ts';
import type { Principal } from '../../../app/auth/principal.ts';
import { sessionCookie } from '../../auth/guard.ts';
import { defineRoute } from '../../route.ts';
import {
  CreatedToken,
  CreateTokenBody,
  LoginBody,
  LoginResult,
  LogoutResult,
  Me,
  TokenInfo,
  TokenList,
  TokenParams,
} from './schema.ts';

const me = (user: Principal) => ({ name: user.id, role: user.role, consigneeId: user.consigneeId });

/** Sign-in for browsers (a session cookie) and API tokens for programs. */
export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/auth/login',
    operationId: 'login',
    summary: 'Sign in with name and password; sets the session cookie',
    description:
      'The cookie is HttpOnly and SameSite=Strict, Secure when served over TLS, and lasts ' +
      `${sessionHours} hours. Attempts are rate-limited per client address and name.`,
    tags: ['auth'],
    access: { public: true },
    writes: false,
    schema: { body: LoginBody, response: LoginResult },
    handle: async ({ body, services, request, reply }) => {
      const session = await login(services, body);
      void reply.setCookie(sessionCookie, session.secret, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return { user: me(session.user), expiresAt: session.expiresAt };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/auth/logout',
    operationId: 'logout',
    summary: 'End the browser session',
    tags: ['auth'],
    access: { public: true },
    writes: false,
    schema: { response: LogoutResult },
    handle: async ({ services, request, reply }) => {
      const secret = request.cookies[sessionCookie];
      if (secret !== undefined && secret !== '') {
        await logout(services.store, secret);
        services.credentials.forget(secret);
      }
      void reply.clearCookie(sessionCookie, { path: '/' });
      return { signedOut: secret !== undefined };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/auth/me',
    operationId: 'whoAmI',
    summary: 'The signed-in user',
    tags: ['auth'],
    access: { roles: everyone },
    writes: false,
    schema: { response: Me },
    handle: ({ user }) => me(user),
  }),
  defineRoute({
    method: 'POST',
    url: '/tokens',
    operationId: 'createToken',
    summary: 'Issue an API token to a user',
    description: 'The token is in the answer this once; the records keep only its SHA-256.',
    tags: ['auth'],
    access: { roles: ['admin'] },
    writes: true,
    status: 201,
    schema: { body: CreateTokenBody, response: CreatedToken },
    handle: ({ body, services, user }) => createApiToken(services, user, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/tokens',
    operationId: 'listTokens',
    summary: 'Every API token (never the token itself)',
    tags: ['auth'],
    access: { roles: ['admin'] },
    writes: false,
    schema: { response: TokenList },
    handle: async ({ services, user }) => ({ items: await listApiTokens(services.store, user) }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke an API token; it stops working at once',
    tags: ['auth'],
    access: { roles: ['admin'] },
    writes: true,
    schema: { params: TokenParams, response: TokenInfo },
    handle: async ({ params, services, user }) => {
      const revoked = await revokeApiToken(services, user, params.id);
      // Only the token's hash is kept, so it cannot be looked up in the cache: forget every entry.
      services.credentials.clear();
      return revoked;
    },
  }),
];
