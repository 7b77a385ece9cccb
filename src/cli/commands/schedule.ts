import { withApp } from '../../app/open.ts';
import { makeSchedule } from '../../app/production/schedule.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

/** `headstamp schedule`: schedules the open production orders on the lines from now. */
export const registerSchedule: RegisterCommand = (program, context) => {
  program
    .command('schedule')
    .description('Schedule open production orders on the commissioned lines, from the plant clock’s now')
    .option(
      '--blocked <line=minutes...>',
      'keep a line that is down blocked this long (default its mean repair time)',
    )
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { blocked?: string[]; as?: string; json?: boolean }) => {
      const blockedMinutes: Record<string, number> = {};
      for (const item of options.blocked ?? []) {
        const [line, minutes] = item.split('=');
        if (line !== undefined && minutes !== undefined) blockedMinutes[line] = Number(minutes);
      }
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const plan = await makeSchedule(app, actor, { blockedMinutes });
        for (const w of plan.warnings) context.out.note(`warning: ${w}`);
        if (options.json === true) {
          context.out.json({
            id: plan.schedule.id,
            reason: plan.schedule.reason,
            placements: plan.placements.map((p) => ({ id: `${plan.schedule.id}#${p.seq}`, ...p })),
            unplaced: plan.unplaced,
            warnings: plan.warnings,
            totals: plan.totals,
          });
          return;
        }
        context.out.line(`schedule ${plan.schedule.id} (${plan.schedule.reason}), plant local times:`);
        context.out.table(
          plan.placements.map((p) => ({
            line: p.lineId,
            order: p.orderNumber,
            product: p.productId,
            quantity: p.quantity,
            changeover: p.changeoverMinutes === 0 ? '' : `${p.changeoverMinutes} min`,
            start: p.startsLocal,
            end: p.endsLocal,
            late: p.late ? 'LATE' : '',
          })),
        );
        for (const u of plan.unplaced) context.out.line(`not placed: ${u.orderNumber}: ${u.reason}`);
      });
    });
};
