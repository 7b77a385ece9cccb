/**
 * The end-to-end harness: a real plant served by `headstamp serve --twin` in a child process, and a real
 * browser (Debian's Chromium through playwright-core). One plant per test file (`startPlant` in
 * `beforeAll`), one browser context per signed-in user.
 *
 * @example
 * let plant: Plant; let browser: Browser;
 * beforeAll(async () => { plant = await startPlant(); browser = await openBrowser(); });
 * afterAll(async () => { await browser.close(); await plant.stop(); });
 * it('shows the lots', async () => {
 *   const page = await login(await newPage(browser), plant, 'quality');
 *   await page.getByRole('link', { name: 'Lots' }).click();
 *   await checkAxe(page); await shot(page, 'lots');
 * });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { actorFor, addUser } from '../../src/app/users.ts';
import { setPassword } from '../../src/app/auth/set-password.ts';
import { roles, type Role } from '../../src/app/auth/roles.ts';
import { openApp } from '../../src/app/open.ts';
import { randomIds, systemClock } from '../../src/app/runtime.ts';
import { runTwinFast } from '../../src/twin/fast.ts';
import { setUpPlantForTwin } from '../../src/twin/setup.ts';

export type { Role };

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const dashboard = join(checkout, 'web/dist/index.html');
/** Screenshots land here (kept with the test output). */
export const screenshotDir = join(checkout, 'test-output/screenshots');

/** A signed-in person of the e2e plant. */
export interface PlantUser {
  readonly name: string;
  readonly password: string;
}

export interface Plant {
  /** `http://127.0.0.1:<port>` of the running server (the dashboard at `/`, the API at `/api/v1`). */
  readonly url: string;
  /** One user per role (the consignee speaks for `army`). */
  readonly users: Readonly<Record<Role, PlantUser>>;
  /** The records' folder (SQLite), removed by `stop()`. */
  readonly dataDir: string;
  /** What the server wrote on stderr so far (for a failing test's message). */
  log(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the records. */
  stop(): Promise<void>;
}

export interface StartPlantOptions {
  /** Simulated days filled at full speed before serving (default 3). */
  readonly days?: number;
  /** And this many hours into the next day, so the lines are on shift when serving starts (default 9). */
  readonly hours?: number;
  /** The live twin's speed: simulated seconds per real second (default 60). */
  readonly speed?: number;
  readonly seed?: number;
}

/** Who signs in as each role (the consignee speaks for the seed plant's `army`). */
export const userNames: Readonly<Record<Role, string>> = {
  operator: 'e2e-operator',
  planner: 'e2e-planner',
  quality: 'e2e-quality',
  logistics: 'e2e-logistics',
  auditor: 'e2e-auditor',
  admin: 'admin',
  consignee: 'e2e-army',
};

const quiet = {
  progress: () => ({ tick: () => undefined, finish: () => undefined }),
  note: () => undefined,
};

/**
 * A plant to test against: fresh records in a temporary folder, the seed scenario set up as `start`
 * does, a few simulated days filled by the twin at full speed, one user per role with a password, and
 * `headstamp serve --twin` on an ephemeral port (a child process, as a user runs it). Needs the built
 * dashboard (`npm run build:web`).
 */
export async function startPlant(options: StartPlantOptions = {}): Promise<Plant> {
  if (!existsSync(dashboard)) throw new Error(`e2e: ${dashboard} is missing: run npm run build:web first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'headstamp-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HEADSTAMP_DATA_DIR: dataDir,
    HEADSTAMP_DATABASE_URL: '',
    HEADSTAMP_USER: 'admin',
    // The embedded broker on a port of its own: never the machine's 1883.
    HEADSTAMP_MQTT_PORT: '0',
    HEADSTAMP_LOG_LEVEL: 'warn',
  };
  delete env['HEADSTAMP_DATABASE_URL'];
  const users = {} as Record<Role, PlantUser>;
  const app = await openApp(env, dataDir);
  try {
    const source = readFileSync(join(checkout, 'scenarios/seed-plant.yaml'), 'utf8');
    const setup = await setUpPlantForTwin(app.store, source, randomIds);
    const admin = await actorFor(app, setup.adminCreated ?? 'admin');
    for (const role of roles) {
      const name = userNames[role];
      if (role !== 'admin')
        await addUser(app, admin, { name, role, consigneeId: role === 'consignee' ? 'army' : undefined });
      const password = `e2e-${role}-${Math.random().toString(36).slice(2, 10)}`;
      await setPassword({ store: app.store, clock: systemClock }, admin, { userName: name, password });
      users[role] = { name, password };
    }
    await runTwinFast({
      store: app.store,
      admin: admin.id,
      seed: options.seed ?? 1,
      minutes: (options.days ?? 3) * 1440 + (options.hours ?? 9) * 60,
      out: quiet,
    });
  } finally {
    await app.close();
  }

  const child = spawn(
    process.execPath,
    [
      join(checkout, 'bin/headstamp.js'),
      'serve',
      '--twin',
      '--port',
      '0',
      '--speed',
      String(options.speed ?? 60),
    ],
    { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`e2e: the server did not start in 60 s:\n${stderr}`)),
      60_000,
    );
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      const found = / at (https?:\/\/[^\s)]+) \(docs at /.exec(stderr);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e: the server exited (${code}) before serving:\n${stderr}`));
    });
  });
  return {
    url,
    users,
    dataDir,
    log: () => stderr,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Chromium's path: Debian's, unless HEADSTAMP_CHROMIUM says otherwise. */
export const chromiumPath = process.env['HEADSTAMP_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with nothing that talks to the outside world. Each launch runs on a fresh
 * profile: Playwright gives the browser a new temporary `--user-data-dir` of its own and removes it on
 * close (it refuses the flag from us, reserving it for persistent contexts, which could hold only one
 * signed-in user); each `newPage` is a context of its own besides.
 */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Console errors and page errors seen on a page; `expectNoConsoleErrors(page)` fails the test on any. */
const consoleErrors = new WeakMap<Page, string[]>();

/**
 * A new page in a context of its own (its own cookies, so several users can be signed in at once),
 * 1440×900, collecting console errors and uncaught page errors.
 */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs every 4xx answer as a console error; the dashboard shows those answers (a refused
    // shipment, the login's "who am I" before signing in), so they are not errors of the page. 5xx are.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return page;
}

/** The console errors seen on the page so far. */
export function errorsOf(page: Page): readonly string[] {
  return consoleErrors.get(page) ?? [];
}

/** Fails (throws) if the page logged any console error or threw anything uncaught. */
export function expectNoConsoleErrors(page: Page): void {
  const errors = errorsOf(page);
  if (errors.length > 0) throw new Error(`console errors on ${page.url()}:\n${errors.join('\n')}`);
}

/**
 * Opens the dashboard and signs in through the login form as the plant's user of `role`; resolves when
 * the navigation is shown. Returns the page.
 */
export async function login(page: Page, plant: Plant, role: Role): Promise<Page> {
  const user = plant.users[role];
  await page.goto(`${plant.url}/`);
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
  return page;
}

/** Opens a page of the dashboard by its hash path (`/lots/HSP26L001-023`) and waits for its heading. */
export async function open(page: Page, plant: Plant, path: string): Promise<void> {
  await page.goto(`${plant.url}/#${path}`);
  await page.locator('main h1').first().waitFor();
}

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = readFileSync(join(checkout, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/**
 * Runs axe-core (WCAG 2 A and AA rules) on the page as it stands; throws naming every serious or
 * critical violation and where it is. Returns the lesser ones, for a test that wants them.
 */
export async function checkAxe(page: Page): Promise<readonly AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // Runs in the page; typed without DOM names so the harness also compiles for Node alone.
    const axe = (
      globalThis as unknown as {
        axe: { run(options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0)
    throw new Error(
      `axe: ${serious.length} serious violation(s) on ${page.url()}:\n` +
        serious
          .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`)
          .join('\n'),
    );
  return violations.filter((v) => !serious.includes(v));
}

/** GET from the API as the page's signed-in user (the context's session cookie). */
export async function read<T>(page: Page, plant: Plant, path: string): Promise<T> {
  const res = await page.request.get(`${plant.url}/api/v1${path}`);
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every check a page gets once it shows its data: a screenshot, axe, and no console errors. */
export async function settle(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.chart[data-chart="loading"]').count(), { timeout: 20_000 }).toBe(0);
  await shot(page, name);
  await checkAxe(page);
  expectNoConsoleErrors(page);
}
