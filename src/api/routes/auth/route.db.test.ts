import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPassword } from '../../../app/auth/set-password.ts';
import { credentialDb } from '../../../app/auth/tables.ts';
import { openApiHarness, userOfRole, type ApiHarness } from '../../testing/harness.ts';

const password = 'correct horse battery';

describe('sign-in and API tokens', () => {
  let h: ApiHarness;
  beforeEach(async () => {
    h = await openApiHarness({ loginLimit: { max: 3, windowMs: 60_000 } });
    await setPassword(h.plant.app, h.plant.admin, { userName: userOfRole.planner, password });
  });
  afterEach(() => h.close());

  const login = (name: string, pw: string, headers: Record<string, string> = {}) =>
    h.server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { name, password: pw }, headers });

  it('signs in with a password and sets a strict, HttpOnly session cookie', async () => {
    const res = await login('petra', password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { name: 'petra', role: 'planner', consigneeId: null } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^headstamp_session=hss_[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure');
    const cookie = res.cookies[0]!;
    const me = await h.server.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { [cookie.name]: cookie.value },
    });
    expect(me.json()).toEqual({ name: 'petra', role: 'planner', consigneeId: null });
    // Only the cookie's hash is kept.
    const rows = await credentialDb(h.db.store).selectFrom('user_sessions').select('id_hash').execute();
    expect(rows.map((r) => r.id_hash)).not.toContain(cookie.value);

    const out = await h.server.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { [cookie.name]: cookie.value },
    });
    expect(out.json()).toEqual({ signedOut: true });
    const after = await h.server.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { [cookie.name]: cookie.value },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.session_expired');
  });

  it('marks the cookie Secure when served over TLS (behind a trusted proxy)', async () => {
    await h.server.close();
    const { buildServer } = await import('../../server.ts');
    const server = await buildServer({ store: h.db.store, trustProxy: true });
    try {
      const res = await server.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { name: 'petra', password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await server.close();
    }
  });

  it('refuses a wrong password and an unknown name alike', async () => {
    const wrong = await login('petra', 'not the password');
    const unknown = await login('nobody', password);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        code: 'auth.bad_credentials',
        message: 'name or password: no match',
        details: {},
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('petra', 'guess number ' + i)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await login('petra', password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
  });

  it('issues, lists and revokes API tokens; only their hashes are kept', async () => {
    const created = await h.call('admin', {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { userName: 'quinn', label: 'lab terminal' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^hst_[\w-]{43}$/);
    const me = await h.server.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ name: 'quinn', role: 'quality' });

    const list = await h.call('admin', { method: 'GET', url: '/api/v1/tokens' });
    const listed = list.json().items.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({ userName: 'quinn', label: 'lab terminal', revokedAt: null });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const stored = await credentialDb(h.db.store).selectFrom('api_tokens').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    const revoked = await h.call('admin', { method: 'DELETE', url: `/api/v1/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const again = await h.call('admin', { method: 'DELETE', url: `/api/v1/tokens/${id}` });
    expect(again.statusCode).toBe(409);
    const refused = await h.server.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['www-authenticate']).toContain('Bearer');
  });

  it('refuses malformed and unknown bearer tokens', async () => {
    for (const authorization of ['Basic abc', 'Bearer', `Bearer hst_${'x'.repeat(43)}`, 'Bearer nonsense']) {
      const res = await h.server.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization },
      });
      expect(res.statusCode, authorization).toBe(401);
    }
  });

  it('refuses a token for a user who does not exist, naming the field', async () => {
    const res = await h.call('admin', {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { userName: 'ghost' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('user.not_found');
  });
});
