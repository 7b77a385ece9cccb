import { Ajv, type Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const common: Options = {
  // Unknown fields are refused (schemas say additionalProperties: false), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // Report every field at fault at once; request bodies are bounded by bodyLimit, and checking stops early
  // enough on the rare monster body that this stays cheap.
  allErrors: true,
  strict: false,
};

/**
 * Request validation: bodies are checked strictly (a number sent as "5" is wrong), while path parameters
 * and query strings are text by nature and are coerced to the declared types.
 *
 * @example
 * fastify.setValidatorCompiler(validatorCompiler());
 */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  // ajv's own validate function is what Fastify expects: it reads `.errors` on failure, and passes the
  // parent so that coercion of a whole query string works.
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
