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
import './stock.css';
import type { FourEyes, LocationUse } from './types.ts';

interface Destroyed {
  readonly rounds: number;
  readonly ssccs: readonly string[];
  readonly lots: readonly { lotNumber: string; location: string; rounds: number }[];
}

/**
 * Destroys a crate or pallet whole (by SSCC) or a lot's loose rounds, with a reason
 * (`POST /destructions`, quality, logistics and admin). Where the plant asks four eyes it waits for a
 * second person, whose request number is shown.
 *
 * @example
 * <DestroyStock locations={locations} lots={['HSP26A001-001']} onDone={reload} />
 */
export function DestroyStock({
  locations,
  lots,
  onDone,
}: {
  readonly locations: readonly LocationUse[];
  readonly lots: readonly string[];
  readonly onDone: () => void;
}) {
  const [what, setWhat] = useState<'unit' | 'loose'>('unit');
  const [sscc, setSscc] = useState('');
  const [lotNumber, setLot] = useState('');
  const [quantity, setQuantity] = useState('');
  const [location, setLocation] = useState('');
  const [reason, setReason] = useState('');
  const {
    busy,
    error,
    result: outcome,
    submit,
  } = useFormAction(async () => {
    const body =
      what === 'unit'
        ? { sscc, reason }
        : {
            lotNumber,
            quantity: quantity.trim() === '' ? quantity : Number(quantity),
            ...(location !== '' ? { location } : {}),
            reason,
          };
    const answer = await apiPost<FourEyes<Destroyed>>('/destructions', body);
    const said = `Destruction ${fourEyesNote(
      answer,
      (d) => `done: ${formatNumber(d.rounds)} rounds of ${d.lots.map((l) => l.lotNumber).join(', ')}`,
    )}`;
    onDone();
    return said;
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="destroy-stock">
      <h2 id="destroy-stock">Destroy rounds</h2>
      <fieldset className="choice">
        <legend>What is destroyed</legend>
        <label>
          <input
            type="radio"
            name="destroy-what"
            checked={what === 'unit'}
            onChange={() => setWhat('unit')}
          />{' '}
          a crate or pallet (SSCC)
        </label>
        <label>
          <input
            type="radio"
            name="destroy-what"
            checked={what === 'loose'}
            onChange={() => setWhat('loose')}
          />{' '}
          loose rounds of a lot
        </label>
      </fieldset>
      <div className="row">
        {what === 'unit' ? (
          <Field label="Crate or pallet (SSCC)" problem={fieldProblem(error, 'sscc')}>
            {(id) => (
              <input
                id={id}
                inputMode="numeric"
                size={20}
                value={sscc}
                onChange={(e) => setSscc(e.target.value.trim())}
                required
              />
            )}
          </Field>
        ) : (
          <>
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
            <Field label="Rounds" problem={fieldProblem(error, 'quantity')}>
              {(id) => (
                <input
                  id={id}
                  inputMode="numeric"
                  size={8}
                  value={quantity}
                  onChange={(e) => setQuantity(e.target.value)}
                  required
                />
              )}
            </Field>
            <Field
              label="Location"
              hint="blank: where most of its loose rounds are"
              problem={fieldProblem(error, 'location')}
            >
              {(id) => (
                <ChoiceSelect
                  id={id}
                  value={location}
                  blank="any"
                  choices={locations.map((l) => l.id)}
                  onPick={setLocation}
                />
              )}
            </Field>
          </>
        )}
        <Field label="Reason" problem={fieldProblem(error, 'reason')}>
          {(id) => (
            <input id={id} size={30} value={reason} onChange={(e) => setReason(e.target.value)} required />
          )}
        </Field>
        <Button type="submit" kind="danger" disabled={busy}>
          Destroy
        </Button>
      </div>
      <ErrorBox error={error} title="Destruction refused" />
      {outcome !== undefined && (
        <p className="ok-box" role="status">
          {outcome}
        </p>
      )}
    </form>
  );
}
