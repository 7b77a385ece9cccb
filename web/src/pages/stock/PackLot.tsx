import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import {
  Button,
  ErrorBox,
  Field,
  formatNumber,
  problemFor,
  SuggestInput,
  useFormAction,
} from '../../app/ui/index.ts';

interface Packed {
  readonly lotNumber: string;
  readonly location: string;
  readonly boxesFilled: number;
  readonly crates: readonly { sscc: string }[];
  readonly looseRounds: number;
  readonly looseBoxes: number;
}

/**
 * Packs a released lot's loose rounds into boxes and crates (`POST /lots/{lot}/packing`); offers the
 * lots with loose stock, and shows the crates made (with their SSCCs) or the refusal in place.
 *
 * @example
 * <PackLot lots={['HSP26A001-001']} onPacked={stock.reload} />
 */
export function PackLot({
  lots,
  onPacked,
}: {
  readonly lots: readonly string[];
  readonly onPacked: () => void;
}) {
  const [lotNumber, setLot] = useState('');
  const {
    busy,
    error,
    result: packed,
    submit,
  } = useFormAction(async () => {
    const answer = await apiPost<Packed>(`/lots/${encodeURIComponent(lotNumber)}/packing`, {});
    onPacked();
    return answer;
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="pack-lot">
      <h2 id="pack-lot">Pack a lot</h2>
      <div className="row">
        <Field label="Lot" hint="lots with loose rounds or boxes" problem={problemFor(error, 'lotNumber')}>
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
        <Button type="submit" disabled={busy || lotNumber === ''}>
          Pack into boxes and crates
        </Button>
      </div>
      <ErrorBox error={error} />
      {packed && (
        <p className="ok-box" role="status">
          {packed.lotNumber} at {packed.location}: {formatNumber(packed.boxesFilled)} boxes filled,{' '}
          {packed.crates.length} crates
          {packed.crates.length > 0 &&
            ` (${packed.crates
              .slice(0, 3)
              .map((c) => c.sscc)
              .join(', ')}${packed.crates.length > 3 ? ', …' : ''})`}
          ; {formatNumber(packed.looseRounds)} rounds and {packed.looseBoxes} boxes left loose.
        </p>
      )}
    </form>
  );
}
