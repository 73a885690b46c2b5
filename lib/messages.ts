/**
 * Every message between Simlit's scripts, named by direction (content → background,
 * UI → background), and the validation the background applies before acting on one.
 */
import type { ExtractedItem, PageExtraction } from './model/article';
import { MAX_ITEMS_PER_PAGE } from './extractors/limits';
import { httpUrl } from './text/urls';
import { isNameOrder } from './text/names';

/** content → background: the articles a page yielded (possibly none). */
export interface ContentCaptureMessage {
  type: 'content/capture';
  /** extractMs: how long the page took to read, for the capture record (DevTools and tests read it there). */
  page: { url: string; title: string; platform: string; kind: PageExtraction['kind']; extractMs?: number };
  items: ExtractedItem[];
}

/** content → background: may this page be read (settings, paused sites, a click)? */
export interface ContentShouldCaptureMessage {
  type: 'content/should-capture';
  url: string;
}

/** UI (popup, library) → background: capture the given tab now (activeTab). */
export interface UiCaptureTabMessage {
  type: 'ui/capture-tab';
  tabId: number;
}

/** UI → background: the library articles most similar to these (one article, or a page's articles together). */
export interface UiSimilarMessage {
  type: 'ui/similar';
  articleIds: string[];
  limit: number;
}

/** UI → background: the search box, over the same index. */
export interface UiSearchMessage {
  type: 'ui/search';
  text: string;
  limit: number;
}

/** UI → background: articles were changed or deleted outside a capture (library page, import). */
export interface UiLibraryChangedMessage {
  type: 'ui/library-changed';
  articleIds: string[];
}

export type ContentToBackground = ContentCaptureMessage | ContentShouldCaptureMessage;
export type UiToBackground = UiCaptureTabMessage | UiSimilarMessage | UiSearchMessage | UiLibraryChangedMessage;
export type Message = ContentToBackground | UiToBackground;

export interface CaptureReply {
  ok: true;
  captureId: number;
  counts: { new: number; known: number; merged: number };
  /** The site added too many new articles too fast: read the page again after this long at the soonest. */
  pauseMs?: number;
}
export interface ErrorReply {
  ok: false;
  error: string;
}

/** A ranked article and the terms it shares with the query: why it is similar. */
export interface RankedArticle {
  id: string;
  score: number;
  terms: string[];
}

export type RankingReply =
  /** `librarySize`: the articles the index held, what the scores are read against (until the page has counted the library). */
  | { ok: true; results: RankedArticle[]; librarySize?: number }
  /** The index is being built (first start, or tokenizer change): ask again shortly. */
  | { ok: true; indexing: { done: number; total: number } }
  | ErrorReply;

export const MAX_RANKED = 500;

/**
 * Similar articles the popup asks for, more than it shows so that its filters still leave a full
 * list; the background keeps as many with each capture, for the popup to show at once.
 */
export const POPUP_SIMILAR_COUNT = 200;

/** Sizes accepted from a content script; larger fields are refused, not truncated silently. */
export const MESSAGE_LIMITS = { stringLength: 100_000, listLength: 500, urlLength: 4096 } as const;

const STRING_FIELDS = [
  'title', 'containerTitle', 'containerTitleShort', 'date', 'volume', 'issue', 'firstPage', 'lastPage', 'pages',
  'doi', 'url', 'pdfUrl', 'issn', 'abstract', 'language', 'publisher', 'platformId', 'altTitle', 'altAbstract', 'type',
] as const satisfies readonly (keyof ExtractedItem)[];
const LIST_FIELDS = ['authors', 'keywords'] as const satisfies readonly (keyof ExtractedItem)[];

type Check<T> = { ok: true; value: T } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortString(value: unknown, max: number = MESSAGE_LIMITS.stringLength): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isHttpUrl(value: unknown): value is string {
  return isShortString(value, MESSAGE_LIMITS.urlLength) && httpUrl(value) !== undefined;
}

/** Copies the known fields of an item, checking each; unknown fields are dropped. */
function checkItem(raw: unknown, index: number): Check<ExtractedItem> {
  if (!isRecord(raw)) return { ok: false, error: `item ${index} is not an object` };
  const item: ExtractedItem = {};
  for (const field of STRING_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (!isShortString(value)) return { ok: false, error: `item ${index}: ${field} is not a string of allowed size` };
    item[field] = value;
  }
  for (const field of LIST_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.length > MESSAGE_LIMITS.listLength || !value.every((v) => isShortString(v, 2000))) {
      return { ok: false, error: `item ${index}: ${field} is not a list of short strings` };
    }
    item[field] = value as string[];
  }
  // Unknown values are dropped, not refused: the names are then read as printed.
  if (isNameOrder(raw.nameOrder)) item.nameOrder = raw.nameOrder;
  if (raw.position !== undefined) {
    if (typeof raw.position !== 'number' || !Number.isInteger(raw.position) || raw.position < 0) {
      return { ok: false, error: `item ${index}: position is not a whole number` };
    }
    item.position = raw.position;
  }
  return { ok: true, value: item };
}

/** Whether two URLs share an origin: what a page may change of its address without loading another (history.pushState). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The URL a content script's page claims, checked against the browser's record of the sender:
 * it must be on the same origin (a single-page site changes its path as the reader moves on, but
 * never its origin). The browser's URL is the one Simlit files the capture under.
 */
function checkPageUrl(claimed: unknown, reported: string): Check<string> {
  if (!isHttpUrl(claimed)) return { ok: false, error: 'page.url is not an http(s) URL' };
  if (!sameOrigin(claimed, reported)) return { ok: false, error: 'page.url is not on the site the browser reports for this tab' };
  return { ok: true, value: reported };
}

function checkCapture(raw: Record<string, unknown>, reportedUrl: string): Check<ContentCaptureMessage> {
  const page = raw.page;
  if (!isRecord(page)) return { ok: false, error: 'page is missing' };
  const pageUrl = checkPageUrl(page.url, reportedUrl);
  if (!pageUrl.ok) return pageUrl;
  if (!isShortString(page.title ?? '', 2000)) return { ok: false, error: 'page.title is not a short string' };
  if (!isShortString(page.platform, 50)) return { ok: false, error: 'page.platform is not a short string' };
  if (page.kind !== 'article' && page.kind !== 'list') return { ok: false, error: 'page.kind is not article or list' };
  const extractMs = page.extractMs;
  if (extractMs !== undefined && (typeof extractMs !== 'number' || !(extractMs >= 0 && extractMs < 3_600_000))) return { ok: false, error: 'page.extractMs is not a duration' };
  if (!Array.isArray(raw.items)) return { ok: false, error: 'items is not a list' };
  if (raw.items.length > MAX_ITEMS_PER_PAGE) return { ok: false, error: `more than ${MAX_ITEMS_PER_PAGE} items` };
  const items: ExtractedItem[] = [];
  for (const [index, rawItem] of raw.items.entries()) {
    const checked = checkItem(rawItem, index);
    if (!checked.ok) return checked;
    items.push(checked.value);
  }
  return {
    ok: true,
    value: {
      type: 'content/capture',
      page: { url: pageUrl.value, title: (page.title as string | undefined) ?? '', platform: page.platform, kind: page.kind, ...(extractMs !== undefined ? { extractMs } : {}) },
      items,
    },
  };
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MESSAGE_LIMITS.listLength && value.every((id) => isShortString(id, 200));
}

function isLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_RANKED;
}

function checkUiQuery(raw: Record<string, unknown>): Check<UiSimilarMessage | UiSearchMessage | UiLibraryChangedMessage> {
  if (raw.type === 'ui/library-changed') {
    if (!isIdList(raw.articleIds)) return { ok: false, error: 'articleIds is not a list of ids' };
    return { ok: true, value: { type: 'ui/library-changed', articleIds: raw.articleIds } };
  }
  if (!isLimit(raw.limit)) return { ok: false, error: `limit is not a whole number from 1 to ${MAX_RANKED}` };
  if (raw.type === 'ui/similar') {
    if (!isIdList(raw.articleIds) || raw.articleIds.length === 0) return { ok: false, error: 'articleIds is not a list of ids' };
    return { ok: true, value: { type: 'ui/similar', articleIds: raw.articleIds, limit: raw.limit } };
  }
  if (!isShortString(raw.text, 1000)) return { ok: false, error: 'text is not a string of allowed size' };
  return { ok: true, value: { type: 'ui/search', text: raw.text, limit: raw.limit } };
}

/** Who sent a message, as the browser reports it (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  /** The URL of the sending frame (for a content script: its page, as the browser knows it). */
  url?: string;
  tab?: { id?: number; url?: string };
}

/** The web page a content script runs in, by the browser's word: the frame's URL, else the tab's. */
function reportedPageUrl(sender: SenderInfo): string | undefined {
  const url = sender.url ?? sender.tab?.url;
  return isHttpUrl(url) ? url : undefined;
}

/**
 * Accepts a message only from this extension (`ownId`): content messages from a script running
 * in a web page tab, UI messages from the extension's own pages. Anything else is refused.
 * Content messages are taken to speak for the page the browser reports, never for the URL
 * they name: a capture is filed under the browser's URL, and one naming another site is refused.
 */
export function validateMessage(raw: unknown, sender: SenderInfo, ownId: string, ownOrigin: string): Check<Message> {
  if (sender.id !== ownId) return { ok: false, error: 'message from another extension or a web page' };
  if (!isRecord(raw) || typeof raw.type !== 'string') return { ok: false, error: 'message has no type' };
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
  const webPage = fromOwnPage ? undefined : reportedPageUrl(sender);
  switch (raw.type) {
    case 'content/capture':
      if (sender.tab?.id === undefined || !webPage) return { ok: false, error: 'capture must come from a content script in a web page tab' };
      return checkCapture(raw, webPage);
    case 'content/should-capture': {
      if (sender.tab?.id === undefined || !webPage) return { ok: false, error: 'capture must come from a content script in a web page tab' };
      const url = checkPageUrl(raw.url, webPage);
      if (!url.ok) return { ok: false, error: url.error.replace('page.url', 'url') };
      return { ok: true, value: { type: 'content/should-capture', url: url.value } };
    }
    case 'ui/capture-tab':
      if (!fromOwnPage) return { ok: false, error: 'UI messages must come from the extension\'s own pages' };
      if (typeof raw.tabId !== 'number' || !Number.isInteger(raw.tabId) || raw.tabId < 0) return { ok: false, error: 'tabId is not a tab id' };
      return { ok: true, value: { type: 'ui/capture-tab', tabId: raw.tabId } };
    case 'ui/similar':
    case 'ui/search':
    case 'ui/library-changed':
      if (!fromOwnPage) return { ok: false, error: 'UI messages must come from the extension\'s own pages' };
      return checkUiQuery(raw);
    default:
      return { ok: false, error: `unknown message type "${String(raw.type).slice(0, 50)}"` };
  }
}
