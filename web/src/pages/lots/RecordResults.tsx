import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, problemFor, useFormAction } from '../../app/ui/index.ts';
import type { ClassPlan } from './types.ts';

interface Recorded {
  readonly judgement: {
    readonly accepted: boolean;
    readonly classes: readonly {
      defectClass: string;
      defects: number;
      ac: number;
      re: number;
      verdict: string;
    }[];
  };
  readonly next: { readonly switched?: { from: string; to: string; rule: string } };
}

/**
 * Records the lot's sample results, one row per defect class of the plan (inspected defaults to its
 * n), and shows the judgement the server made of them, or its refusal, in place.
 *
 * @example
 * <RecordResults lotNumber="HSP26A001-001" classes={plan.classes} onRecorded={reload} />
 */
export function RecordResults({
  lotNumber,
  classes,
  onRecorded,
}: {
  readonly lotNumber: string;
  readonly classes: readonly ClassPlan[];
  readonly onRecorded: () => void;
}) {
  const [inspected, setInspected] = useState<Record<string, string>>(() =>
    Object.fromEntries(classes.map((c) => [c.defectClass, String(c.n)])),
  );
  const [defects, setDefects] = useState<Record<string, string>>({});
  const { busy, error, result, submit } = useFormAction(
    async () => {
      const answer = await apiPost<Recorded>(`/lots/${encodeURIComponent(lotNumber)}/inspection`, {
        results: classes.map((c) => ({
          defectClass: c.defectClass,
          inspected: Number(inspected[c.defectClass] ?? c.n),
          defects: Number(defects[c.defectClass] ?? ''),
        })),
      });
      onRecorded();
      return answer;
    },
    { keepResult: true },
  );

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="record-results">
      <h2 id="record-results">Record sample results</h2>
      {classes.map((c, i) => (
        <fieldset key={c.defectClass} className="row">
          <legend>
            {c.defectClass} (n {c.n}, Ac {c.ac}, Re {c.re})
          </legend>
          <Field label={`${c.defectClass}: inspected`} problem={problemFor(error, `results[${i}].inspected`)}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                value={inspected[c.defectClass] ?? ''}
                onChange={(e) => setInspected({ ...inspected, [c.defectClass]: e.target.value })}
              />
            )}
          </Field>
          <Field label={`${c.defectClass}: defects`} problem={problemFor(error, `results[${i}].defects`)}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                required
                value={defects[c.defectClass] ?? ''}
                onChange={(e) => setDefects({ ...defects, [c.defectClass]: e.target.value })}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          Record results
        </Button>
      </div>
      <ErrorBox error={error} />
      {result && (
        <div className={result.judgement.accepted ? 'ok-box' : 'error-box'} role="status">
          <strong>{result.judgement.accepted ? 'Lot accepted' : 'Lot not accepted'}</strong>
          <ul>
            {result.judgement.classes.map((c) => (
              <li key={c.defectClass}>
                {c.defectClass}: {c.defects} defects (Ac {c.ac}, Re {c.re}): {c.verdict}
              </li>
            ))}
            {result.next.switched && (
              <li>
                inspection switches from {result.next.switched.from} to {result.next.switched.to} (
                {result.next.switched.rule})
              </li>
            )}
          </ul>
        </div>
      )}
    </form>
  );
}
