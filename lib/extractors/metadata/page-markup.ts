import type { ExtractedItem } from '../../model/article';
import { attr, find, findAll, squish, text, textWithout } from '../dom';
import { doiOfLink, findDoi } from '../../text/clean';
import { TextMeasure } from '../shared/text-measure';

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

/**
 * Containers of other works' data (references, citing and related articles, recommendations)
 * and of the site (nav, footer, aside, the page header): never read. Tested on tag, class and id
 * during the one walk below, so their subtrees are skipped at no cost.
 */
const OTHER_WORKS = /reference|ref-list|biblio|cited|related|recommend/;
const SITE_TAGS = new Set(['nav', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'svg', 'select', 'form']);

const MAX_ABSTRACT = 20_000;
const LABEL = /^\s*(?:abstract|summary|摘\s*要|内容摘要|中文摘要)\s*[:：.]?\s*$/i;
const KEYWORD_LABEL = /^\s*(?:key\s*words?|keywords?|关键词|关\s*键\s*词|关键字)\s*[:：.]?\s*$/i;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'dt']);
const SECTION_HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt']);

/** What one walk over the page's article parts found, by kind, in page order. */
interface Found {
  abstracts: Element[];
  keywordLists: Element[];
  authors: Element[];
  givenNames: Element[];
  doiLinks: Element[];
  doiElements: Element[];
  dates: Element[];
  abstractHeadings: Element[];
  keywordHeadings: Element[];
  skipped: Element[];
}

/**
 * One pass over the body's elements (by sibling links: jsdom's selector engine and live
 * collections cost far more), reading each element's tag, class and id once.
 */
function walk(doc: Document): Found {
  const found: Found = { abstracts: [], keywordLists: [], authors: [], givenNames: [], doiLinks: [], doiElements: [], dates: [], abstractHeadings: [], keywordHeadings: [], skipped: [] };
  const measure = new TextMeasure();
  const visit = (parent: Element, depth: number): void => {
    for (let element = parent.firstElementChild; element; element = element.nextElementSibling) {
      const tag = element.localName;
      if (SITE_TAGS.has(tag) || (tag === 'header' && depth === 0)) continue;
      const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
      if (names.length > 1 && OTHER_WORKS.test(names)) {
        found.skipped.push(element);
        continue;
      }
      if (names.length > 1) {
        if ((names.includes('abstract') || names.includes('摘要')) && tag !== 'a' && tag !== 'button' && tag !== 'meta') found.abstracts.push(element);
        if (names.includes('keyword') || names.includes('kwd') || names.includes('关键词')) found.keywordLists.push(element);
        // "author-name" only: a bare "author" class often wraps name, mail link and affiliation marks.
        if (/(?:^|\s)(?:author-name|authorname)(?:\s|$)/.test(names)) found.authors.push(element);
        if (/(?:^|\s)given-name(?:\s|$)/.test(names)) found.givenNames.push(element);
        if (names.includes('doi')) found.doiElements.push(element);
      }
      const itemprop = element.getAttribute('itemprop');
      if (itemprop === 'author') found.authors.push(element);
      else if (itemprop === 'datePublished') found.dates.push(element);
      else if (itemprop === 'description' && tag !== 'meta') found.abstracts.push(element);
      if (tag === 'a') {
        if (element.getAttribute('rel') === 'author') found.authors.push(element);
        if (/doi\.org\/10\./i.test(element.getAttribute('href') ?? '')) found.doiLinks.push(element);
      } else if (tag === 'time' && element.hasAttribute('datetime')) found.dates.push(element);
      else if (HEADING_TAGS.has(tag)) {
        // Measured before it is read: a heading left open holds the rest of the page, and headings
        // nested in it would each read it again.
        if (measure.of(element).raw < 40) {
          const label = element.textContent ?? '';
          if (LABEL.test(label)) found.abstractHeadings.push(element);
          else if (KEYWORD_LABEL.test(label)) found.keywordHeadings.push(element);
        }
      }
      visit(element, depth + 1);
    }
  };
  if (doc.body) visit(doc.body, 0);
  return found;
}

/** The text after a heading: its next siblings up to the next heading. */
function afterHeading(headings: Element[]): string | undefined {
  for (const heading of headings) {
    const parts: string[] = [];
    // The heading may sit inside a wrapper (<p><strong>Abstract</strong> text</p>).
    const owner = heading.nextSibling || !heading.parentElement ? heading : heading.parentElement;
    for (let node = owner.nextSibling; node && parts.join(' ').length < MAX_ABSTRACT; node = node.nextSibling) {
      if (node.nodeType === 1 && SECTION_HEADINGS.has((node as Element).localName)) break;
      parts.push(node.textContent ?? '');
    }
    const value = squish(parts.join(' '));
    if (value) return value;
  }
  return undefined;
}

function abstract(found: Found): string | undefined {
  for (const element of found.abstracts) {
    // Its own heading ("Abstract") is left out; labels are stripped by normalizeItem anyway.
    const value = squish(textWithout(element, 'h1, h2, h3, h4, h5, h6'));
    // An abstract is prose: a link label or a toggle ("Show abstract") is not one.
    const cjk = /[\u3400-\u9fff]/.test(value);
    if (value.length >= (cjk ? 40 : 100) && value.length <= MAX_ABSTRACT * 2) return value;
  }
  const after = afterHeading(found.abstractHeadings);
  return after && after.length >= 40 ? after : undefined;
}

function authorName(element: Element): string {
  const given = find(element, '.given-name, [itemprop="givenName"], .given');
  const family = find(element, '.surname, [itemprop="familyName"], .family-name');
  if (given && family) return `${squish(text(family))}, ${squish(text(given))}`;
  const name = find(element, '[itemprop="name"]');
  return squish(text(name ?? element));
}

/** given-name/surname pairs that no author element wraps (ScienceDirect's author buttons). */
function namePairs(found: Found): string[] {
  const names: string[] = [];
  for (const given of found.givenNames) {
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
/** Data blocks beyond this are app state, not an article's record: not parsed (they cost more than the page). */
const MAX_JSON_LENGTH = 300_000;

function jsonAuthors(doc: Document): string[] {
  const scripts = findAll(doc, 'script[type="application/json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_SCRIPTS; i++) {
    const source = scripts[i].textContent ?? '';
    if (source.length > MAX_JSON_LENGTH || !/"(?:authors?|creators|contributors)"\s*:\s*[[{]|"#name"\s*:\s*"author"/.test(source)) continue;
    try {
      const names = jsonAuthorList(JSON.parse(source));
      if (names.length) return names.slice(0, 100);
    } catch {
      // Not JSON after all: the page's other data still counts.
    }
  }
  return [];
}

function authors(doc: Document, found: Found): string[] {
  const pairs = namePairs(found);
  if (pairs.length) return pairs;
  const fromJson = jsonAuthors(doc);
  if (fromJson.length) return fromJson;
  const names = found.authors.map(authorName).filter((name) => name.length >= 2 && name.length <= 100);
  return [...new Set(names)].slice(0, 100);
}

function keywords(found: Found): string[] {
  for (const element of found.keywordLists) {
    // One element per keyword: the innermost list items, links or keyword-classed elements.
    const nodes = findAll(element, 'li, a, [class*="keyword" i], [class*="kwd" i]');
    const leaves = nodes.filter((node) => !nodes.some((other) => other !== node && node.contains(other)));
    const items = leaves.map((node) => squish(text(node))).filter(Boolean);
    const list = items.length ? items : squish(textWithout(element, 'h1, h2, h3, h4, h5, h6, strong, b')).split(/\s*[;；,，、]\s*/);
    const kept = list.filter((word) => word && word.length <= 100 && !KEYWORD_LABEL.test(word));
    if (kept.length) return kept.slice(0, 40);
  }
  const after = afterHeading(found.keywordHeadings);
  return after ? after.split(/\s*[;；,，、]\s*/).filter((word) => word && word.length <= 100).slice(0, 40) : [];
}

function doi(doc: Document, found: Found): string | undefined {
  for (const link of found.doiLinks) {
    const value = doiOfLink(attr(link, 'href'));
    if (value) return value;
  }
  for (const element of found.doiElements) {
    const value = findDoi(text(element));
    if (value) return value;
  }
  // A "DOI: 10.…" line in the text, unless the reference list is where it stands.
  const body = doc.body?.textContent ?? '';
  const others = found.skipped.map((element) => element.textContent ?? '').join(' ');
  for (const match of body.matchAll(/\bDOI\s*[:：]\s*(10\.\d{4,9}\/\S+)/gi)) {
    const value = findDoi(match[1]);
    if (value && !others.toLowerCase().includes(value)) return value;
  }
  return undefined;
}

function date(found: Found): string | undefined {
  for (const element of found.dates) {
    const value = attr(element, 'content') ?? attr(element, 'datetime') ?? squish(text(element));
    if (value) return value;
  }
  return undefined;
}

/** The asked-for fields as the page's markup shows them; fields it does not show are absent. */
export function readPageMarkup(doc: Document, fields: ReadonlySet<MarkupField>): ExtractedItem {
  const found = walk(doc);
  const item: ExtractedItem = {};
  if (fields.has('abstract')) item.abstract = abstract(found);
  if (fields.has('authors')) item.authors = authors(doc, found);
  if (fields.has('keywords')) item.keywords = keywords(found);
  if (fields.has('doi')) item.doi = doi(doc, found);
  if (fields.has('date')) item.date = date(found);
  return item;
}
