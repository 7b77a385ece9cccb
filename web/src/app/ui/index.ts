// The shared pieces every page builds with.
export { Button } from './Button.tsx';
export { ChoiceSelect, type Choice } from './ChoiceSelect.tsx';
export { ErrorBox, problemFor, detailItems } from './ErrorBox.tsx';
export { Field } from './Field.tsx';
export { Stat } from './Stat.tsx';
export { SuggestInput } from './SuggestInput.tsx';
export { Table, type Column } from './Table.tsx';
export { useApi, type Loaded } from './useApi.ts';
export { useFormAction, type FormAction } from './useFormAction.ts';
export { formatNumber, formatPercent, formatDateTime } from './format.ts';
