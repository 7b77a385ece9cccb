import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../../api/server.ts';
import { setPassword } from '../../app/auth/set-password.ts';
import { plantClock } from '../../app/clock.ts';
import { recordedPlantId } from '../../app/ingest/presence.ts';
import { openApp } from '../../app/open.ts';
import { plantScenario } from '../../app/plant-setup.ts';
import { localInstant } from '../../app/plant-time.ts';
import { randomIds, systemClock } from '../../app/runtime.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { Store } from '../../store/database.ts';
import { runTwinFastInThread } from '../../twin/fill-thread.ts';
import { startTwin } from '../../twin/live.ts';
import { setUpPlantForTwin } from '../../twin/setup.ts';
import { firstFillMinutes } from '../../twin/first-fill.ts';
import type { RegisterCommand } from './index.ts';
import { dashboardOption } from '../web-root.ts';

const SEED_PLANT = fileURLToPath(new URL('../../../scenarios/seed-plant.yaml', import.meta.url));
const FIRST_FILL_DAYS = 30;

function port(value: string | undefined): number {
  const n = Number(value ?? '3000');
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ValidationError(
      'start.port',
      `HEADSTAMP_PORT: must be 0 to 65535, got ${JSON.stringify(value)}`,
      [{ path: 'HEADSTAMP_PORT', problem: `must be 0 to 65535, got ${JSON.stringify(value)}` }],
    );
  return n;
}

function printFirstLogin(out: { line(text: string): void }, password: string): void {
  out.line(`First sign-in: user admin, password ${password}`);
  out.line('(shown once; change it with: headstamp user passwd admin --password-stdin --as admin)');
}

/**
 * Simulated minutes of the first fill still to run (and of all of it): all of it on records still
 * in real time, else what an interrupted fill left between the records' "now" and its end (none
 * once the plant has run past that). The fill covers 30 days, carried on into the next shift.
 */
async function fillLeft(store: Store): Promise<{ readonly left: number; readonly whole: number }> {
  const scenario = await plantScenario(store);
  const whole = firstFillMinutes(scenario, FIRST_FILL_DAYS);
  const clock = await plantClock(store);
  if (clock === systemClock) return { left: whole, whole };
  const origin = localInstant(scenario.plant.timezone, scenario.plant.startDate).getTime();
  return { left: Math.max(0, Math.floor((origin + whole * 60_000 - clock.now().getTime()) / 60_000)), whole };
}

/**
 * `headstamp start` (`npm start`): a working plant from a fresh clone. On empty records: the
 * reference plant from scenarios/seed-plant.yaml, a first admin with a generated password
 * (printed once), and 30 simulated days filled at full speed (a fill stopped by Ctrl-C goes on
 * at the next start). Then the HTTP server with the twin live at 60× on one clock, until
 * Ctrl-C; the next start carries on from the records.
 */
export const registerStart: RegisterCommand = (program, context) => {
  program
    .command('start')
    .description(
      'Set up the reference plant if needed, fill 30 simulated days, then serve with the twin live',
    )
    .option('--scenario <file>', 'scenario for empty records', SEED_PLANT)
    .option('--speed <n>', 'simulated seconds per real second', '60')
    .option('--seed <n>', 'seed of the twin', '1')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(async (options: { scenario: string; speed: string; seed: string; host: string }) => {
      const speed = Number(options.speed);
      const seed = Number(options.seed);
      if (!(speed > 0) || !Number.isSafeInteger(seed) || seed < 0)
        throw new ValidationError('start.options', 'speed must be > 0 and seed a non-negative integer', [
          ...(speed > 0 ? [] : [{ path: 'speed', problem: `must be > 0, got ${options.speed}` }]),
          ...(Number.isSafeInteger(seed) && seed >= 0
            ? []
            : [{ path: 'seed', problem: `must be a non-negative integer, got ${options.seed}` }]),
        ]);
      const listenPort = port(context.env['HEADSTAMP_PORT']);
      const out = context.out;
      const app = await openApp(context.env, context.cwd);
      let firstLogin: string | undefined;
      try {
        if ((await recordedPlantId(app)) === undefined) {
          const source = await readFile(resolve(context.cwd, options.scenario), 'utf8');
          const setup = await setUpPlantForTwin(app.store, source, randomIds);
          const admin = await actorFor(app, setup.adminCreated ?? 'admin');
          firstLogin = randomBytes(12).toString('base64url');
          await setPassword({ store: app.store, clock: systemClock }, admin, {
            userName: admin.id,
            password: firstLogin,
          });
          out.note(`headstamp: set up plant ${setup.plantId} in ${app.store.location}`);
        }
        const { left, whole } = await fillLeft(app.store);
        if (left > 0) {
          out.note(
            left === whole
              ? `headstamp: filling ${FIRST_FILL_DAYS} simulated days at full speed, into the next shift (once, on new records)`
              : `headstamp: carrying on with the first fill: ${(left / 1440).toFixed(1)} simulated days left`,
          );
          // Ctrl-C during the fill stops it after the step under way; the next start carries on.
          const interrupt = new AbortController();
          const stop = (): void => interrupt.abort();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          try {
            // In a thread of its own, so that what the fill builds up is gone before serving.
            const { tally } = await runTwinFastInThread(
              { env: context.env, cwd: context.cwd, admin: 'admin', seed, minutes: left },
              { out, signal: interrupt.signal },
            );
            out.note(
              `headstamp: ${tally.lots} lots, ${tally.shipments} shipments, ${tally.refused.length} refused shipment attempts up to ${tally.to}`,
            );
          } finally {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
          }
          if (interrupt.signal.aborted) {
            out.line('Stopped during the first fill; the next start carries on from the records.');
            if (firstLogin !== undefined) printFirstLogin(out, firstLogin);
            await app.close();
            return;
          }
        }
      } catch (error) {
        await app.close();
        throw error;
      }

      let running: Awaited<ReturnType<typeof startTwin>> | undefined;
      try {
        running = await startTwin({
          store: app.store,
          env: context.env,
          admin: 'admin',
          seed,
          speed,
          log: (m) => out.note(m),
        });
        const server = await buildServer({
          store: app.store,
          ids: app.ids,
          plantClock: running.twin.context.clock,
          logger: { level: context.env['HEADSTAMP_LOG_LEVEL'] ?? 'warn', stream: process.stderr },
          ...dashboardOption(context.out),
        });
        try {
          const address = await server.listen({ port: listenPort, host: options.host });
          out.line(`Headstamp is running at ${address} (API docs at ${address}/docs)`);
          if (firstLogin !== undefined) printFirstLogin(out, firstLogin);
          out.line('Press Ctrl-C to stop; the next start carries on from the records.');
          await new Promise<void>((done) => {
            const stop = (): void => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              done();
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
            void running?.done.then(stop, stop);
          });
          out.note('headstamp: stopping');
        } finally {
          await running.stop().catch((error: unknown) => {
            out.note(`headstamp twin: ${error instanceof Error ? error.message : String(error)}`);
          });
          await server.close();
        }
      } finally {
        if (running !== undefined) await running.stop().catch(() => undefined);
        await app.close();
      }
    });
};
