import { Ajv, type ErrorObject } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { TSchema } from 'typebox';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));

/**
 * The problems of a real response body against a route's declared response schema (empty: it conforms).
 * Route tests use it so that a closed schema and what the use case returns cannot drift apart: the
 * serializer would silently drop a field the schema does not list.
 *
 * @example
 * expect(responseProblems(StartedTest, res.json())).toEqual([]);
 */
export function responseProblems(schema: TSchema, body: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}
