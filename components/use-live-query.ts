import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The current result of a Dexie query, re-run whenever the tables it read change (in any tab or
 * in the background). `undefined` until the first result arrives.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: undefined });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error) => setState((previous) => ({ value: previous.value, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
