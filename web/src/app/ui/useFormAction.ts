import { useState, type FormEvent } from 'react';

/** An act a form asks of the server: whether it is under way, its refusal, and its last answer. */
export interface FormAction<T, A extends readonly unknown[]> {
  readonly busy: boolean;
  readonly error: unknown;
  readonly result: T | undefined;
  /** For a button outside a form; never rejects, the refusal lands in `error`. */
  readonly run: (...args: A) => Promise<void>;
  /** For `onSubmit`: the browser's own submit (a page load) is stopped, then the act runs. */
  readonly submit: (event: FormEvent, ...args: A) => void;
  /**
   * A lesser step of the same form (filling in a lot's crates): its failure shows where the act's would,
   * but it leaves the act's button and answer as they are.
   */
  readonly attempt: (step: () => Promise<void>) => Promise<void>;
}

/**
 * Runs `action` for a form: busy while it runs, the last refusal cleared before each try and kept after
 * a failed one for `ErrorBox` and the fields' problems, and what the action returned as `result`. The
 * last result is cleared before each try too, so a stale answer never stands beside a new refusal,
 * unless `keepResult` (an answer that stays in view until the next one replaces it).
 *
 * @example
 * const { busy, error, result: moved, submit } = useFormAction(async () => {
 *   const moved = await apiPost<Moved>('/stock/moves', { sscc, to });
 *   onMoved();
 *   return moved;
 * });
 * <form onSubmit={submit}>… <Button type="submit" disabled={busy}>Move</Button> <ErrorBox error={error} /></form>
 */
export function useFormAction<T, A extends readonly unknown[] = []>(
  action: (...args: A) => Promise<T>,
  { keepResult = false }: { readonly keepResult?: boolean } = {},
): FormAction<T, A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<T | undefined>(undefined);

  async function run(...args: A) {
    setBusy(true);
    setError(undefined);
    if (!keepResult) setResult(undefined);
    try {
      const answer = await action(...args);
      // As a function of the old state, so that an answer that is itself a function is kept, not called.
      setResult(() => answer);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent, ...args: A) {
    event.preventDefault();
    void run(...args);
  }

  async function attempt(step: () => Promise<void>) {
    setError(undefined);
    try {
      await step();
    } catch (e) {
      setError(e);
    }
  }

  return { busy, error, result, run, submit, attempt };
}
