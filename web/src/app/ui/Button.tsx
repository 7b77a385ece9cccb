import type { ButtonHTMLAttributes } from 'react';

/**
 * A button; `kind="secondary"` for the lesser action beside a main one. Defaults to `type="button"` so a
 * button inside a form submits only when it says so.
 *
 * @example
 * <Button onClick={verify}>Verify the ledger</Button>
 */
export function Button({
  kind = 'primary',
  type = 'button',
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { readonly kind?: 'primary' | 'secondary' | 'danger' }) {
  return <button type={type} className={`button button-${kind} ${className ?? ''}`.trim()} {...rest} />;
}
