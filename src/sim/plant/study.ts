/**
 * A capacity study: replications of the plant-year on worker threads, summarised; and the
 * variations a sensitivity study applies to the scenario (`--vary key=v1,v2`).
 *
 * @example
 * const summary = await runStudy(scenario, { replications: 200, seed: 1 });
 * summary.plant.good.p50;
 * const variants = variations(scenario, 'lines.L1.failures.timeToFailure.mean=1800,2400');
 */
import { ValidationError } from '../../domain/errors.ts';
import { type Scenario, validateScenario } from '../../domain/scenario/index.ts';
import { compilePlant, type CompileOptions } from './model.ts';
import { type StudySummary, summarise } from './summary.ts';
import { runReplications } from './worker-pool.ts';

export interface StudyOptions {
  readonly replications: number;
  readonly seed: number;
  readonly threads?: number;
  /** Minutes; default the scenario's horizon. */
  readonly horizon?: number;
  readonly disruption?: CompileOptions['disruption'];
  readonly onProgress?: (done: number) => void;
}

/** Runs the study and summarises it. */
export async function runStudy(scenario: Scenario, options: StudyOptions): Promise<StudySummary> {
  const compile: CompileOptions = {
    ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
    disruption: options.disruption ?? 'scenario',
  };
  const results = await runReplications({
    scenario,
    compile,
    seed: options.seed,
    replications: options.replications,
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  return summarise(compilePlant(scenario, compile), results, { seed: options.seed });
}

/** One value of a varied key and the scenario it gives. */
export interface Variant {
  readonly key: string;
  readonly value: string;
  readonly scenario: Scenario;
}

/**
 * The scenarios of `key=v1,v2,...`. Keys:
 * - `shifts=2,3`: every line works to the calendar with that many shifts on its busiest day;
 * - `calendar=two-shift,three-shift`: every line works to the named calendar;
 * - `disruption=on,off`: supply disruptions forced on or off;
 * - a path into the scenario, list items by id or `*` for all: `lines.L1.ratedRate=112,120`,
 *   `lines.*.failures.timeToFailure.mean=1800,2400`, `demand.mix.ball-ps=0.6,0.7`.
 * Each variant is checked against the schema; a bad key or value fails with the field named.
 */
export function variations(scenario: Scenario, spec: string): Variant[] {
  const eq = spec.indexOf('=');
  const key = eq > 0 ? spec.slice(0, eq).trim() : '';
  const values =
    eq > 0
      ? spec
          .slice(eq + 1)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : [];
  if (key === '' || values.length === 0) {
    throw new ValidationError('simulate.vary', `--vary ${spec}: expected key=v1,v2,...`, [
      { path: '--vary', problem: `expected key=v1,v2,..., got ${JSON.stringify(spec)}` },
    ]);
  }
  return values.map((value) => {
    if (key === 'disruption' && value !== 'on' && value !== 'off') {
      throw badValue(key, value, 'must be on or off');
    }
    const copy = structuredClone(scenario);
    if (key === 'disruption') {
      for (const c of copy.components) if (c.disruption !== undefined) c.disruption.enabled = value === 'on';
    } else if (key === 'shifts' || key === 'calendar') {
      const calendar =
        key === 'calendar'
          ? copy.calendars.find((c) => c.id === value)
          : copy.calendars.find((c) => busiestDay(c) === Number(value));
      if (calendar === undefined) {
        const known = copy.calendars.map((c) => (key === 'calendar' ? c.id : `${busiestDay(c)} (${c.id})`));
        throw badValue(key, value, `no such calendar; the scenario has ${known.join(', ')}`);
      }
      for (const line of copy.lines) line.calendar = calendar.id;
    } else {
      setPath(copy, key.split('.'), parseValue(value), key);
    }
    try {
      return { key, value, scenario: validateScenario(copy) };
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new ValidationError(
          'simulate.vary',
          `--vary ${key}=${value}: the scenario becomes invalid`,
          error.problems,
        );
      }
      throw error;
    }
  });
}

function busiestDay(calendar: Scenario['calendars'][number]): number {
  return Math.max(...Object.values(calendar.week).map((day) => day?.length ?? 0));
}

function parseValue(value: string): unknown {
  const n = Number(value);
  return value !== '' && Number.isFinite(n) ? n : value;
}

function badValue(key: string, value: string, problem: string): ValidationError {
  return new ValidationError('simulate.vary', `--vary ${key}=${value}: ${problem}`, [{ path: key, problem }]);
}

function setPath(target: unknown, path: readonly string[], value: unknown, key: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (Array.isArray(target)) {
    const items =
      head === '*'
        ? target
        : target.filter(
            (item: unknown, i) => (item as { id?: unknown } | null)?.id === head || String(i) === head,
          );
    if (items.length === 0) throw badValue(key, String(value), `no item ${head} in that list`);
    for (const item of items) {
      if (rest.length === 0) throw badValue(key, String(value), 'names a list item, not a field');
      setPath(item, rest, value, key);
    }
    return;
  }
  if (typeof target !== 'object' || target === null)
    throw badValue(key, String(value), `${head}: not a field`);
  const record = target as Record<string, unknown>;
  if (rest.length === 0) {
    record[head] = value;
    return;
  }
  if (!(head in record)) throw badValue(key, String(value), `no field ${head}`);
  setPath(record[head], rest, value, key);
}
