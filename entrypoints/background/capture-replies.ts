import type { CaptureReply, ErrorReply } from '@/lib/messages';

/**
 * The popup asks for a capture of a tab, but the capture itself arrives later, from the content
 * script. To tell the reader in the popup why a capture failed (a full disk), the popup's
 * request waits here for that tab's next capture reply, for a while.
 */
type Reply = CaptureReply | ErrorReply;

const waiting = new Map<number, ((reply: Reply | undefined) => void)[]>();

/** The next capture reply of the tab, or undefined when none comes within `timeoutMs`. */
export function nextCaptureReply(tabId: number, timeoutMs: number): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    const settle = (reply: Reply | undefined) => {
      clearTimeout(timer);
      const rest = (waiting.get(tabId) ?? []).filter((waiter) => waiter !== settle);
      if (rest.length) waiting.set(tabId, rest);
      else waiting.delete(tabId);
      resolve(reply);
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    waiting.set(tabId, [...(waiting.get(tabId) ?? []), settle]);
  });
}

/** Hands a capture's reply to whoever waits for that tab. */
export function settleCaptureReply(tabId: number, reply: Reply): void {
  for (const settle of waiting.get(tabId) ?? []) settle(reply);
}
