import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateToken } from '../../app/auth/authenticate.ts';
import { openApp } from '../../app/open.ts';
import { runCli } from '../../../test/support/cli.ts';

// `token create|list|revoke` end to end through the command line, on SQLite records in a temp
// directory (the route tests prove both dialects).

const run = runCli;

describe('headstamp token', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'headstamp-token-'));
    env = { HEADSTAMP_DATA_DIR: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the token alone on its last line, lists it without the token, and revokes it', async () => {
    expect((await run(['init', 'scenarios/seed-plant.yaml'], env)).code).toBe(0);
    expect((await run(['user', 'add', 'ana', '--role', 'planner', '--as', 'admin'], env)).code).toBe(0);

    const created = await run(['token', 'create', '--user', 'ana', '--label', 'terminal'], env);
    expect(created.code).toBe(0);
    const token = created.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^hst_[\w-]{43}$/);
    const app = await openApp(env, process.cwd());
    try {
      expect(await authenticateToken(app.store, token)).toMatchObject({ id: 'ana', role: 'planner' });

      const list = await run(['token', 'list', '--json', '--as', 'admin'], env);
      const [listed] = JSON.parse(list.stdout) as { id: string; userName: string }[];
      expect(listed).toMatchObject({ userName: 'ana', label: 'terminal', revokedAt: null });
      expect(list.stdout).not.toContain(token);

      // Someone else's token: refused for a planner who is not its user.
      const other = await run(['token', 'create', '--user', 'admin', '--as', 'ana'], env);
      expect(other.code).toBe(3);

      expect((await run(['token', 'revoke', listed!.id, '--as', 'ana'], env)).code).toBe(0);
      expect(await authenticateToken(app.store, token)).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
