import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The current result of a Dexie query, re-run whenever the tables it read change (in any tab or
 * in the background). `undefined` until the first result arrives. While `paused`, the last result
 * stays and the query is not re-run; it runs again when the pause ends.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], paused = false): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: undefined });
  // Subscribed as the component is put on the page, not after the browser has painted it: the
  // query starts a frame sooner (a popup's first answer waits for every such frame).
  useLayoutEffect(() => {
    if (paused) return;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error) => setState((previous) => ({ value: previous.value, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, paused]);
  return state;
}
