import type { Article } from '../model/article';
import type { Capture, CaptureEntry, SimlitDB } from './schema';
import { upsertArticles } from './upsert';

export interface CapturedPage {
  pageUrl: string;
  pageTitle?: string;
  platform: string;
  kind: Capture['kind'];
  tabId?: number;
  capturedAt: number;
  extractMs?: number;
}

export interface StoreResult {
  captureId: number;
  entries: CaptureEntry[];
  counts: Record<CaptureEntry['status'], number>;
  /** Articles written (new or changed), for the ranking index. */
  written: Article[];
  /** New articles not added: more than `maxNew`. */
  dropped: number;
  /** The library state of the answer the capture started with (keptAnswerOf), when it has one. */
  keptAsOf?: Capture['similarAsOf'];
}

/** Captures kept (the latest of each page); older ones go, the articles they yielded stay. */
export const MAX_CAPTURES = 5000;

/**
 * Captures are counted (and the oldest beyond MAX_CAPTURES deleted) once every this many: Chromium
 * counts a table by reading it, 40-50 ms for 5,000 captures with their kept answers, which every
 * capture paid inside its transaction. Between two prunings the table holds up to this many more.
 */
export const PRUNE_CAPTURES_EVERY = 100;

async function pruneCaptures(db: SimlitDB, captureId: number): Promise<void> {
  // Ids count every capture ever stored (auto-increment): every hundredth one prunes.
  if (captureId % PRUNE_CAPTURES_EVERY !== 0) return;
  const excess = (await db.captures.count()) - MAX_CAPTURES;
  if (excess > 0) await db.captures.orderBy('capturedAt').limit(excess).delete();
}

/**
 * The answer kept with the page's latest earlier capture, when that capture yielded the same
 * articles: the new capture starts with it, so that a page opened again (a tab restored with the
 * browser, a page reloaded) has its similar articles shown at once, before a background just
 * started has loaded its index. The library state it was ranked in comes with it: the popup and
 * the background tell by it whether it is still current (a page captured again unchanged writes
 * nothing, and then it is).
 */
function keptAnswerOf(earlier: Capture[], entries: CaptureEntry[]): Pick<Capture, 'similar' | 'similarAsOf'> {
  // A page keeps one capture; its rows come in the order they were stored.
  const latest = earlier.at(-1);
  if (!latest?.similar || latest.items.length !== entries.length) return {};
  if (latest.items.some((item, i) => item.articleId !== entries[i].articleId)) return {};
  return { similar: latest.similar, ...(latest.similarAsOf ? { similarAsOf: latest.similarAsOf } : {}) };
}

/**
 * Writes one page's articles and the capture record in one transaction: each article is merged
 * into the known article it names, or added (at most `maxNew` new ones; the capture records how
 * many more were dropped, in this capture and the earlier ones of the page in the same tab). Either all of it is written or nothing is. Only the latest capture
 * of a page is kept; it starts with the earlier one's kept answer when it yielded the same articles.
 */
export async function storeCapture(db: SimlitDB, page: CapturedPage, articles: Article[], { maxNew }: { maxNew?: number } = {}): Promise<StoreResult> {
  return db.transaction('rw', db.articles, db.captures, async () => {
    const { entries, written, dropped } = await upsertArticles(db, articles, { maxNew });
    const previous = db.captures.where('pageUrl').equals(page.pageUrl);
    const earlier = await previous.toArray();
    // What the page lost earlier in the same tab still counts: the reader is told of all of it.
    const lost = dropped + earlier.reduce((sum, capture) => sum + (capture.tabId === page.tabId ? (capture.dropped ?? 0) : 0), 0);
    await previous.delete();
    const kept = keptAnswerOf(earlier, entries);
    const captureId = (await db.captures.add({ ...page, items: entries, ...(lost ? { dropped: lost } : {}), ...kept })) as number;
    await pruneCaptures(db, captureId);
    const counts = { new: 0, known: 0, merged: 0 };
    for (const entry of entries) counts[entry.status]++;
    return { captureId, entries, counts, written, dropped, ...(kept.similarAsOf ? { keptAsOf: kept.similarAsOf } : {}) };
  });
}
