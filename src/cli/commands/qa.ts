import { withApp } from '../../app/open.ts';
import { decideLot, type Decision } from '../../app/quality/decide.ts';
import { samplingPlanFor } from '../../app/quality/plan.ts';
import { recordSampleResults } from '../../app/quality/record.ts';
import { recordSwitchingAct, SWITCHING_ACTS, type SwitchingAct } from '../../app/quality/switching.ts';
import { actorFor } from '../../app/users.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { ClassResult, DefectClass } from '../../domain/sampling/index.ts';
import { actorName } from '../context.ts';
import type { RegisterCommand } from './index.ts';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Pairs up repeated `--class`, `--inspected`, `--defects` options, in the order given. */
function resultsOf(options: { class?: string[]; inspected?: string[]; defects?: string[] }): ClassResult[] {
  const classes = options.class ?? [];
  const inspected = options.inspected ?? [];
  const defects = options.defects ?? [];
  if (classes.length === 0 || classes.length !== inspected.length || classes.length !== defects.length) {
    throw new ValidationError(
      'qa.results',
      'give --class, --inspected and --defects once for each defect class',
      [
        {
          path: 'results',
          problem: `got ${classes.length} --class, ${inspected.length} --inspected and ${defects.length} --defects; they must pair up`,
        },
      ],
    );
  }
  return classes.map((c, i) => ({
    defectClass: c as DefectClass,
    inspected: Number(inspected[i]),
    defects: Number(defects[i]),
  }));
}

/** `headstamp qa plan|record|release|hold|reject|switching`: lot acceptance sampling and release. */
export const registerQa: RegisterCommand = (program, context) => {
  const qa = program
    .command('qa')
    .description('Lot acceptance sampling (MIL-STD-105E, Z1.4 switching) and release');

  qa.command('plan')
    .description("A lot's sampling plan: code letter, n, Ac, Re per defect class, switching state")
    .argument('<lot>', 'lot number')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (lotNumber: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const plan = await samplingPlanFor(app, actor, lotNumber);
        if (options.json === true) {
          context.out.json(plan);
          return;
        }
        const s = plan.switching;
        context.out.line(
          `lot ${plan.lotNumber} (${plan.productId}, ${plan.lotSize.toLocaleString('en-US')} rounds, ${plan.status}): level ${plan.level}, code letter ${plan.codeLetter}, ${plan.severity} inspection`,
        );
        context.out.table(
          plan.classes.map((c) => ({
            class: c.defectClass,
            AQL: c.aql,
            n: c.n,
            Ac: c.ac,
            Re: c.re,
            destructive: c.destructive ? 'yes' : '',
            note: c.fullInspection ? '100 % inspection' : '',
          })),
        );
        context.out.line(
          `switching: ${s.severity}, score ${s.score}, last lots ${s.recent.map((a) => (a ? 'A' : 'N')).join('') || '-'}; rounds consumed by destructive checks: ${plan.roundsConsumed}`,
        );
        if (plan.inspection !== null) {
          context.out.line(
            `inspected ${plan.inspection.inspectedAt}: ${plan.inspection.accepted ? 'accepted' : 'not accepted'}`,
          );
        }
      });
    });

  qa.command('record')
    .description('Record sample results for each defect class (once per lot)')
    .argument('<lot>', 'lot number')
    .option('--class <class>', 'defect class: critical, major or minor (repeat per class)', collect)
    .option('--inspected <n>', 'rounds inspected for that class (repeat per class)', collect)
    .option('--defects <d>', 'defective rounds found for that class (repeat per class)', collect)
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        lotNumber: string,
        options: { class?: string[]; inspected?: string[]; defects?: string[]; as?: string; json?: boolean },
      ) => {
        const results = resultsOf(options);
        await withApp(context.env, context.cwd, async (app) => {
          const actor = await actorFor(app, actorName(options, context.env));
          const recorded = await recordSampleResults(app, actor, { lotNumber, results });
          if (options.json === true) {
            context.out.json(recorded);
            return;
          }
          const j = recorded.judgement;
          for (const c of j.classes) {
            context.out.line(
              `${c.defectClass}: ${c.defects} defective of ${c.inspected} (Ac ${c.ac}, Re ${c.re}): ${c.verdict}`,
            );
          }
          context.out.line(
            `lot ${recorded.lotNumber} ${j.accepted ? 'accepted' : 'NOT accepted'}${j.inGap ? ' (count between Ac and Re: back to normal inspection)' : ''}; next lots: ${recorded.next.state.severity} inspection, score ${recorded.next.state.score}`,
          );
          if (recorded.next.switched !== undefined) {
            context.out.note(
              `switched ${recorded.next.switched.from} → ${recorded.next.switched.to} (${recorded.next.switched.rule})`,
            );
          }
          if (recorded.inspection.roundsConsumed > 0) {
            context.out.line(`${recorded.inspection.roundsConsumed} rounds consumed by destructive checks`);
          }
        });
      },
    );

  const decision = (name: string, status: Decision, description: string) =>
    qa
      .command(name)
      .description(description)
      .argument('<lot>', 'lot number')
      .option('--reason <text>', status === 'released' ? 'why (optional)' : 'why (required)')
      .option('--approver <name>', 'the second person, where the plant asks four eyes')
      .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
      .option('--json', 'print the result as JSON')
      .action(
        async (
          lotNumber: string,
          options: { reason?: string; approver?: string; as?: string; json?: boolean },
        ) => {
          await withApp(context.env, context.cwd, async (app) => {
            const actor = await actorFor(app, actorName(options, context.env));
            const approver =
              options.approver === undefined ? undefined : await actorFor(app, options.approver);
            const decided = await decideLot(app, actor, {
              lotNumber,
              decision: status,
              ...(options.reason === undefined ? {} : { reason: options.reason }),
              ...(approver === undefined ? {} : { approver }),
            });
            if (options.json === true) context.out.json({ ...decided, lotNumber });
            else
              context.out.line(
                `lot ${lotNumber} ${decided.status}${decided.reason === null ? '' : `: ${decided.reason}`}`,
              );
          });
        },
      );
  decision('release', 'released', 'Release an accepted lot (quality role; four eyes where the plant asks)');
  decision('hold', 'held', 'Hold a lot, with a reason');
  decision('reject', 'rejected', 'Reject a lot, with a reason');

  qa.command('switching')
    .description(`Record a switching condition for a product: ${SWITCHING_ACTS.join(', ')}`)
    .argument('<product>', 'product id')
    .argument('<act>', SWITCHING_ACTS.join(' | '))
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (productId: string, act: string, options: { as?: string; json?: boolean }) => {
      if (!(SWITCHING_ACTS as readonly string[]).includes(act)) {
        throw new ValidationError('qa.switching', `act: must be one of ${SWITCHING_ACTS.join(', ')}`, [
          { path: 'act', problem: `must be one of ${SWITCHING_ACTS.join(', ')}, got ${JSON.stringify(act)}` },
        ]);
      }
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const step = await recordSwitchingAct(app, actor, { productId, act: act as SwitchingAct });
        if (options.json === true) context.out.json({ id: productId, ...step });
        else
          context.out.line(
            `${productId}: ${step.state.severity} inspection, score ${step.state.score}; steady production ${step.steadyProduction ? 'yes' : 'no'}, reduced approved ${step.reducedApproved ? 'yes' : 'no'}`,
          );
      });
    });
};
