import { useId, type ReactNode } from 'react';

/**
 * A labelled form field. Give the control as a function of the id to put on it (the label points at it),
 * or as a plain element, which the label then wraps. `problem` shows the server's complaint about this
 * field in place (from an ApiError's `details.problems`, see `problemFor`).
 *
 * @example
 * <Field label="Quantity" problem={problemFor(error, 'quantity')}>
 *   {(id) => <input id={id} type="number" value={q} onChange={…} />}
 * </Field>
 */
export function Field({
  label,
  children,
  hint,
  problem,
}: {
  readonly label: string;
  readonly children: ReactNode | ((id: string) => ReactNode);
  readonly hint?: string;
  readonly problem?: string | undefined;
}) {
  const id = useId();
  if (typeof children === 'function')
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {children(id)}
        {hint !== undefined && <span className="hint">{hint}</span>}
        {problem !== undefined && (
          <span className="problem" role="alert">
            {problem}
          </span>
        )}
      </div>
    );
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {hint !== undefined && <span className="hint">{hint}</span>}
      {problem !== undefined && (
        <span className="problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
