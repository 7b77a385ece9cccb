import fc from 'fast-check';

/**
 * fast-check arbitraries drawn from a route's JSON schema (the subset our TypeBox schemas use), and the
 * ways to break a valid value field by field. The fuzz test sends both: values the schema accepts (which
 * then reach the use case) and values broken at a known field (which must be refused naming it).
 *
 * @example
 * const body = fc.sample(arbitraryFor(route.schema.body), 1)[0];
 * const broken = breakages(route.schema.body, body); // [{ path: 'quantity', value: {...} }, ...]
 */
type Schema = Record<string, unknown>;

const sub = (schema: Schema, key: string): Schema => (schema[key] ?? {}) as Schema;

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = Math.min(typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 40, 40);
  switch (schema['format']) {
    case 'date-time':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    default:
      break;
  }
  if (typeof schema['pattern'] === 'string') {
    // Our only pattern is "printable ASCII, no space"; others are left to fast-check.
    if (schema['pattern'] === '^[\\x21-\\x7e]+$')
      return fc
        .string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
          minLength: Math.max(1, minLength),
          maxLength,
        })
        .filter((s) => s.length >= minLength);
    return fc.stringMatching(new RegExp(schema['pattern']));
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc
      .constantFrom('ball-ps', 'tracer-t', 'army', 'police', 'L1', 'L2', 'admin', 'petra')
      .filter((s) => s.length >= minLength && s.length <= maxLength),
  );
}

/** Values the schema accepts (as far as its shape goes). */
export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['anyOf'])) return fc.oneof(...(schema['anyOf'] as Schema[]).map(arbitraryFor));
  switch (schema['type']) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number': {
      const min = typeof schema['minimum'] === 'number' ? schema['minimum'] : -1_000_000;
      const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : 1_000_000;
      return fc.oneof(
        fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }),
        fc.constantFrom(min, Math.min(max, Number.MAX_SAFE_INTEGER)),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      return fc.array(arbitraryFor(sub(schema, 'items')), { minLength, maxLength: Math.max(minLength, 4) });
    }
    case 'object': {
      const properties = sub(schema, 'properties') as Record<string, Schema>;
      const required = new Set((schema['required'] as string[] | undefined) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = arbitraryFor(value);
      const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
      return fc.record(record, { requiredKeys });
    }
    default:
      return fc.jsonValue();
  }
}

/** A value broken at one field, and the field's path as errors name it (`events[0].processed`). */
export interface Breakage {
  readonly path: string;
  readonly value: unknown;
}

/** A value of the wrong type for this schema, if the schema has a type to be wrong about. */
function wrongTyped(schema: Schema): { readonly value: unknown } | undefined {
  if (Array.isArray(schema['enum'])) return { value: 'zz-not-one-of-them' };
  switch (schema['type']) {
    case 'string':
      return { value: 12345 };
    case 'integer':
    case 'number':
      return { value: 'twelve' };
    case 'boolean':
      return { value: 'yes' };
    case 'array':
      return { value: { not: 'an array' } };
    case 'object':
      return { value: ['not', 'an', 'object'] };
    default:
      return undefined;
  }
}

const join = (base: string, key: string | number): string =>
  typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`;

/**
 * Every way to break `value` at one field: a wrong type, a string past its length, a missing required
 * field, an unknown field. Each comes with the path the refusal must name.
 */
export function breakages(schema: Schema, value: unknown, path = ''): Breakage[] {
  const out: Breakage[] = [];
  if (schema['type'] === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const properties = sub(schema, 'properties') as Record<string, Schema>;
    const required = (schema['required'] as string[] | undefined) ?? [];
    if (schema['additionalProperties'] === false)
      out.push({ path: join(path, 'zzUnknownField'), value: { ...obj, zzUnknownField: 1 } });
    for (const key of required) {
      const { [key]: _dropped, ...rest } = obj;
      out.push({ path: join(path, key), value: rest });
    }
    for (const [key, propSchema] of Object.entries(properties)) {
      if (!(key in obj)) continue;
      const wrong = wrongTyped(propSchema);
      if (wrong !== undefined) out.push({ path: join(path, key), value: { ...obj, [key]: wrong.value } });
      if (propSchema['type'] === 'string' && typeof propSchema['maxLength'] === 'number')
        out.push({
          path: join(path, key),
          value: { ...obj, [key]: 'x'.repeat(propSchema['maxLength'] + 1) },
        });
      for (const inner of breakages(propSchema, obj[key], join(path, key)))
        out.push({ path: inner.path, value: { ...obj, [key]: inner.value } });
    }
  } else if (schema['type'] === 'array' && Array.isArray(value) && value.length > 0) {
    const items = value as unknown[];
    for (const inner of breakages(sub(schema, 'items'), items[0], join(path, 0)))
      out.push({ path: inner.path, value: [inner.value, ...items.slice(1)] });
  }
  return out;
}
