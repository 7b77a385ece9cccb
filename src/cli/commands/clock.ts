import { ValidationError } from '../../domain/errors.ts';
import { plantClockMode, setPlantClock } from '../../app/clock.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/**
 * `headstamp clock` shows the plant's clock; `headstamp clock set` switches the records to real
 * or simulated time (admin only). Every command reads this one clock.
 */
export const registerClock: RegisterCommand = (program, context) => {
  const clock = program
    .command('clock')
    .description("The plant's clock: real (wall clock) or simulated time kept in the records")
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const mode = await plantClockMode(app.store);
        const shown = { mode, now: app.clock.now().toISOString() };
        if (options.json === true) context.out.json(shown);
        else context.out.line(`${shown.mode} ${shown.now}`);
      });
    });
  clock
    .command('set')
    .description('Switch to real time, or to simulated time at an instant (it may only move forward)')
    .requiredOption('--mode <mode>', 'real or simulated')
    .option('--at <instant>', 'simulated time, ISO 8601 (e.g. 2026-01-05T06:00:00Z)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .action(async (options: { mode: string; at?: string; as?: string }) => {
      const mode = options.mode;
      if (mode !== 'real' && mode !== 'simulated') {
        throw new ValidationError('clock.invalid', 'unknown clock mode', [
          { path: '--mode', problem: `must be real or simulated, got ${mode}` },
        ]);
      }
      const chosen: 'real' | 'simulated' = mode;
      const at = options.at === undefined ? undefined : new Date(options.at);
      if (at !== undefined && Number.isNaN(at.getTime())) {
        throw new ValidationError('clock.invalid', 'the time is not an instant', [
          { path: '--at', problem: `must be an ISO 8601 instant, got ${options.at ?? ''}` },
        ]);
      }
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        await setPlantClock(app, actor, at === undefined ? { mode: chosen } : { mode: chosen, now: at });
        context.out.note(`plant clock: ${options.mode}${at === undefined ? '' : ` at ${at.toISOString()}`}`);
      });
    });
};
