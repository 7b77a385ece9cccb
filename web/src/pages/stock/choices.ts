import type { Choice } from '../../app/ui/index.ts';

/** What loose stock is counted in: rounds, or whole boxes. */
export const looseForms: readonly Choice[] = [
  { value: 'round', label: 'rounds' },
  { value: 'box', label: 'boxes' },
];
