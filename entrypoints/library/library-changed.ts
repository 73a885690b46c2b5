import { MESSAGE_LIMITS } from '@/lib/messages';

/**
 * Tells the background which articles were added, changed or deleted outside a capture
 * (import, restore, deletion, undo), so that the ranking index follows. The background accepts
 * at most MESSAGE_LIMITS.listLength ids a message, so large imports go in several. A failed send
 * (background asleep, extension reloaded) is ignored: the change itself is already stored.
 */
export function notifyLibraryChanged(articleIds: string[]): void {
  for (let start = 0; start < articleIds.length; start += MESSAGE_LIMITS.listLength) {
    const chunk = articleIds.slice(start, start + MESSAGE_LIMITS.listLength);
    try {
      browser.runtime.sendMessage({ type: 'ui/library-changed', articleIds: chunk }).catch(() => undefined);
    } catch {
      // No receiver or no runtime: nothing to do.
    }
  }
}
