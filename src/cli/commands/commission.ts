import { closeAcceptanceTest } from '../../app/commissioning/close.ts';
import { commissioningFiles } from '../../app/commissioning/files.ts';
import { startAcceptanceTest } from '../../app/commissioning/start.ts';
import { commissioningStatus, listLineService } from '../../app/commissioning/status.ts';
import { verifyAct } from '../../app/commissioning/verify.ts';
import { withApp } from '../../app/open.ts';
import { actorFor } from '../../app/users.ts';
import {
  formatThresholdValue,
  parseDurationHours,
  type ThresholdResult,
} from '../../domain/commissioning/index.ts';
import { ValidationError } from '../../domain/errors.ts';
import { actorName } from '../context.ts';
import type { Output } from '../output.ts';
import type { RegisterCommand } from './index.ts';

interface StartOptions {
  duration?: string;
  at?: string;
  product?: string[];
  minRateShare?: string;
  minAvailability?: string;
  minQuality?: string;
  maxStop?: string;
  as?: string;
  json?: boolean;
}

function number(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new ValidationError('cli.number', `${option}: must be a number, got '${text}'`, [
      { path: option, problem: `must be a number, got '${text}'` },
    ]);
  }
  return value;
}

function instant(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    throw new ValidationError('cli.instant', `--at: must be an ISO 8601 instant, got '${text}'`, [
      { path: '--at', problem: `must be an ISO 8601 instant, got '${text}'` },
    ]);
  }
  return at;
}

function printThresholds(out: Output, thresholds: readonly ThresholdResult[]): void {
  out.table(
    thresholds.map((t) => ({
      threshold: t.label,
      required: `${t.bound === 'min' ? '>=' : '<='} ${formatThresholdValue(t.required, t.unit)}`,
      measured: formatThresholdValue(t.measured, t.unit),
      result: t.passed ? 'pass' : 'FAIL',
    })),
  );
}

/**
 * `headstamp commission start|status|close|verify|list`: a line's acceptance test on its
 * recorded line data, the signed acceptance act, and which lines are in service.
 */
export const registerCommission: RegisterCommand = (program, context) => {
  const commission = program
    .command('commission')
    .description('Line acceptance tests and signed acceptance acts');
  const files = () => commissioningFiles(context.env, context.cwd);

  commission
    .command('start')
    .description("Start a line's acceptance test now (the scenario's protocol, terms overridable)")
    .argument('<line>', 'line id')
    .option('--duration <time>', 'operating time in the line’s shifts: 72h, 90m, 3d')
    .option(
      '--at <instant>',
      'the test began earlier, at this instant (entered after the fact; the act says so)',
    )
    .option('--product <id...>', 'products to run (default: all the line makes)')
    .option('--min-rate-share <x>', 'achieved rate over rated rate, 0..1')
    .option('--min-availability <x>', 'availability, 0..1')
    .option('--min-quality <x>', 'quality ratio, 0..1')
    .option('--max-stop <minutes>', 'longest single stop allowed, minutes')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (lineId: string, options: StartOptions) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const started = await startAcceptanceTest(app, actor, {
          lineId,
          durationHours: options.duration === undefined ? undefined : parseDurationHours(options.duration),
          products: options.product,
          startAt: instant(options.at),
          thresholds: {
            minRateShare: number(options.minRateShare, '--min-rate-share'),
            minAvailability: number(options.minAvailability, '--min-availability'),
            minQualityRatio: number(options.minQuality, '--min-quality'),
            maxSingleStopMinutes: number(options.maxStop, '--max-stop'),
          },
        });
        if (options.json === true) {
          context.out.json(started);
          return;
        }
        const p = started.protocol;
        context.out.line(`acceptance test of line ${lineId} started ${started.startedAt}`);
        context.out.line(`${p.durationHours} h of operating time in the line's shifts: due ${started.dueAt}`);
        context.out.line(
          `thresholds: rate >= ${formatThresholdValue(p.thresholds.minRateShare, 'share')} of ${p.ratedRate}/min, ` +
            `availability >= ${formatThresholdValue(p.thresholds.minAvailability, 'share')}, ` +
            `quality >= ${formatThresholdValue(p.thresholds.minQualityRatio, 'share')}, ` +
            `longest stop <= ${p.thresholds.maxSingleStopMinutes} min`,
        );
        context.out.line(`signatories: ${p.signatories.map((s) => `${s.name} (${s.role})`).join(', ')}`);
      });
    });

  commission
    .command('status')
    .description("A line's standing and its running test's progress against each threshold")
    .argument('<line>', 'line id')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (lineId: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const status = await commissioningStatus(app, actor, lineId);
        if (options.json === true) {
          context.out.json(status);
          return;
        }
        const s = status.service;
        context.out.line(
          `line ${lineId}: ${s.commissioned ? 'commissioned' : 'not commissioned'}` +
            (s.actNumber === null
              ? ''
              : ` (${s.source === 'act' ? 'act' : 'prior act'} ${s.actNumber}, ${s.date})`),
        );
        const t = status.test;
        if (t === null) {
          context.out.line('no acceptance test running');
          return;
        }
        context.out.line(
          `test running since ${t.startedAt}: ${t.elapsedHours.toFixed(2)} h of ${t.durationHours} h ` +
            `(${(t.progress * 100).toFixed(0)} %), ${t.due ? 'due: close it now' : `due ${t.dueAt}`}`,
        );
        printThresholds(context.out, t.evaluation.thresholds);
        context.out.note(
          `${t.evaluation.stops.length} stop(s); ${t.evaluation.record.producedQuantity} rounds processed, ` +
            `${t.evaluation.record.goodQuantity} good`,
        );
      });
    });

  commission
    .command('close')
    .description("Close a line's test: measure it from recorded line data, write and sign the act")
    .argument('<line>', 'line id')
    .option('--early', 'close before the duration is reached (the act records it)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print {"act": path, "passed": bool} as JSON')
    .action(async (lineId: string, options: { early?: boolean; as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const closed = await closeAcceptanceTest(app, actor, { lineId, early: options.early }, files());
        if (options.json === true) {
          context.out.json({
            act: closed.act,
            passed: closed.passed,
            actNumber: closed.actNumber,
            early: closed.early,
            sha256: closed.sha256,
            ledgerIndex: closed.ledgerIndex,
            reasons: closed.reasons,
            thresholds: closed.evaluation.thresholds,
          });
          return;
        }
        printThresholds(context.out, closed.evaluation.thresholds);
        context.out.line(
          `act ${closed.actNumber}: ${closed.passed ? 'PASSED' : 'FAILED'}${closed.early ? ' (closed early)' : ''}`,
        );
        for (const reason of closed.reasons) context.out.line(`  - ${reason}`);
        context.out.line(closed.act);
      });
    });

  commission
    .command('verify')
    .description('Check an act file byte for byte against its signatures and the ledger')
    .argument('<act>', 'the act file (or its name under data/acts/)')
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (act: string, options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const result = await verifyAct(app, actor, act, files());
        if (options.json === true) context.out.json(result);
        else {
          for (const c of result.checks)
            context.out.line(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`);
          context.out.line(result.ok ? `act ${result.act}: verified` : `act ${result.act}: NOT verified`);
        }
        if (!result.ok) {
          for (const failure of result.failures) context.out.note(`failed: ${failure}`);
          process.exitCode = 1;
        }
      });
    });

  commission
    .command('list')
    .description("Each line's standing: commissioned by which act, or not; tests running")
    .option('--as <name>', 'acting user (default $HEADSTAMP_USER)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withApp(context.env, context.cwd, async (app) => {
        const actor = await actorFor(app, actorName(options, context.env));
        const rows = await listLineService(app, actor);
        if (options.json === true) {
          context.out.json(rows);
          return;
        }
        context.out.table(
          rows.map((r) => ({
            line: r.lineId,
            status: r.commissioned ? 'commissioned' : 'not commissioned',
            act: r.actNumber,
            date: r.date,
            by: r.source === 'act' ? (r.passed === true ? 'act (passed)' : 'act (failed)') : r.source,
            testRunning: r.testRunning ? 'yes' : '',
          })),
        );
      });
    });
};
