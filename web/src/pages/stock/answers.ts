import { ApiError } from '../../app/api.ts';
import { problemFor } from '../../app/ui/index.ts';
import type { FourEyes } from './types.ts';

/**
 * The server's complaint about one field: a `details.problems` item for it, or a "not found" that names
 * it (`no storage location X` carries `details.location`, `no crate …` carries `details.sscc`), so the
 * message shows beside the field at fault rather than only at the foot of the form.
 *
 * @example
 * <Field label="To" problem={fieldProblem(error, 'to', 'location')}>…</Field>
 */
export function fieldProblem(error: unknown, path: string, detailKey: string = path): string | undefined {
  const problem = problemFor(error, path);
  if (problem !== undefined) return problem;
  if (error instanceof ApiError && error.status === 404 && error.details[detailKey] !== undefined)
    return error.message;
  return undefined;
}

/**
 * What a four-eyes act answered, in words: done (described by `done`), or the request now waiting for a
 * second person.
 *
 * @example
 * fourEyesNote(answer, (r) => `${r.rounds} rounds destroyed`);
 */
export function fourEyesNote<T>(answer: FourEyes<T>, done: (result: T) => string): string {
  return answer.status === 'awaiting_approval'
    ? `waits for a second person: request ${answer.request.requestNumber} (Approvals page)`
    : done(answer.result);
}
