/**
 * The plant scenario: schema, types, checks and the `extends` merge.
 *
 * @example
 * import { validateScenario, type Scenario } from '../domain/scenario/index.ts';
 * const scenario: Scenario = validateScenario(parsed);
 */
export * from './schema.ts';
export { checkScenario, validateScenario } from './validate.ts';
export { mergeScenario } from './merge.ts';
export { formatPath, type Path, type PathSegment, type ScenarioProblem } from './path.ts';
export { isCalendarDate, minutesOfDay, UN_DIVISIONS } from './rules.ts';
export { exampleScenario } from './example.ts';
