/**
 * Checks a value against a JSON Schema built with TypeBox and says, for every fault, where it is
 * and what is wrong in plain words (`must be > 0, got -5`). TypeBox's own checker decides
 * validity; this walker exists for the messages: one per fault, the offending value quoted,
 * unknown keys with the closest known key, and a tagged union judged by its `kind` alone.
 * It understands the subset of JSON Schema the scenario schema uses.
 */
import type { TSchema } from 'typebox';
import { closest, describeValue, type Path, type ScenarioProblem } from './path.ts';

/** The JSON Schema keywords the walker reads. */
interface Json {
  readonly type?: string;
  readonly properties?: Record<string, Json>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly patternProperties?: Record<string, Json>;
  readonly items?: Json;
  readonly minItems?: number;
  readonly anyOf?: readonly Json[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /** Our annotation: what a patterned string should look like, in words. */
  readonly expected?: string;
}

/**
 * Every fault of `value` against `schema`, in document order.
 *
 * @example
 * checkAgainstSchema(Line, { ratedRate: -5 }); // [{ path: ['ratedRate'], problem: 'must be > 0, got -5' }, ...]
 */
export function checkAgainstSchema(schema: TSchema, value: unknown, path: Path = []): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  walk(schema, value, path, problems);
  return problems;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(schema: Json, value: unknown, path: Path, out: ScenarioProblem[]): void {
  const add = (problem: string, at: Path = path): void => void out.push({ path: at, problem });
  if (schema.anyOf !== undefined) return walkUnion(schema.anyOf, value, path, out);
  if (schema.enum !== undefined) {
    if (!schema.enum.includes(value))
      add(`must be one of ${schema.enum.map(String).join(', ')}, got ${describeValue(value)}`);
    return;
  }
  if (schema.const !== undefined) {
    if (value !== schema.const) add(`must be ${describeValue(schema.const)}, got ${describeValue(value)}`);
    return;
  }
  switch (schema.type) {
    case 'object':
      return walkObject(schema, value, path, out);
    case 'array': {
      if (!Array.isArray(value)) return add(`must be a list, got ${describeValue(value)}`);
      if (schema.minItems !== undefined && value.length < schema.minItems)
        add(
          `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}, got ${value.length}`,
        );
      const items = schema.items;
      if (items !== undefined) value.forEach((item, i) => walk(items, item, [...path, i], out));
      return;
    }
    case 'string': {
      if (typeof value !== 'string')
        return add(`must be ${schema.expected ?? 'text'}, got ${describeValue(value)}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) return add('must not be empty');
      if (schema.maxLength !== undefined && value.length > schema.maxLength)
        return add(`must be at most ${schema.maxLength} characters, got ${value.length}`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value))
        add(`must be ${schema.expected ?? `text matching ${schema.pattern}`}, got ${describeValue(value)}`);
      return;
    }
    case 'number':
    case 'integer': {
      const whole = schema.type === 'integer';
      if (typeof value !== 'number' || !Number.isFinite(value))
        return add(`must be ${whole ? 'a whole number' : 'a number'}, got ${describeValue(value)}`);
      if (whole && !Number.isInteger(value)) return add(`must be a whole number, got ${value}`);
      if (schema.minimum !== undefined && value < schema.minimum)
        add(`must be >= ${schema.minimum}, got ${value}`);
      if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
        add(`must be > ${schema.exclusiveMinimum}, got ${value}`);
      if (schema.maximum !== undefined && value > schema.maximum)
        add(`must be <= ${schema.maximum}, got ${value}`);
      if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
        add(`must be < ${schema.exclusiveMaximum}, got ${value}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') add(`must be true or false, got ${describeValue(value)}`);
      return;
    default:
      return;
  }
}

function walkObject(schema: Json, value: unknown, path: Path, out: ScenarioProblem[]): void {
  if (!isMap(value)) {
    out.push({ path, problem: `must be a map, got ${describeValue(value)}` });
    return;
  }
  const properties = schema.properties ?? {};
  const known = Object.keys(properties);
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) out.push({ path: [...path, key], problem: 'is required but missing' });
  }
  const patterns = Object.entries(schema.patternProperties ?? {});
  for (const [key, child] of Object.entries(value)) {
    const property = properties[key];
    if (property !== undefined) {
      if (child !== undefined) walk(property, child, [...path, key], out);
      continue;
    }
    const byPattern = patterns.find(([pattern]) => new RegExp(pattern).test(key));
    if (byPattern !== undefined) {
      walk(byPattern[1], child, [...path, key], out);
      continue;
    }
    if (schema.additionalProperties === false) {
      const guess = closest(
        key,
        known.filter((k) => value[k] === undefined),
      );
      out.push({
        path: [...path, key],
        problem:
          guess !== undefined
            ? `unknown key (did you mean '${guess}'?)`
            : `unknown key; known keys here: ${known.join(', ')}`,
      });
    }
  }
}

/**
 * A union of literals is an enum; a union of maps tagged by `kind` is judged by the branch its
 * kind names; anything else passes if one branch passes, else reports the nearest branch.
 */
function walkUnion(branches: readonly Json[], value: unknown, path: Path, out: ScenarioProblem[]): void {
  const literals: unknown[] = branches.map((b) => b.const);
  const allLiterals = !literals.some((l) => l === undefined);
  if (allLiterals) {
    if (!literals.includes(value))
      out.push({
        path,
        problem: `must be one of ${literals.map((l) => String(l)).join(', ')}, got ${describeValue(value)}`,
      });
    return;
  }
  const tags: unknown[] = branches.map((b) => b.properties?.['kind']?.const);
  const tagged = !tags.some((t) => typeof t !== 'string');
  if (tagged) {
    const names = tags.map((t) => String(t));
    if (!isMap(value)) {
      out.push({
        path,
        problem: `must be a map with kind (${names.join(', ')}), got ${describeValue(value)}`,
      });
      return;
    }
    const index = tags.indexOf(value['kind']);
    const branch = branches[index];
    if (branch === undefined) {
      out.push({
        path: [...path, 'kind'],
        problem:
          value['kind'] === undefined
            ? `is required but missing (one of ${names.join(', ')})`
            : `must be one of ${names.join(', ')}, got ${describeValue(value['kind'])}`,
      });
      return;
    }
    walk(branch, value, path, out);
    return;
  }
  let best: ScenarioProblem[] | undefined;
  for (const branch of branches) {
    const found: ScenarioProblem[] = [];
    walk(branch, value, path, found);
    if (found.length === 0) return;
    if (best === undefined || found.length < best.length) best = found;
  }
  out.push(...(best ?? []));
}
