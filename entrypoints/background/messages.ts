import { pageArticles } from '@/lib/capture/page-articles';
import { openLibrary } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';
import { validateMessage, type CaptureReply, type ContentCaptureMessage, type ErrorReply } from '@/lib/messages';
import { storageErrorMessage } from '@/lib/db/errors';
import { showBadge } from './badge';

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];

export async function handleMessage(raw: unknown, sender: Sender): Promise<CaptureReply | ErrorReply | { ok: true }> {
  const checked = validateMessage(raw, sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (!checked.ok) return { ok: false, error: checked.error };
  const message = checked.value;
  switch (message.type) {
    case 'content/capture':
      return capture(message, sender.tab?.id);
    case 'ui/capture-tab':
      await browser.scripting.executeScript({ target: { tabId: message.tabId }, files: ['/content-scripts/content.js'] });
      return { ok: true };
  }
}

async function capture(message: ContentCaptureMessage, tabId: number | undefined): Promise<CaptureReply | ErrorReply> {
  const capturedAt = Date.now();
  const articles = pageArticles({ ...message.page, items: message.items }, message.page.url, capturedAt);
  try {
    const result = await storeCapture(
      openLibrary(),
      { pageUrl: message.page.url, pageTitle: message.page.title, platform: message.page.platform, kind: message.page.kind, tabId, capturedAt },
      articles,
    );
    if (tabId !== undefined) await showBadge(tabId, articles.length);
    return { ok: true, captureId: result.captureId, counts: result.counts };
  } catch (error) {
    return { ok: false, error: storageErrorMessage(error) };
  }
}
