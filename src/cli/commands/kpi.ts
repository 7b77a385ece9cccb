import { withApp } from '../../app/open.ts';
import { lineKpis } from '../../app/production/kpi.ts';
import { actorFor } from '../../app/users.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const min = (x: number | undefined): number => Math.round(x ?? 0);

/** `headstamp kpi`: ISO 22400 time elements and KPIs per line and day (or shift) from line data. */
export const registerKpi: RegisterCommand = (program, context) => {
  program
    .command('kpi')
    .description(
      'ISO 22400 KPIs (availability, effectiveness, quality ratio, OEE) per line from recorded line data',
    )
    .option('--from <date>', 'first plant-local date (default: first recorded day)')
    .option('--to <date>', 'last plant-local date (default: last recorded day)')
    .option('--line <id>', 'only this line')
    .option('--by <period>', 'shift or day', 'day')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        from?: string;
        to?: string;
        line?: string;
        by: string;
        as?: string;
        json?: boolean;
      }) => {
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const rows = await lineKpis(app, actor, {
            from: options.from,
            to: options.to,
            lineId: options.line,
            by: options.by === 'shift' ? 'shift' : 'day',
          });
          if (options.json === true) {
            context.out.json(rows);
            return;
          }
          context.out.table(
            rows.map((r) => ({
              line: r.lineId,
              date: r.date,
              shift: r.shift,
              PBT: min(r.record.plannedBusyTime),
              APT: min(r.record.actualProductionTime),
              setup: min(r.record.setupTime),
              down: min(r.downTime),
              delay: min(r.record.delayTime),
              PQ: r.record.producedQuantity,
              GQ: r.record.goodQuantity,
              availability: pct(r.availability),
              effectiveness: pct(r.effectiveness),
              quality: pct(r.qualityRatio),
              OEE: pct(r.oee),
            })),
          );
          if (rows.length > 0) context.out.note('times in minutes; PQ produced, GQ good rounds');
        });
      },
    );
};
