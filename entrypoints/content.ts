import { matchPatterns } from '@/lib/hosts';
import { captureWatcher } from '@/lib/capture/capture-watcher';
import { clipItemsForMessage } from '@/lib/capture/clip-items';
import { extractPage } from '@/lib/extractors/registry';
import type { ContentCaptureMessage } from '@/lib/messages';

export default defineContentScript({
  matches: matchPatterns(),
  runAt: 'document_idle',
  async main() {
    // Injected again by a toolbar click: the running copy captures once more instead.
    const marker = Symbol.for('simlit.content');
    const running = (globalThis as Record<symbol, { captureNow(): void } | undefined>)[marker];
    if (running) {
      running.captureNow();
      return;
    }
    const allowed = await browser.runtime
      .sendMessage({ type: 'content/should-capture', url: location.href })
      .then((reply: { capture?: boolean } | undefined) => reply?.capture === true, () => false);
    if (!allowed) return; // paused site, or capture only on click
    // Reading a huge page is one synchronous pass: after each, stay away for 20 times as long,
    // so that a page changing all the time spends at most ~5% of its time on Simlit.
    let quietUntil = 0;
    const extract = () => {
      const start = performance.now();
      const extraction = extractPage(document, location.href);
      const end = performance.now();
      quietUntil = end + 20 * (end - start);
      // Visible in DevTools' performance panel and to the end-to-end tests.
      performance.measure?.('simlit:extract', { start, end });
      return extraction;
    };
    const watcher = captureWatcher({
      extract,
      send: (extraction) => {
        const message: ContentCaptureMessage = {
          type: 'content/capture',
          page: { url: location.href, title: document.title.slice(0, 2000), platform: extraction.platform, kind: extraction.kind },
          items: clipItemsForMessage(extraction.items),
        };
        browser.runtime.sendMessage(message).catch(() => {
          // The extension was reloaded or updated: this page's script is orphaned; stay quiet.
        });
      },
      observe: (onChange) => {
        let deferred: ReturnType<typeof setTimeout> | undefined;
        const observer = new MutationObserver(() => {
          const wait = quietUntil - performance.now();
          if (wait <= 0) onChange();
          else deferred ??= setTimeout(() => {
            deferred = undefined;
            onChange();
          }, wait);
        });
        observer.observe(document.documentElement, { childList: true, subtree: true });
        return () => {
          observer.disconnect();
          if (deferred !== undefined) clearTimeout(deferred);
        };
      },
    });
    (globalThis as Record<symbol, unknown>)[marker] = watcher;
    watcher.captureNow();
  },
});
