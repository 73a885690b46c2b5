import { LIMITS } from '../capture/limits';
import { hash64 } from '../text/hash';
import { httpUrl } from '../text/urls';
import { toCsl, type Article, type CslItem } from '../model/article';

/** What exports accept: library articles or plain CSL-JSON items (the CLI reads those). */
export type ExportInput = CslItem | Article;

function isArticle(item: ExportInput): item is Article {
  return Array.isArray((item as Article).sightings) && typeof (item as Article).titleKey === 'string';
}

/**
 * The CSL-JSON items to export: library articles lose Simlit's own fields (sightings, tags,
 * notes...); CSL items pass through whole (they may carry variables Simlit does not model,
 * such as `accessed`, which the GB/T 7714 style reads). A URL that is not http(s)
 * (javascript:, data:, a backup or file that was tampered with) is left out of every format.
 */
export function exportableItems(items: ExportInput[]): CslItem[] {
  return items.map((item) => {
    const csl = isArticle(item) ? toCsl(item) : { ...item };
    const url = exportLink(csl.URL);
    if (url) csl.URL = url;
    else delete csl.URL;
    return csl;
  });
}

/** A link an export may write: absolute http(s) only, else nothing. */
export function exportLink(url: unknown): string | undefined {
  return typeof url === 'string' ? httpUrl(url) : undefined;
}

function asciiFold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]/g, '');
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'from', 'by', 'at']);

function shortHash(text: string): string {
  return hash64(text)[0].toString(36).padStart(4, '0').slice(-4);
}

/**
 * The citation key of one item, from its content only (so the same article gets the same key in
 * every export): first author's family name, year, first title word, ASCII only. Items whose
 * author and title give no ASCII (Chinese items) get a short hash of their id instead.
 */
export function baseCitationKey(item: CslItem): string {
  const first = item.author?.[0];
  const author = asciiFold(first?.family ?? first?.literal ?? '').toLowerCase();
  const year = String(item.issued?.['date-parts']?.[0]?.[0] ?? '');
  const word = (item.title ?? '')
    .split(/\s+/)
    .map((w) => asciiFold(w).toLowerCase())
    .find((w) => w.length > 1 && !STOP_WORDS.has(w)) ?? '';
  const base = `${author || 'ref'}${year}${word}`;
  return author && word ? base : `${base}${shortHash(item.id)}`;
}

/** Characters a BibTeX key cannot hold (the entry's syntax and TeX's specials): removed. */
const NOT_IN_KEY = /[\s,{}()"#%'=\\~]/g;

/** The key an item carries (from its imported file, or pinned by an earlier export), made safe for BibTeX. */
export function ownCitationKey(item: CslItem): string | undefined {
  return safeCitationKey(item['citation-key']);
}

/**
 * A citation key without the characters a BibTeX key cannot hold; undefined when none is left, or
 * when it is too long to be anyone's key (a broken or hostile file's: the article then gets one of
 * its own at its first export).
 */
export function safeCitationKey(key: unknown): string | undefined {
  if (typeof key !== 'string') return undefined;
  const safe = key.replace(NOT_IN_KEY, '');
  return safe && safe.length <= LIMITS.shortField ? safe : undefined;
}

/**
 * Keys for a list of items, unique within the list. An item's own key (imported, or pinned in the
 * library: lib/db/citation-keys.ts) is kept as it is; others get the key their content gives
 * (baseCitationKey), with the item's id hash when that key is taken.
 */
export function citationKeys(items: CslItem[]): string[] {
  const used = new Set<string>();
  const own = items.map((item) => {
    const key = ownCitationKey(item);
    if (!key || used.has(key)) return undefined;
    used.add(key);
    return key;
  });
  return items.map((item, i) => {
    if (own[i]) return own[i];
    const base = ownCitationKey(item) ?? baseCitationKey(item);
    let key = used.has(base) ? `${base}${shortHash(item.id)}` : base;
    for (let n = 2; used.has(key); n++) key = `${base}x${n}`;
    used.add(key);
    return key;
  });
}

/**
 * Collapses line breaks and runs of whitespace, and drops control and invisible format
 * characters (a NEL or a lone CR ends a line for some readers): formats whose fields are one
 * line need this.
 */
export function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\p{Cf}/gu, '').trim();
}

/** `item` with every string value (names included) passed through `map`. */
export function mapStrings(item: CslItem, map: (value: string, key: string) => string): CslItem {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'string') out[key] = map(value, key);
    else if (key === 'author' && Array.isArray(value)) {
      out[key] = value.map((name: Record<string, string>) =>
        Object.fromEntries(Object.entries(name).map(([part, v]) => [part, typeof v === 'string' ? map(v, part) : v])),
      );
    } else out[key] = value;
  }
  return out as unknown as CslItem;
}

/** Types whose CSL `number` is an article number or e-locator (for the others it is a patent, report or standard number). */
const ARTICLE_TYPES = new Set(['article-journal', 'article-magazine', 'article-newspaper', 'article', 'paper-conference', 'chapter', 'review', 'review-book']);

/** An item's article number (e0000001, 102530), for formats that print it where the pages go. */
export function articleNumber(item: CslItem): string | undefined {
  return ARTICLE_TYPES.has(item.type) ? item.number || undefined : undefined;
}
