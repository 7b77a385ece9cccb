import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, SuggestInput, useFormAction } from '../../app/ui/index.ts';
import { fieldProblem } from './answers.ts';
import { cratesInPlant } from './cratesOfLot.ts';

interface Pallet {
  readonly sscc: string;
  readonly productId: string;
  readonly locationId: string;
  readonly crates: readonly string[];
}

/**
 * Builds a pallet from crates at one location (`POST /pallets`, logistics and admin): the crates by
 * SSCC, or a lot's crates not yet on a pallet filled in. The server judges (one product, one location,
 * the pallet's size) and answers the new pallet's SSCC.
 *
 * @example
 * <BuildPallet lots={['HSP26A001-001']} onBuilt={reload} />
 */
export function BuildPallet({
  lots,
  onBuilt,
}: {
  readonly lots: readonly string[];
  readonly onBuilt: () => void;
}) {
  const [lotNumber, setLot] = useState('');
  const [crates, setCrates] = useState('');
  const {
    busy,
    error,
    result: built,
    submit,
    attempt,
  } = useFormAction(async () => {
    const pallet = await apiPost<Pallet>('/pallets', {
      crates: crates.split(/[\s,]+/).filter((s) => s !== ''),
    });
    onBuilt();
    return pallet;
  });

  function fill() {
    return attempt(async () => {
      const loose = (await cratesInPlant(lotNumber)).filter((c) => c.palletSscc === null);
      // A pallet stands in one place: take the crates where most of the lot's loose ones are.
      const byLocation = new Map<string, string[]>();
      for (const c of loose) byLocation.set(c.locationId, [...(byLocation.get(c.locationId) ?? []), c.sscc]);
      const most = [...byLocation.values()].sort((a, b) => b.length - a.length)[0] ?? [];
      setCrates(most.join('\n'));
    });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="build-pallet">
      <h2 id="build-pallet">Build a pallet</h2>
      <div className="row">
        <Field label="Lot" hint="fills in its crates not on a pallet">
          {(id) => (
            <SuggestInput id={id} options={lots} value={lotNumber} onChange={(e) => setLot(e.target.value)} />
          )}
        </Field>
        <Button kind="secondary" onClick={() => void fill()} disabled={lotNumber === ''}>
          Add the lot’s loose crates
        </Button>
      </div>
      <Field
        label="Crates (SSCCs)"
        hint="one per line, all at one location"
        problem={fieldProblem(error, 'crates', 'ssccs')}
      >
        {(id) => (
          <textarea id={id} rows={3} value={crates} onChange={(e) => setCrates(e.target.value)} required />
        )}
      </Field>
      <div className="actions">
        <Button type="submit" disabled={busy}>
          Build pallet
        </Button>
      </div>
      <ErrorBox error={error} title="Pallet refused" />
      {built && (
        <p className="ok-box" role="status">
          Pallet {built.sscc} built at {built.locationId}: {built.crates.length} crates of {built.productId}.
        </p>
      )}
    </form>
  );
}
