import { ApiError } from '../api.ts';

interface FieldProblem {
  readonly path: string;
  readonly problem: string;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { path?: unknown }).path === 'string' &&
    typeof (value as { problem?: unknown }).problem === 'string'
  );
}

function itemText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isFieldProblem(value)) return `${value.path}: ${value.problem}`;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string'
  )
    return (value as { message: string }).message;
  return JSON.stringify(value);
}

/** Each item of an error's details, in words: problems, reasons, then anything else the server sent. */
export function detailItems(error: ApiError): string[] {
  const items: string[] = [];
  for (const [key, value] of Object.entries(error.details)) {
    if (Array.isArray(value)) for (const item of value as unknown[]) items.push(itemText(item));
    else if (value !== undefined && value !== null) items.push(`${key}: ${itemText(value)}`);
  }
  return items;
}

/**
 * The server's complaint about one field, if it made one (`details.problems[].path`), to show beside it.
 *
 * @example
 * <Field label="Quantity" problem={problemFor(error, 'quantity')}>…</Field>
 */
export function problemFor(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problems = error.details['problems'];
  if (!Array.isArray(problems)) return undefined;
  const found = (problems as unknown[]).find((p) => isFieldProblem(p) && p.path === path);
  return isFieldProblem(found) ? found.problem : undefined;
}

/**
 * Shows a failure in place: an ApiError's message and each of its details (the fields at fault, the
 * reasons for a refusal); anything else by its message. Nothing when there is no error.
 *
 * @example
 * const [error, setError] = useState<unknown>();
 * <ErrorBox error={error} />
 */
export function ErrorBox({ error, title }: { readonly error: unknown; readonly title?: string }) {
  if (error === undefined || error === null) return null;
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  const items = error instanceof ApiError ? detailItems(error) : [];
  return (
    <div className="error-box" role="alert">
      <strong>{title ?? 'Refused'}</strong> <span className="error-message">{message}</span>
      {error instanceof ApiError && error.code !== '' && <code className="error-code">{error.code}</code>}
      {items.length > 0 && (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
