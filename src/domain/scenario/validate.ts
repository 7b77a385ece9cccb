import { Value } from 'typebox/value';
import { ValidationError } from '../errors.ts';
import { checkAgainstSchema } from './check-schema.ts';
import { formatPath, type ScenarioProblem } from './path.ts';
import { checkReferences } from './references.ts';
import { Scenario } from './schema.ts';

/**
 * Every fault of a parsed scenario: schema faults first, then cross-reference faults. An empty
 * list means the value is a valid `Scenario`.
 *
 * @example
 * const problems = checkScenario(parsed);
 * for (const p of problems) console.log(`${formatPath(p.path)}: ${p.problem}`);
 */
export function checkScenario(value: unknown): ScenarioProblem[] {
  const problems = [...checkAgainstSchema(Scenario, value), ...checkReferences(value)];
  if (problems.length === 0 && !Value.Check(Scenario, value)) {
    // The walker understands a subset of JSON Schema; should TypeBox disagree, its word stands.
    for (const e of Value.Errors(Scenario, value))
      problems.push({ path: e.instancePath.split('/').slice(1), problem: e.message });
  }
  return problems;
}

/**
 * Checks a parsed scenario (from YAML or JSON) and returns it typed, or throws a
 * `ValidationError` (`scenario.invalid`) naming every fault at once.
 *
 * @example
 * import { parse } from 'yaml';
 * const scenario = validateScenario(parse(text));
 * console.log(scenario.plant.ratedOutputPerYear); // 70000000
 */
export function validateScenario(value: unknown): Scenario {
  const problems = checkScenario(value);
  if (problems.length > 0) {
    throw new ValidationError(
      'scenario.invalid',
      `scenario has ${problems.length} error${problems.length === 1 ? '' : 's'}`,
      problems.map((p) => ({ path: formatPath(p.path), problem: p.problem })),
    );
  }
  return value as Scenario;
}
