import { useState } from 'react';
import { apiPost } from '../../app/api.ts';
import { Button, ErrorBox, Field, problemFor, useFormAction } from '../../app/ui/index.ts';
import type { Study } from './types.ts';

/**
 * Starts a capacity study of the plant as the records hold it (`POST /simulations`) with the chosen
 * replications, horizon and seed; the server runs it in a worker thread.
 *
 * @example
 * <StartStudy onStarted={(id) => setOpen(id)} />
 */
export function StartStudy({ onStarted }: { readonly onStarted: (id: string) => void }) {
  const [replications, setReplications] = useState('20');
  const [horizonDays, setHorizon] = useState('90');
  const [seed, setSeed] = useState('');
  const { busy, error, submit } = useFormAction(async () => {
    const study = await apiPost<Study>('/simulations', {
      replications: Number(replications),
      horizonDays: Number(horizonDays),
      ...(seed !== '' ? { seed: Number(seed) } : {}),
    });
    onStarted(study.id);
  });

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="start-study">
      <h2 id="start-study">Run a capacity study</h2>
      <div className="row">
        <Field label="Replications" problem={problemFor(error, 'replications')}>
          {(id) => (
            <input
              id={id}
              type="number"
              value={replications}
              onChange={(e) => setReplications(e.target.value)}
            />
          )}
        </Field>
        <Field label="Horizon (days)" problem={problemFor(error, 'horizonDays')}>
          {(id) => (
            <input id={id} type="number" value={horizonDays} onChange={(e) => setHorizon(e.target.value)} />
          )}
        </Field>
        <Field label="Seed" hint="blank: the scenario’s" problem={problemFor(error, 'seed')}>
          {(id) => <input id={id} type="number" value={seed} onChange={(e) => setSeed(e.target.value)} />}
        </Field>
        <Button type="submit" disabled={busy}>
          Run study
        </Button>
      </div>
      <ErrorBox error={error} />
    </form>
  );
}
