import { withApp } from '../../app/open.ts';
import { ValidationError } from '../../domain/errors.ts';
import { durationMinutes } from '../../twin/duration.ts';
import { runTwinFast } from '../../twin/fast.ts';
import { runTwinLive } from '../../twin/live.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

function seedOf(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new ValidationError(
      'twin.seed',
      `seed: must be a non-negative integer, got ${JSON.stringify(value)}`,
      [{ path: 'seed', problem: `must be a non-negative integer, got ${JSON.stringify(value)}` }],
    );
  return n;
}

/**
 * `headstamp twin`: the digital twin on the records' simulated clock. `--fast` runs as fast as
 * it can with no server (line data through the batch ingest use case); without it, the lines
 * publish over MQTT to the embedded broker at `--speed` times real time until Ctrl-C.
 */
export const registerTwin: RegisterCommand = (program, context) => {
  program
    .command('twin')
    .description('Run the digital twin: the plant on simulated time, its people through the use cases')
    .option('--fast', 'as fast as possible, no server (for demos, tests and benchmarks)')
    .option('--for <duration>', 'simulated time to run, e.g. 30d, 12h (required with --fast)')
    .option('--speed <n>', 'simulated seconds per real second without --fast', '60')
    .option('--seed <n>', 'seed of the random streams', '1')
    .option('--as <name>', 'admin who sets up the twin users (default $HEADSTAMP_USER, else admin)')
    .option('--json', 'print what the run did as JSON')
    .action(
      async (options: {
        fast?: boolean;
        for?: string;
        speed: string;
        seed: string;
        as?: string;
        json?: boolean;
      }) => {
        const seed = seedOf(options.seed);
        const admin = actorName(options, context.env) ?? 'admin';
        const minutes = options.for === undefined ? undefined : durationMinutes(options.for);
        await withApp(context.env, context.cwd, async (app) => {
          if (options.fast === true) {
            if (minutes === undefined)
              throw new ValidationError('twin.for', 'for: required with --fast (e.g. --for 30d)', [
                { path: 'for', problem: 'required with --fast (e.g. --for 30d)' },
              ]);
            const tally = await runTwinFast({ store: app.store, admin, seed, minutes, out: context.out });
            if (options.json === true) context.out.json(tally);
            else context.out.line(summaryLine(tally));
            return;
          }
          const speed = Number(options.speed);
          if (!(speed > 0))
            throw new ValidationError('twin.speed', `speed: must be > 0, got ${options.speed}`, [
              { path: 'speed', problem: `must be > 0, got ${options.speed}` },
            ]);
          const tally = await runTwinLive({
            store: app.store,
            env: context.env,
            admin,
            seed,
            speed,
            ...(minutes === undefined ? {} : { minutes }),
            log: (m) => context.out.note(m),
          });
          if (options.json === true) context.out.json(tally);
          else context.out.line(summaryLine(tally));
        });
      },
    );
};

function summaryLine(t: Awaited<ReturnType<typeof runTwinFast>>): string {
  return [
    `twin ran ${t.from} to ${t.to}:`,
    `${t.lineEvents} line events (${t.lineEventsRefused} refused), ${t.orders} orders, ${t.schedules} schedules,`,
    `${t.lots} lots, ${t.inspected} inspected, ${t.released} released, ${t.rejected} rejected, ${t.packed} packed,`,
    `${t.shipments} shipments, ${t.received} received, ${t.refused.length} refused shipment attempts`,
  ].join(' ');
}
