import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import {
  Button,
  ChoiceSelect,
  ErrorBox,
  Field,
  formatNumber,
  SuggestInput,
  useFormAction,
} from '../../app/ui/index.ts';
import { fieldProblem, fourEyesNote } from './answers.ts';
import { looseForms } from './choices.ts';
import type { FourEyes, LocationUse } from './types.ts';

interface Counted {
  readonly locationId: string;
  readonly recorded: number;
  readonly counted: number;
  readonly delta: number;
}

/** Suggestions only: the server holds the list of reasons and names it when one is wrong. */
const reasonHints = ['miscount', 'damaged', 'found', 'missing', 'other'];

/**
 * Records a physical count of a lot's loose rounds or boxes at one location (`POST /stock/counts`,
 * logistics and admin). A count that matches is recorded at once; a difference needs a reason and,
 * where the plant asks four eyes, waits for a second person, whose request number is shown.
 *
 * @example
 * <CountStock locations={locations} lots={['HSP26A001-001']} onCounted={reload} />
 */
export function CountStock({
  locations,
  lots,
  onCounted,
}: {
  readonly locations: readonly LocationUse[];
  readonly lots: readonly string[];
  readonly onCounted: () => void;
}) {
  const [location, setLocation] = useState('');
  const [lotNumber, setLot] = useState('');
  const [form, setForm] = useState<'round' | 'box'>('round');
  const [counted, setCounted] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const {
    busy,
    error,
    result: outcome,
    submit,
  } = useFormAction(async () => {
    const answer = await apiPost<FourEyes<Counted>>('/stock/counts', {
      location,
      lotNumber,
      form,
      counted: counted.trim() === '' ? counted : Number(counted),
      ...(reason !== '' ? { reason } : {}),
      ...(note.trim() !== '' ? { note } : {}),
    });
    const said = `Count of ${lotNumber} at ${location}: ${fourEyesNote(answer, (c) =>
      c.delta === 0
        ? `matches the records (${formatNumber(c.counted)})`
        : `records adjusted from ${formatNumber(c.recorded)} to ${formatNumber(c.counted)}`,
    )}`;
    onCounted();
    return said;
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="count-stock">
      <h2 id="count-stock">Record a physical count</h2>
      <div className="row">
        <Field label="Location" problem={fieldProblem(error, 'location')}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={location}
              blank="choose…"
              choices={locations.map((l) => l.id)}
              onPick={setLocation}
              required
            />
          )}
        </Field>
        <Field label="Lot" problem={fieldProblem(error, 'lotNumber')}>
          {(id) => (
            <SuggestInput
              id={id}
              options={lots}
              value={lotNumber}
              onChange={(e) => setLot(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Form" problem={fieldProblem(error, 'form')}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={form}
              choices={looseForms}
              onPick={(v) => setForm(v === 'box' ? 'box' : 'round')}
            />
          )}
        </Field>
        <Field label="Counted" problem={fieldProblem(error, 'counted')}>
          {(id) => (
            <input
              id={id}
              inputMode="numeric"
              size={8}
              value={counted}
              onChange={(e) => setCounted(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          label="Reason for a difference"
          hint="blank if it matches"
          problem={fieldProblem(error, 'reason')}
        >
          {(id) => (
            <SuggestInput
              id={id}
              options={reasonHints}
              value={reason}
              size={10}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note" problem={fieldProblem(error, 'note')}>
          {(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Button type="submit" disabled={busy}>
          Record count
        </Button>
      </div>
      <ErrorBox error={error} title="Count refused" />
      {outcome !== undefined && (
        <p className="ok-box" role="status">
          {outcome}
        </p>
      )}
    </form>
  );
}
