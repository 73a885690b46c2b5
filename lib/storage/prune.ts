/**
 * Bounded storage: captured-but-unsaved articles are kept up to the reader's cap (a number of
 * articles and megabytes, settings.storageCap); beyond it, those no page has shown for longest
 * go first. What the reader touched (saved, collected, tagged, noted, edited) is never pruned.
 * Each pruning is logged for the options page.
 */
import { dropCaptureEntries, isUntouched } from '../db/clear-library';
import { pagesById, WHOLE_TABLE_PAGE } from '../db/pages-by-id';
import type { SimlitDB } from '../db/schema';
import type { StorageCap } from '../db/settings';
import type { Article } from '../model/article';
import { normalizeHost } from '../text/urls';

/** The settings row that holds the pruning log (not a setting: it is neither backed up nor restored). */
export const PRUNE_LOG_KEY = 'storagePrunes';
/** Prunings remembered. */
export const PRUNE_LOG_LENGTH = 20;
/** Pruning goes down to this share of the cap, so that a library at its cap is not pruned on every capture. */
const PRUNE_TARGET = 0.95;
/** Sites named per pruning, the ones that lost most first. */
const SITES_LOGGED = 5;

export interface PruneRecord {
  at: number;
  articles: number;
  /** Estimated bytes freed. */
  bytes: number;
  /** The sites the pruned articles were first seen on, with how many each. */
  sites: { host: string; articles: number }[];
}

export interface UnsavedTally {
  articles: number;
  bytes: number;
}

/** An article's size as stored, estimated: its text as UTF-16 (how the browser keeps strings). */
export function articleBytes(article: Article): number {
  return JSON.stringify(article).length * 2;
}

export const capBytes = (cap: StorageCap) => cap.megabytes * 1024 * 1024;

interface Candidate {
  id: string;
  seenAt: number;
  bytes: number;
  host: string;
}

/**
 * Captured-but-unsaved articles, least recently seen first, with their sizes. Read by pages, each
 * in a transaction of its own: in one transaction the walk of 50,000 articles took 5.7 s in
 * Chromium, and a capture's write waited for all of it (then every page's read behind that write).
 * What changes between the pages is checked again before anything is removed (pruneUnsaved).
 */
async function unsavedArticles(db: SimlitDB): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for await (const page of pagesById(db.articles, WHOLE_TABLE_PAGE)) {
    for (const article of page) {
      if (!isUntouched(article)) continue;
      candidates.push({ id: article.id, seenAt: article.seenAt ?? 0, bytes: articleBytes(article), host: normalizeHost(article.sightings[0]?.pageUrl ?? '') ?? '' });
    }
  }
  // Stable: among articles seen at the same time, in id order, as the seenAt index gave them.
  return candidates.sort((a, b) => a.seenAt - b.seenAt);
}

function sum(candidates: Candidate[]): UnsavedTally {
  return { articles: candidates.length, bytes: candidates.reduce((total, c) => total + c.bytes, 0) };
}

/** The oldest-seen candidates to remove so that what is left is within `target`. */
function victimsFor(candidates: Candidate[], target: UnsavedTally): Candidate[] {
  let { articles, bytes } = sum(candidates);
  const victims: Candidate[] = [];
  for (const candidate of candidates) {
    if (articles <= target.articles && bytes <= target.bytes) break;
    victims.push(candidate);
    articles -= 1;
    bytes -= candidate.bytes;
  }
  return victims;
}

function siteCounts(victims: Candidate[]): PruneRecord['sites'] {
  const counts = new Map<string, number>();
  for (const { host } of victims) counts.set(host, (counts.get(host) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SITES_LOGGED)
    .map(([host, articles]) => ({ host, articles }));
}

export interface PruneOutcome {
  /** What is kept unsaved afterwards. */
  tally: UnsavedTally;
  /** Set when articles were removed. */
  record?: PruneRecord;
  removedIds: string[];
}

/** How many captured-but-unsaved articles there are and about how much room they take. */
export async function unsavedTally(db: SimlitDB): Promise<UnsavedTally> {
  return sum(await unsavedArticles(db));
}

/**
 * Measures the captured-but-unsaved articles and, when they exceed the cap, removes the least
 * recently seen until they are within PRUNE_TARGET of it. An article touched or seen again
 * between measuring and removing stays.
 */
export async function pruneUnsaved(db: SimlitDB, cap: StorageCap, now = Date.now()): Promise<PruneOutcome> {
  const candidates = await unsavedArticles(db);
  const tally = sum(candidates);
  if (tally.articles <= cap.articles && tally.bytes <= capBytes(cap)) return { tally, removedIds: [] };
  const planned = victimsFor(candidates, { articles: Math.floor(cap.articles * PRUNE_TARGET), bytes: capBytes(cap) * PRUNE_TARGET });
  return db.transaction('rw', db.articles, db.captures, db.settings, async () => {
    const current = await db.articles.bulkGet(planned.map((victim) => victim.id));
    const victims = planned.filter((victim, i) => {
      const article = current[i];
      return article !== undefined && isUntouched(article) && (article.seenAt ?? 0) === victim.seenAt;
    });
    const ids = new Set(victims.map((victim) => victim.id));
    await db.articles.bulkDelete([...ids]);
    await dropCaptureEntries(db, ids);
    const freed = sum(victims);
    const record: PruneRecord = { at: now, articles: freed.articles, bytes: freed.bytes, sites: siteCounts(victims) };
    const log = await readPruneLog(db);
    await db.settings.put({ key: PRUNE_LOG_KEY, value: [...log, record].slice(-PRUNE_LOG_LENGTH) });
    return { tally: { articles: tally.articles - freed.articles, bytes: tally.bytes - freed.bytes }, record, removedIds: [...ids] };
  });
}

function isPruneRecord(value: unknown): value is PruneRecord {
  const record = value as PruneRecord;
  return typeof record === 'object' && record !== null && Number.isFinite(record.at) && Number.isFinite(record.articles) && Number.isFinite(record.bytes) && Array.isArray(record.sites);
}

/** The prunings remembered, oldest first. */
export async function readPruneLog(db: SimlitDB): Promise<PruneRecord[]> {
  const value = (await db.settings.get(PRUNE_LOG_KEY))?.value;
  return Array.isArray(value) ? value.filter(isPruneRecord) : [];
}
