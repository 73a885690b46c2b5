import { matchPatterns } from '@/lib/hosts';
import { captureWatcher } from '@/lib/capture/capture-watcher';
import { clipItemsForMessage } from '@/lib/capture/clip-items';
import { extractPage } from '@/lib/extractors/registry';
import type { CaptureReply, ContentCaptureMessage } from '@/lib/messages';

export default defineContentScript({
  matches: matchPatterns(),
  runAt: 'document_idle',
  // WXT announces a starting content script to the page with window.postMessage, naming the
  // extension's id: pages must not learn that Simlit is there (see README, Security model).
  noScriptStartedPostMessage: true,
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
    let extractMs = 0;
    const extract = () => {
      // Timed here and sent with the capture: a performance mark would be visible to the page.
      const start = performance.now();
      const extraction = extractPage(document, location.href);
      extractMs = performance.now() - start;
      return extraction;
    };
    const watcher = captureWatcher({
      extract,
      send: (extraction) => {
        if (!browser.runtime?.id) {
          // The extension was reloaded or removed: this copy is orphaned and stops watching.
          watcher.dispose();
          return;
        }
        const message: ContentCaptureMessage = {
          type: 'content/capture',
          page: { url: location.href, title: document.title.slice(0, 2000), platform: extraction.platform, kind: extraction.kind, extractMs },
          items: clipItemsForMessage(extraction.items),
        };
        browser.runtime.sendMessage(message).then(
          (reply: CaptureReply | undefined) => {
            // The site adds too many new articles too fast: the background asks us to wait.
            if (reply?.ok && reply.pauseMs) watcher.pause(reply.pauseMs);
          },
          () => {
            // The extension was reloaded or updated: this page's script is orphaned; stay quiet.
          },
        );
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
