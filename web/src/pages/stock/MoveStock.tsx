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
import { fieldProblem } from './answers.ts';
import { looseForms } from './choices.ts';
import './stock.css';
import { cratesInPlant, type CrateInPlant } from './cratesOfLot.ts';
import type { LocationUse } from './types.ts';

interface Moved {
  readonly from: string;
  readonly to: string;
  readonly ssccs: readonly string[];
  readonly lotNumbers: readonly string[];
  readonly rounds: number;
}

/**
 * Moves a crate or pallet whole (by SSCC) or a lot's loose rounds or boxes to another location
 * (`POST /stock/moves`, logistics and admin). The server judges the move: a refusal lists each failed
 * condition (the target's limit, the hazard divisions it may hold, the lot statuses it takes) in place.
 *
 * @example
 * <MoveStock locations={locations} lots={['HSP26A001-001']} onMoved={reload} />
 */
export function MoveStock({
  locations,
  lots,
  onMoved,
}: {
  readonly locations: readonly LocationUse[];
  readonly lots: readonly string[];
  readonly onMoved: () => void;
}) {
  const [what, setWhat] = useState<'unit' | 'loose'>('unit');
  const [lotNumber, setLot] = useState('');
  const [crates, setCrates] = useState<readonly CrateInPlant[]>([]);
  const [sscc, setSscc] = useState('');
  const [form, setForm] = useState<'round' | 'box'>('round');
  const [quantity, setQuantity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const {
    busy,
    error,
    result: moved,
    submit,
    attempt,
  } = useFormAction(async () => {
    const body =
      what === 'unit'
        ? { sscc, to }
        : { lotNumber, form, quantity: quantity.trim() === '' ? quantity : Number(quantity), from, to };
    const answer = await apiPost<Moved>('/stock/moves', body);
    onMoved();
    if (what === 'unit' && lotNumber !== '') void listCrates();
    return answer;
  });

  function listCrates(): Promise<void> {
    return attempt(async () => setCrates(await cratesInPlant(lotNumber)));
  }

  const units = [...new Map(crates.map((c) => [c.palletSscc ?? c.sscc, c])).entries()];
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="move-stock">
      <h2 id="move-stock">Move stock</h2>
      <fieldset className="choice">
        <legend>What moves</legend>
        <label>
          <input type="radio" name="move-what" checked={what === 'unit'} onChange={() => setWhat('unit')} /> a
          crate or pallet (SSCC)
        </label>
        <label>
          <input type="radio" name="move-what" checked={what === 'loose'} onChange={() => setWhat('loose')} />{' '}
          loose rounds or boxes of a lot
        </label>
      </fieldset>
      <div className="row">
        <Field label="Lot" hint="lots in stock" problem={fieldProblem(error, 'lotNumber')}>
          {(id) => (
            <SuggestInput id={id} options={lots} value={lotNumber} onChange={(e) => setLot(e.target.value)} />
          )}
        </Field>
        {what === 'unit' ? (
          <>
            <Button kind="secondary" onClick={() => void listCrates()} disabled={lotNumber === ''}>
              List the lot’s crates
            </Button>
            <Field
              label="Crate or pallet (SSCC)"
              hint={crates.length > 0 ? `${units.length} units of the lot in the plant` : '18 digits'}
              problem={fieldProblem(error, 'sscc')}
            >
              {(id) => (
                <>
                  <input
                    id={id}
                    list="move-units"
                    value={sscc}
                    inputMode="numeric"
                    size={20}
                    onChange={(e) => setSscc(e.target.value.trim())}
                    required
                  />
                  <datalist id="move-units">
                    {units.map(([unit, c]) => (
                      <option key={unit} value={unit}>
                        {c.palletSscc !== null ? 'pallet' : 'crate'} at {c.locationId}
                      </option>
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </>
        ) : (
          <>
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
            <Field label="Quantity" problem={fieldProblem(error, 'quantity')}>
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
            <Field label="From" problem={fieldProblem(error, 'from')}>
              {(id) => (
                <ChoiceSelect
                  id={id}
                  value={from}
                  blank="choose…"
                  choices={locations.map((l) => l.id)}
                  onPick={setFrom}
                  required
                />
              )}
            </Field>
          </>
        )}
        <Field label="To" problem={fieldProblem(error, 'to', 'location')}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={to}
              blank="choose…"
              choices={locations.map((l) => ({
                value: l.id,
                label: `${l.id} (${l.kind}, ${formatNumber(Math.round(l.occupancy))} of ${formatNumber(l.limitCrates)})`,
              }))}
              onPick={setTo}
              required
            />
          )}
        </Field>
        <Button type="submit" disabled={busy}>
          Move
        </Button>
      </div>
      <ErrorBox error={error} title="Move refused" />
      {moved && (
        <p className="ok-box" role="status">
          Moved {formatNumber(moved.rounds)} rounds of {moved.lotNumbers.join(', ')} from {moved.from} to{' '}
          {moved.to}
          {moved.ssccs.length > 0 && ` (${moved.ssccs.length} crate${moved.ssccs.length > 1 ? 's' : ''})`}.
        </p>
      )}
    </form>
  );
}
