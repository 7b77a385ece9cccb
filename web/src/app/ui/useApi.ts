import { useCallback, useEffect, useState } from 'react';
import { apiGet, type Query } from '../api.ts';

/** A GET in flight or done: its data, its error, and a way to ask again. */
export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Reads `path` from the API when the page opens and whenever `path` or `query` change; `reload()` reads
 * again (after a write, or on a live event). The last good answer stays while a reload is in flight.
 *
 * @example
 * const lots = useApi<Page<Lot>>('/lots', { limit: 50 });
 * if (lots.data) …
 */
export function useApi<T>(path: string | undefined, query?: Query): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(query ?? {});

  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    setLoading(true);
    apiGet<T>(path, JSON.parse(key) as Query).then(
      (answer) => {
        if (!live) return;
        setData(answer);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [path, key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
