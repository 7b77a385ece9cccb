import type { InputHTMLAttributes } from 'react';

/**
 * A text input that offers `options` as suggestions while still taking any text (an HTML datalist,
 * named after the input's id so that several forms on one page never share a list).
 *
 * @example
 * <Field label="Lot">{(id) => <SuggestInput id={id} options={lots} value={lot} onChange={…} />}</Field>
 */
export function SuggestInput({
  id,
  options,
  ...input
}: { readonly id: string; readonly options: readonly string[] } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'list'
>) {
  const listId = `${id}-options`;
  return (
    <>
      <input id={id} list={listId} {...input} />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option} value={option} />
        ))}
      </datalist>
    </>
  );
}
