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
    const extract = () => {
      const start = performance.now();
      const extraction = extractPage(document, location.href);
      // Visible in DevTools' performance panel and to the end-to-end tests.
      performance.measure?.('simlit:extract', { start, end: performance.now() });
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
        const observer = new MutationObserver(onChange);
        observer.observe(document.documentElement, { childList: true, subtree: true });
        return () => observer.disconnect();
      },
    });
    (globalThis as Record<symbol, unknown>)[marker] = watcher;
    watcher.captureNow();
  },
});
