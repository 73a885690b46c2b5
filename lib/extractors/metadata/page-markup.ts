import type { ExtractedItem } from '../../model/article';
import { attr, closest, find, findAll, squish, text, textWithout } from '../dom';
import { findDoi } from '../../text/clean';

/**
 * What an article page shows when its meta tags leave a field out: the generic fallback behind
 * the embedded-metadata reader (it never runs on pages without scholarly tags, so blogs and news
 * stay empty). Each field is read only when asked for, so pages with full tags pay nothing:
 * - abstract: an element whose class or id says abstract (ScienceDirect `div.abstract.author`,
 *   PMC `section.abstract`, `#abstract`, `[itemprop=description]` in an article), or the text
 *   after a heading "Abstract", "Summary" or 摘要;
 * - authors: `[itemprop=author]`, `a[rel=author]`, given-name/surname pairs (`span.given-name` +
 *   `span.surname`), `.author-name`; and author lists in JSON data blocks under recognised keys;
 * - keywords: the items of an element whose class or id says keyword(s), or after a heading
 *   "Keywords"/关键词;
 * - DOI: a doi.org link or a "DOI: 10.…" outside reference lists;
 * - date: `time[datetime]` or `[itemprop=datePublished]` in the article.
 */

export type MarkupField = 'authors' | 'abstract' | 'keywords' | 'doi' | 'date';

/** Containers of other works' data: references, citing articles, recommendations. */
const NOT_THE_ARTICLE =
  '[class*="reference" i], [id*="reference" i], [class*="ref-list" i], [class*="biblio" i], [id*="biblio" i], [class*="cited" i], [class*="related" i], [class*="recommend" i], nav, footer, aside, body > header';

const MAX_ABSTRACT = 20_000;

function inArticle(element: Element): boolean {
  return closest(element, NOT_THE_ARTICLE) === null;
}

const LABEL = /^\s*(?:abstract|summary|摘\s*要|内容摘要|中文摘要)\s*[:：.]?\s*$/i;
const KEYWORD_LABEL = /^\s*(?:key\s*words?|keywords?|关键词|关\s*键\s*词|关键字)\s*[:：.]?\s*$/i;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, strong, b, dt';

/** The text after a heading that says `label`: its next siblings up to the next heading. */
function afterHeading(doc: Document, label: RegExp): string | undefined {
  for (const heading of findAll(doc, HEADINGS)) {
    if (!label.test(text(heading)) || !inArticle(heading)) continue;
    const parts: string[] = [];
    // The heading may sit inside a wrapper (<p><strong>Abstract</strong> text</p>).
    const owner = heading.nextSibling || !heading.parentElement ? heading : heading.parentElement;
    for (let node = owner.nextSibling; node && parts.join(' ').length < MAX_ABSTRACT; node = node.nextSibling) {
      if (node.nodeType === 1 && (node as Element).matches('h1, h2, h3, h4, h5, h6, dt')) break;
      parts.push(node.textContent ?? '');
    }
    const value = squish(parts.join(' '));
    if (value) return value;
  }
  return undefined;
}

const ABSTRACT_SELECTOR =
  'section.abstract, div.abstract, [id="abstract" i], [id^="abstract" i], [class*="abstract" i], article [itemprop="description"], [id*="摘要"]';

function abstract(doc: Document): string | undefined {
  for (const element of findAll(doc, ABSTRACT_SELECTOR)) {
    if (!inArticle(element) || element.localName === 'meta' || element.localName === 'a' || element.localName === 'button') continue;
    // Its own heading ("Abstract") is left out; labels are stripped by normalizeItem anyway.
    const value = squish(textWithout(element, 'h1, h2, h3, h4, h5, h6, .title, [class*="title" i]'));
    // An abstract is prose: a link label or a toggle ("Show abstract") is not one.
    const cjk = /[\u3400-\u9fff]/.test(value);
    if (value.length >= (cjk ? 40 : 100) && value.length <= MAX_ABSTRACT * 2) return value;
  }
  const after = afterHeading(doc, LABEL);
  return after && after.length >= 40 ? after : undefined;
}

const AUTHOR_SELECTOR = '[itemprop="author"], a[rel="author"], [class~="author-name"], [class~="authorName"], [class~="author"] > a';

function authorName(element: Element): string {
  const given = find(element, '.given-name, [itemprop="givenName"], .given');
  const family = find(element, '.surname, [itemprop="familyName"], .family-name');
  if (given && family) return `${squish(text(family))}, ${squish(text(given))}`;
  const name = find(element, '[itemprop="name"]');
  return squish(text(name ?? element));
}

/** given-name/surname pairs that no author element wraps (ScienceDirect's author buttons). */
function namePairs(doc: Document): string[] {
  const names: string[] = [];
  for (const given of findAll(doc, '.given-name')) {
    if (!inArticle(given)) continue;
    const family = find(given.parentElement, '.surname');
    if (family) names.push(`${squish(text(family))}, ${squish(text(given))}`);
    if (names.length >= 100) break;
  }
  return names;
}

type Json = Record<string, unknown>;

const NAME_KEYS: [string, string][] = [
  ['familyName', 'givenName'], ['family', 'given'], ['lastName', 'firstName'], ['last_name', 'first_name'], ['surname', 'given_name'],
  ['surname', 'given-name'], ['last', 'first'],
];
const LIST_KEYS = ['authors', 'author', 'creators', 'contributors'];

function jsonName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!value || typeof value !== 'object') return undefined;
  const person = value as Json;
  for (const [family, given] of NAME_KEYS) {
    if (typeof person[family] === 'string' && person[family]) return typeof person[given] === 'string' ? `${person[family]}, ${person[given]}` : String(person[family]);
  }
  for (const key of ['name', 'fullName', 'full_name', 'displayName']) if (typeof person[key] === 'string' && person[key]) return String(person[key]);
  return undefined;
}

/**
 * ScienceDirect's JSON keeps its markup as nodes: {"#name": "author", "$$": [{"#name":
 * "given-name", "_": "Wei"}, {"#name": "surname", "_": "Zhang"}]}.
 */
function taggedName(node: Json): string | undefined {
  const parts = Array.isArray(node.$$) ? (node.$$ as Json[]) : [];
  const part = (name: string) => parts.find((child) => child && child['#name'] === name)?._;
  const family = part('surname');
  const given = part('given-name');
  return typeof family === 'string' ? (typeof given === 'string' ? `${family}, ${given}` : family) : undefined;
}

/** An author list under a recognised key, anywhere in a JSON data block (depth-limited). */
function jsonAuthorList(data: unknown, depth = 0): string[] {
  if (depth > 12 || !data || typeof data !== 'object') return [];
  if (Array.isArray(data)) {
    const tagged = data.filter((node) => node && (node as Json)['#name'] === 'author').map((node) => taggedName(node as Json));
    if (tagged.length && tagged.every(Boolean)) return tagged as string[];
    for (const value of data.slice(0, 200)) {
      const found = jsonAuthorList(value, depth + 1);
      if (found.length) return found;
    }
    return [];
  }
  const node = data as Json;
  for (const key of LIST_KEYS) {
    const list = node[key];
    if (Array.isArray(list) && list.length && !list.some((entry) => entry && typeof entry === 'object' && '#name' in (entry as Json))) {
      const names = list.map(jsonName);
      if (names.every(Boolean)) return names as string[];
    }
  }
  for (const value of Object.values(node)) {
    const found = jsonAuthorList(value, depth + 1);
    if (found.length) return found;
  }
  return [];
}

const MAX_JSON_SCRIPTS = 10;
const MAX_JSON_LENGTH = 2_000_000;

function jsonAuthors(doc: Document): string[] {
  const scripts = findAll(doc, 'script[type="application/json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_SCRIPTS; i++) {
    const source = scripts[i].textContent ?? '';
    if (source.length > MAX_JSON_LENGTH || !/"(?:authors?|creators|contributors|#name)"/.test(source)) continue;
    try {
      const names = jsonAuthorList(JSON.parse(source));
      if (names.length) return names.slice(0, 100);
    } catch {
      // Not JSON after all: the page's other data still counts.
    }
  }
  return [];
}

function authors(doc: Document): string[] {
  const pairs = namePairs(doc);
  if (pairs.length) return pairs;
  const fromJson = jsonAuthors(doc);
  if (fromJson.length) return fromJson;
  const names = findAll(doc, AUTHOR_SELECTOR)
    .filter(inArticle)
    .map(authorName)
    .filter((name) => name.length >= 2 && name.length <= 100);
  return [...new Set(names)].slice(0, 100);
}

const KEYWORD_SELECTOR = '[class*="keyword" i], [id*="keyword" i], [class*="kwd" i], [id*="关键词"]';

function keywords(doc: Document): string[] {
  for (const element of findAll(doc, KEYWORD_SELECTOR)) {
    if (!inArticle(element) || element.localName === 'meta') continue;
    // One element per keyword: the innermost list items, links or keyword-classed elements.
    const nodes = findAll(element, 'li, a, [class*="keyword" i], [class*="kwd" i]');
    const leaves = nodes.filter((node) => !nodes.some((other) => other !== node && node.contains(other)));
    const items = leaves.map((node) => squish(text(node))).filter(Boolean);
    const list = items.length ? items : squish(textWithout(element, 'h1, h2, h3, h4, h5, h6, strong, b')).split(/\s*[;；,，、]\s*/);
    const kept = list.filter((word) => word && word.length <= 100 && !KEYWORD_LABEL.test(word));
    if (kept.length) return kept.slice(0, 40);
  }
  const after = afterHeading(doc, KEYWORD_LABEL);
  return after ? after.split(/\s*[;；,，、]\s*/).filter((word) => word && word.length <= 100).slice(0, 40) : [];
}

function doi(doc: Document): string | undefined {
  for (const link of findAll(doc, 'a[href*="doi.org/10." i]')) {
    if (!inArticle(link)) continue;
    const value = findDoi(attr(link, 'href'));
    if (value) return value;
  }
  for (const element of findAll(doc, '[class*="doi" i], [id*="doi" i]')) {
    if (!inArticle(element)) continue;
    const value = findDoi(text(element));
    if (value) return value;
  }
  // A "DOI: 10.…" line: the article's own comes before the reference list, which is left out.
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return undefined;
  for (const other of findAll(body, NOT_THE_ARTICLE)) other.remove();
  const line = /\bDOI\s*[:：]\s*(10\.\d{4,9}\/\S+)/i.exec(body.textContent ?? '');
  return line ? findDoi(line[1]) || undefined : undefined;
}

function date(doc: Document): string | undefined {
  for (const element of findAll(doc, '[itemprop="datePublished"], time[datetime]')) {
    if (!inArticle(element)) continue;
    const value = attr(element, 'content') ?? attr(element, 'datetime') ?? squish(text(element));
    if (value) return value;
  }
  return undefined;
}

/** The asked-for fields as the page's markup shows them; fields it does not show are absent. */
export function readPageMarkup(doc: Document, fields: ReadonlySet<MarkupField>): ExtractedItem {
  const item: ExtractedItem = {};
  if (fields.has('abstract')) item.abstract = abstract(doc);
  if (fields.has('authors')) item.authors = authors(doc);
  if (fields.has('keywords')) item.keywords = keywords(doc);
  if (fields.has('doi')) item.doi = doi(doc);
  if (fields.has('date')) item.date = date(doc);
  return item;
}
