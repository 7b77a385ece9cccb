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
 * The server's first complaint about a field under any of `paths`: the field itself or one of its items
 * (`products[1]`). Input checks name a field by the body's name (`consigneeId`), rules sometimes by the
 * thing's (`consignee`); both belong beside the same control.
 *
 * @example
 * <Field label="Products" problem={problemUnder(error, 'products')}>…</Field>
 */
export function problemUnder(error: unknown, ...paths: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problems = error.details['problems'];
  if (!Array.isArray(problems)) return undefined;
  for (const item of problems as unknown[]) {
    const { path, problem } = (item ?? {}) as { path?: unknown; problem?: unknown };
    if (typeof path !== 'string' || typeof problem !== 'string') continue;
    const under = paths.find((p) => path === p || path.startsWith(`${p}[`));
    if (under !== undefined) return path === under ? problem : `${path}: ${problem}`;
  }
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
