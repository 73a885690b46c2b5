import { FloodGuard } from '@/lib/capture/flood-guard';
import { pageArticles } from '@/lib/capture/page-articles';
import { openLibrary } from '@/lib/db/schema';
import { storeCapture } from '@/lib/db/store-capture';
import { storageErrorMessage } from '@/lib/db/errors';
import { readSettings } from '@/lib/db/settings';
import { localeFor, translator } from '@/lib/i18n';
import { RankingService } from '@/lib/ranking';
import { pruneUnsaved } from '@/lib/storage/prune';
import { StorageGuard } from '@/lib/storage/storage-guard';
import { normalizeHost } from '@/lib/text/urls';
import { validateMessage, type CaptureReply, type ContentCaptureMessage, type ErrorReply, type RankingReply } from '@/lib/messages';
import { clearFailure, showBadge, showFailure } from './badge';
import { mayCapture, rememberClick } from './capture-scope';
import { nextCaptureReply, settleCaptureReply } from './capture-replies';

type Sender = Parameters<Parameters<typeof browser.runtime.onMessage.addListener>[0]>[1];
type Reply = CaptureReply | ErrorReply | RankingReply | { ok: true; capture?: boolean };

export const ranking = new RankingService(openLibrary(), {
  keepAlive: () => browser.runtime.getPlatformInfo(),
  // Most recently used first: a round takes so many. Without the "tabs" permission a tab's URL
  // is given only where the extension has host access.
  openTabs: async () =>
    (await browser.tabs.query({}))
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
      .flatMap((tab) => (tab.id === undefined || tab.id < 0 ? [] : [{ id: tab.id, url: tab.url }])),
});

/** Keeps captured-but-unsaved articles within the reader's cap; pruned ones leave the index too. */
const storage = new StorageGuard({
  readCap: async () => (await readSettings(openLibrary())).storageCap,
  prune: (cap) => pruneUnsaved(openLibrary(), cap),
  onPruned: ({ removedIds }) => void ranking.changed(removedIds),
});

const floods = new FloodGuard();

/** How long the popup's capture request waits for the capture it started. */
const CAPTURE_REPLY_WAIT_MS = 10_000;

export async function handleMessage(raw: unknown, sender: Sender): Promise<Reply> {
  const checked = validateMessage(raw, sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (!checked.ok) return { ok: false, error: checked.error };
  const message = checked.value;
  switch (message.type) {
    case 'content/should-capture':
      return { ok: true, capture: await mayCapture(sender.tab!.id!, message.url) };
    case 'content/capture':
      return capture(message, sender.tab?.id);
    case 'ui/capture-tab': {
      rememberClick(message.tabId);
      const captured = nextCaptureReply(message.tabId, CAPTURE_REPLY_WAIT_MS);
      await browser.scripting.executeScript({ target: { tabId: message.tabId }, files: ['/content-scripts/content.js'] });
      // A failed capture (storage full) is reported to the popup that asked for it.
      const reply = await captured;
      return reply && !reply.ok ? reply : { ok: true };
    }
    case 'ui/similar':
      return ranking.similar(message.articleIds, message.limit);
    case 'ui/search':
      return ranking.search(message.text, message.limit);
    case 'ui/library-changed':
      storage.invalidate();
      await ranking.changed(message.articleIds);
      return { ok: true };
  }
}

async function capture(message: ContentCaptureMessage, tabId: number | undefined): Promise<CaptureReply | ErrorReply> {
  const reply = await storeAndShow(message, tabId);
  if (tabId !== undefined) settleCaptureReply(tabId, reply);
  return reply;
}

async function storeAndShow(message: ContentCaptureMessage, tabId: number | undefined): Promise<CaptureReply | ErrorReply> {
  const capturedAt = Date.now();
  const articles = pageArticles({ ...message.page, items: message.items }, message.page.url, capturedAt);
  const site = normalizeHost(message.page.url) ?? message.page.url;
  // Room for new articles is reserved before the write and what was not used is given back.
  const maxNew = floods.take(site, articles.length, capturedAt);
  try {
    const result = await storeCapture(
      openLibrary(),
      { pageUrl: message.page.url, pageTitle: message.page.title, platform: message.page.platform, kind: message.page.kind, tabId, capturedAt, ...(message.page.extractMs !== undefined ? { extractMs: Math.round(message.page.extractMs * 10) / 10 } : {}) },
      articles,
      { maxNew },
    );
    floods.giveBack(site, maxNew - result.counts.new, Date.now());
    ranking.written(result.written);
    const added = new Set(result.entries.filter((entry) => entry.status === 'new').map((entry) => entry.articleId));
    storage.added(result.written.filter((article) => added.has(article.id))).catch((error: unknown) => {
      // The next capture measures again; a full disk is reported by the captures themselves.
      console.warn('simlit: could not keep the library within its cap', error instanceof Error ? error.name : 'error');
    });
    ranking.rememberSimilar(result.captureId, result.entries.map((entry) => entry.articleId), result.keptAsOf).catch(() => {
      // Only a shortcut for the popup: it asks afresh anyway.
    });
    if (tabId !== undefined) await Promise.all([showBadge(tabId, articles.length), clearFailure(tabId)]);
    const pauseMs = floods.pauseFor(result.dropped);
    return { ok: true, captureId: result.captureId, counts: result.counts, ...(pauseMs ? { pauseMs } : {}) };
  } catch (error) {
    floods.giveBack(site, maxNew, Date.now());
    const reason = storageErrorMessage(error, translator(await readerLocale()));
    if (tabId !== undefined) await showFailure(tabId, reason);
    return { ok: false, error: reason };
  }
}

/** The reader's UI language, for messages the background words itself. */
async function readerLocale() {
  const { uiLanguage } = await readSettings(openLibrary()).catch(() => ({ uiLanguage: 'auto' as const }));
  return uiLanguage === 'auto' ? localeFor(globalThis.navigator?.language) : uiLanguage;
}
