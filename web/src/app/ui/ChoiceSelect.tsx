import type { SelectHTMLAttributes } from 'react';

/** One choice: a value shown as itself, or a value with a label of its own. */
export type Choice = string | { readonly value: string; readonly label: string };

/**
 * A select of fixed choices, with an empty first choice labelled `blank` when one is given ("choose…",
 * "any"); `onPick` is handed the chosen value.
 *
 * @example
 * <Field label="From">{(id) => <ChoiceSelect id={id} value={from} blank="choose…" choices={locationIds} onPick={setFrom} required />}</Field>
 */
export function ChoiceSelect({
  choices,
  blank,
  onPick,
  ...select
}: {
  readonly id: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly blank?: string;
  readonly onPick: (value: string) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <select {...select} onChange={(e) => onPick(e.target.value)}>
      {blank !== undefined && <option value="">{blank}</option>}
      {choices.map((choice) =>
        typeof choice === 'string' ? (
          <option key={choice}>{choice}</option>
        ) : (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ),
      )}
    </select>
  );
}
