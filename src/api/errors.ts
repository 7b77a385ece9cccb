import type { FastifyError } from 'fastify';
import { Type, type Static } from 'typebox';
import { HeadstampError, ValidationError, type ErrorKind, type FieldProblem } from '../domain/errors.ts';

/**
 * The one place where failures become HTTP responses. Every error body is `{code, message, details}`;
 * the status follows the error's kind, never its wording.
 *
 * @example
 * const { status, body } = toErrorResponse(new NotFoundError('lot.not_found', 'no lot L-1'));
 * // status 404, body { code: 'lot.not_found', message: 'no lot L-1', details: {} }
 */
export const ErrorBody = Type.Object(
  {
    code: Type.String({ description: 'Stable machine-readable code, e.g. `lot.not_found`' }),
    message: Type.String({ description: 'What went wrong, naming the field and the problem' }),
    details: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'Structured details: `problems` [{path, problem}] for invalid input, `reasons` for refusals',
    }),
  },
  { $id: 'Error', title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
}

/** HTTP status by kind of error. */
export function statusFor(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'refused':
      return 422;
    case 'unavailable':
      return 503;
  }
}

/** The error statuses a route can answer with, for its OpenAPI responses. */
export const errorStatuses = [400, 401, 403, 404, 409, 413, 415, 422, 429, 503] as const;

/** Problems beyond this many are left out of one answer: a huge bad body must not make a huge reply. */
export const maxProblems = 50;

/** An ajv error as Fastify hands it over on a failed schema check. */
interface SchemaProblem {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** `/lines/2/rate` → `lines[2].rate`, the way the rest of Headstamp names fields. */
export function fieldPath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined && extra !== '') parts.push(extra);
  let out = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One ajv error as a {path, problem}; the path always names the field at fault. */
export function problemFromSchema(problem: SchemaProblem, part: string): FieldProblem {
  const params = problem.params ?? {};
  const pointer = problem.instancePath ?? '';
  const missing = params['missingProperty'];
  const unknown = params['additionalProperty'];
  if (typeof missing === 'string')
    return { path: fieldPath(pointer, missing) || part, problem: 'is required' };
  if (typeof unknown === 'string')
    return { path: fieldPath(pointer, unknown) || part, problem: 'is not a known field' };
  return { path: fieldPath(pointer) || part, problem: problem.message ?? 'is not valid' };
}

/**
 * Runs `work`, and names `field` in any problem that names no field of its own: a use case that checks
 * a whole document (a scenario file's text) speaks of the document, and over HTTP that is one field of
 * the body.
 *
 * @example
 * await inField('source', () => setUpPlant(app, user, { source: body.source }));
 */
export async function inField<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError && error.problems.some((p) => p.path === ''))
      throw new ValidationError(
        error.code,
        error.message,
        error.problems.map((p) => (p.path === '' ? { ...p, path: field } : p)),
        Object.fromEntries(Object.entries(error.details).filter(([k]) => k !== 'problems')),
      );
    throw error;
  }
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Fastify's own request errors (body too large, bad JSON, ...): their status, our shape. */
const fastifyCodes: Readonly<Record<string, { code: string; field?: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', field: 'body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.media_type', field: 'content-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.content_length', field: 'content-length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.empty_body', field: 'body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.malformed_json', field: 'body' },
  FST_ERR_BAD_URL: { code: 'request.bad_url', field: 'url' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'request.bad_url', field: 'url' },
};

/**
 * Any thrown value → status and body. Unknown errors become 500 with no internals in the body;
 * the caller logs them.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof HeadstampError) {
    return {
      status: statusFor(error.kind),
      body: { code: error.code, message: error.message, details: { ...error.details } },
    };
  }
  if (isFastifyError(error)) {
    const validation = (error as { validation?: unknown }).validation;
    if (Array.isArray(validation)) {
      const part = (error as { validationContext?: string }).validationContext ?? 'body';
      const problems = (validation as SchemaProblem[])
        .slice(0, maxProblems)
        .map((p) => problemFromSchema(p, part));
      const first = problems[0];
      const summary =
        first === undefined
          ? `${part} is not valid`
          : `${part === 'body' ? '' : `${part}.`}${first.path}: ${first.problem}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more)` : '');
      return {
        status: 400,
        body: { code: 'request.invalid', message: summary, details: { part, problems } },
      };
    }
    const known = fastifyCodes[error.code];
    const status = error.statusCode ?? 500;
    if (known !== undefined || (status >= 400 && status < 500)) {
      const code = known?.code ?? (status === 429 ? 'request.rate_limited' : `request.${status}`);
      const problems = known?.field === undefined ? [] : [{ path: known.field, problem: error.message }];
      return {
        status,
        body: { code, message: error.message, details: problems.length > 0 ? { problems } : {} },
      };
    }
  }
  if (error instanceof SyntaxError) {
    return {
      status: 400,
      body: {
        code: 'request.malformed_json',
        message: error.message,
        details: { problems: [{ path: 'body', problem: error.message }] },
      },
    };
  }
  return { status: 500, body: { code: 'internal', message: 'internal error', details: {} } };
}
