/**
 * Validation of EPCIS 2.0 JSON(-LD) documents against GS1's JSON Schema (draft-07, kept in
 * `src/ledger/data/` with GS1's disclaimer), with ajv and ajv-formats.
 *
 * The schema chooses an event's rules by its `type` through `if`/`then` and `anyOf`, so ajv's raw
 * errors come in bundles (one per branch tried). They are boiled down here to one problem per
 * field, each naming its event by place in the list and eventID, e.g.
 * `epcisBody.eventList[3].bizStep (eventID urn:uuid:...): must be a CBV word or a URI`.
 *
 * @example
 * const problems = validateEpcisDocument(JSON.parse(text));
 * if (problems.length > 0) throw epcisInvalid(problems);
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ValidationError, type FieldProblem } from '../../domain/errors.ts';

/** One thing wrong with a document: where (event and field) and what. */
export interface EpcisProblem {
  /** Place of the event in `epcisBody.eventList` (or the query results' list), when in an event. */
  readonly eventIndex?: number;
  readonly eventID?: string;
  /** Field path from the document root, dotted (`epcisBody.eventList[3].quantityList[0].uom`). */
  readonly path: string;
  readonly problem: string;
}

/** Where the schema, context and GS1 notice are kept. */
export const EPCIS_DATA_DIR = join(import.meta.dirname, '..', 'data');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(join(EPCIS_DATA_DIR, 'EPCIS-JSON-Schema.json'), 'utf8')) as object;
    // The schema uses keywords and formats ajv's strict mode frowns on; it is GS1's, kept as published.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
    // ajv-formats ships CommonJS: its default export arrives wrapped under ESM.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
      addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

const EVENT_PATH =
  /^\/(?:epcisBody\/eventList|epcisBody\/queryResults\/resultsBody\/eventList)\/(\d+)(\/.*)?$/;

function dotted(pointer: string): string {
  if (pointer === '') return '(document)';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`),
      '',
    );
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).slice(0, 8).join(', ')}${(params['allowedValues'] as unknown[]).length > 8 ? ', ...' : ''}`;
    case 'required':
      return 'is required but missing';
    case 'additionalProperties':
      return 'is not a field allowed here';
    case 'propertyNames':
      return 'is neither an EPCIS field nor an extension named by a URI or CURIE';
    case 'format':
      return `must be a valid ${String(params['format'])}`;
    default:
      return error.message ?? error.keyword;
  }
}

// Errors that only say "a branch failed" are noise next to the branch's own errors.
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/** Problems of an EPCIS document; an empty list means valid. */
export function validateEpcisDocument(doc: unknown): EpcisProblem[] {
  const validate = validator();
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword));
  const chosen = specific.length > 0 ? specific : errors;
  const eventList = eventsOf(doc);
  // A field failing an anyOf of alternatives (a CBV word, or a URI) reports once per
  // alternative: those are joined into one problem per field.
  const byPath = new Map<string, { pointer: string; problems: string[] }>();
  for (const error of chosen) {
    const params = error.params as {
      propertyName?: string;
      missingProperty?: string;
      additionalProperty?: string;
    };
    const field = params.propertyName ?? params.missingProperty ?? params.additionalProperty;
    const pointer = field === undefined ? error.instancePath : `${error.instancePath}/${field}`;
    const problem = describe(error);
    const entry = byPath.get(pointer) ?? { pointer, problems: [] };
    if (!entry.problems.includes(problem)) entry.problems.push(problem);
    byPath.set(pointer, entry);
  }
  const problems: EpcisProblem[] = [];
  for (const { pointer, problems: messages } of byPath.values()) {
    const match = EVENT_PATH.exec(pointer);
    const eventIndex = match?.[1] === undefined ? undefined : Number(match[1]);
    const event = eventIndex === undefined ? undefined : eventList[eventIndex];
    const eventID =
      typeof event === 'object' && event !== null ? (event as { eventID?: unknown }).eventID : undefined;
    problems.push({
      ...(eventIndex === undefined ? {} : { eventIndex }),
      ...(typeof eventID === 'string' ? { eventID } : {}),
      path: dotted(pointer),
      problem: messages.join(', or '),
    });
  }
  return dropParents(problems);
}

/** When a field and one of its own sub-fields both fail, the sub-field says more. */
function dropParents(problems: EpcisProblem[]): EpcisProblem[] {
  return problems.filter(
    (p) =>
      !problems.some(
        (q) =>
          q !== p &&
          q.path !== p.path &&
          (q.path.startsWith(`${p.path}.`) || q.path.startsWith(`${p.path}[`)),
      ),
  );
}

function eventsOf(doc: unknown): unknown[] {
  const body = (
    doc as { epcisBody?: { eventList?: unknown; queryResults?: { resultsBody?: { eventList?: unknown } } } }
  )?.epcisBody;
  const list = body?.eventList ?? body?.queryResults?.resultsBody?.eventList;
  return Array.isArray(list) ? (list as unknown[]) : [];
}

/** One problem as a line: event, field, what. */
export function formatEpcisProblem(p: EpcisProblem): string {
  const event =
    p.eventIndex === undefined
      ? ''
      : ` (event ${p.eventIndex}${p.eventID === undefined ? '' : `, eventID ${p.eventID}`})`;
  return `${p.path}${event}: ${p.problem}`;
}

/** The ValidationError for an invalid document, each problem naming event and field. */
export function epcisInvalid(problems: readonly EpcisProblem[], source = 'document'): ValidationError {
  const fieldProblems: FieldProblem[] = problems.map((p) => ({
    path:
      p.eventIndex === undefined
        ? p.path
        : `${p.path} (event ${p.eventIndex}${p.eventID === undefined ? '' : `, ${p.eventID}`})`,
    problem: p.problem,
  }));
  return new ValidationError(
    'epcis.invalid',
    `${source} is not a valid EPCIS 2.0 document: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    fieldProblems,
    { epcisProblems: problems },
  );
}
