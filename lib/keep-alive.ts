/**
 * Keeping an extension's service worker alive through long work.
 *
 * Chrome stops an extension service worker that has handled no event and called no extension
 * API for 30 seconds, even while it computes. A full index build of a large library can take
 * that long (about 18 s for the index alone at 50,000 articles, more on a slow machine), and
 * a build cut short starts again from nothing at the next start. Calling any extension API
 * resets the timer, so long work calls one now and then.
 */

/** Well inside the 30-second limit. */
export const KEEP_ALIVE_INTERVAL_MS = 10_000;

/**
 * A progress callback that also calls `ping` (a cheap extension API call) at most once per
 * interval, then passes the progress on.
 */
export function keepingAlive<A extends unknown[]>(
  ping: () => Promise<unknown>,
  onProgress: (...args: A) => void,
  { interval = KEEP_ALIVE_INTERVAL_MS, now = () => Date.now() } = {},
): (...args: A) => void {
  let last = now();
  return (...args) => {
    if (now() - last >= interval) {
      last = now();
      // A failed ping only means the worker may stop early; the work itself goes on.
      ping().catch(() => undefined);
    }
    onProgress(...args);
  };
}
