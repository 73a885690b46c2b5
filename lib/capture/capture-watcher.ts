import type { ExtractionResult } from '../extractors/registry';

export interface WatcherDeps {
  extract(): ExtractionResult;
  send(extraction: ExtractionResult): void;
  /** Calls back on page changes; returns a function that stops observing. */
  observe(onChange: () => void): () => void;
  /** Quiet time after the last change before the page is read again. */
  settleMs?: number;
  /**
   * After each reading, stay away for this many times as long as it took, so that a huge page
   * changing all the time spends at most ~1/(1+paceFactor) of its time on Simlit.
   */
  paceFactor?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** What identifies a page's set of items, to send a capture only when it changed. */
function signature(extraction: ExtractionResult): string {
  return `${extraction.platform}|${extraction.items.length}|${extraction.items
    .map((item) => item.doi ?? item.platformId ?? item.title?.slice(0, 80) ?? item.abstract?.slice(0, 80) ?? '')
    .join('|')}`;
}

/**
 * Captures a page once, then again whenever its articles change (result lists that load or page
 * through results without navigating, as on CNKI). Re-reads are debounced, and a capture is sent
 * only when the set of items differs from the last one sent.
 */
export function captureWatcher(deps: WatcherDeps) {
  const settleMs = deps.settleMs ?? 1500;
  const paceFactor = deps.paceFactor ?? 20;
  const now = deps.now ?? (() => performance.now());
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let lastSignature: string | undefined;
  let quietUntil = 0;
  let timer: unknown;
  let stop: (() => void) | undefined;

  function read(force: boolean): void {
    const start = now();
    const extraction = deps.extract();
    const end = now();
    quietUntil = end + paceFactor * (end - start);
    const current = signature(extraction);
    if (!force && current === lastSignature) return;
    lastSignature = current;
    // Pages with nothing on them are reported too, so the popup can say so.
    deps.send(extraction);
  }

  return {
    captureNow(): void {
      read(true);
      stop ??= deps.observe(() => {
        if (timer !== undefined) clearTimer(timer);
        timer = setTimer(() => {
          timer = undefined;
          read(false);
        }, Math.max(settleMs, quietUntil - now()));
      });
    },
    /** The background asks this page to wait (its site is adding too many new articles): no reading before `ms` from now. */
    pause(ms: number): void {
      quietUntil = Math.max(quietUntil, now() + ms);
    },
    dispose(): void {
      stop?.();
      if (timer !== undefined) clearTimer(timer);
    },
  };
}
