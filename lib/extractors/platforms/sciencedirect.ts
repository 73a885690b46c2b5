import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, closest, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { fillMissing } from '../shared/merge';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * ScienceDirect (Elsevier). Article pages (/science/article/pii/PII and /abs/pii/PII) carry
 * citation_* tags without citation_author: the names are in the banner (span.given-name,
 * span.text.surname), the abstract in div.abstract.author (beside the highlights, which are
 * another div.abstract), the keywords in div.keyword, and the page's JSON data block holds the
 * author list again. Search results (/search?qs=...) are li.ResultItem entries, drawn by
 * scripts, with the DOI as an attribute.
 */
const PII = /\/pii\/([SB]?[0-9X()-]{10,})/i;

function piiOf(value: string | undefined): string | undefined {
  return value ? PII.exec(value)?.[1]?.toUpperCase() : undefined;
}

function articleUrl(pii: string): string {
  return `https://www.sciencedirect.com/science/article/pii/${pii}`;
}

/** The banner's names: "given surname", in page order. */
function bannerAuthors(doc: Document): string[] {
  return findAll(doc, '#author-group .react-xocs-alternative-link, .AuthorGroups .react-xocs-alternative-link, .author-group a.author')
    .map((node) => squish(`${text(find(node, '.given-name'))} ${text(find(node, '.surname'))}`))
    .filter(Boolean);
}

interface XocsNode {
  '#name'?: unknown;
  _?: unknown;
  $$?: unknown;
}

/** Bounds against a hostile data block: names sit a few levels down, never thousands. */
const MAX_JSON_NODES = 5000;

/** "given surname" of each `author` node of the data block's `authors` tree. */
function jsonAuthors(doc: Document): string[] {
  const script = find(doc, 'script[type="application/json"][data-iso-key]');
  if (!script) return [];
  let data: unknown;
  try {
    data = JSON.parse(script.textContent ?? '');
  } catch {
    return [];
  }
  const names: string[] = [];
  const queue: unknown[] = [(data as { authors?: { content?: unknown } } | null)?.authors?.content];
  let visited = 0;
  while (queue.length && visited++ < MAX_JSON_NODES) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const { '#name': name, $$: children } = node as XocsNode;
    if (name === 'author' && Array.isArray(children)) {
      const part = (wanted: string) => {
        const found = children.find((child) => (child as XocsNode)?.['#name'] === wanted) as XocsNode | undefined;
        return typeof found?._ === 'string' ? found._ : '';
      };
      const full = squish(`${part('given-name')} ${part('surname')}`);
      if (full) names.push(full);
    } else if (Array.isArray(children)) {
      queue.push(children);
    }
  }
  return names;
}

/** The author abstract: not the highlights, not an abstract quoted in the reference list. */
function authorAbstract(doc: Document): string | undefined {
  const node = findAll(doc, 'div.abstract.author').find(
    (candidate) => !closest(candidate.parentElement, '.author-highlights, #references, .References, .bibliography'),
  );
  return node ? squish(textWithout(node, 'h2, h3, .section-title')) || undefined : undefined;
}

function articlePage(doc: Document, url: URL): ExtractedItem {
  const meta = readEmbeddedArticle(doc, url);
  const pii = piiOf(url.pathname) ?? attr(find(doc, 'meta[name="citation_pii"]'), 'content');
  const authors = bannerAuthors(doc);
  const dom: ExtractedItem = {
    title: squish(text(find(doc, '#screen-reader-main-title .title-text, h1 .title-text'))) || undefined,
    authors: authors.length ? authors : jsonAuthors(doc),
    abstract: authorAbstract(doc),
    keywords: findAll(doc, '.keywords-section .keyword').map((node) => squish(text(node))).filter(Boolean),
    platformId: pii,
    url: pii ? articleUrl(pii) : undefined,
  };
  return fillMissing(dom, meta);
}

/** "Journal of X, Volume 12, 1 March 2021, 102530": the journal link and the date after it. */
function resultItem(entry: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(entry, 'a.result-list-title-link');
  const title = squish(text(link));
  if (!link || !title) return undefined;
  const pii = piiOf(attr(link, 'href')) ?? attr(entry, 'data-pii');
  const source = find(entry, '.srctitle-date-fields');
  const spans = findAll(source, 'span').map((span) => squish(text(span))).filter(Boolean);
  const date = [...spans].reverse().find((value) => /\b(?:19|20)\d{2}\b/.test(value));
  const type = squish(text(find(entry, '.article-type, .subtype-srctitle .article-type')));
  return {
    title,
    authors: findAll(entry, '.Authors .author').map((node) => squish(text(node))).filter(Boolean),
    containerTitle: squish(text(find(entry, '.subtype-srctitle-link'))) || undefined,
    date,
    doi: attr(entry, 'data-doi'),
    type: /book chapter/i.test(type) ? 'chapter' : undefined,
    platformId: pii,
    url: pii ? articleUrl(pii) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

function searchResults(doc: Document, base: URL): ExtractedItem[] {
  return itemsOfRows(findAll(doc, 'li.ResultItem'), (entry, position) => resultItem(entry, base, position));
}

function isArticle(doc: Document): boolean {
  return find(doc, '#screen-reader-main-title') !== null || find(doc.head, 'meta[name="citation_pii"]') !== null;
}

export const sciencedirect: Extractor = {
  id: 'sciencedirect',
  hosts: ['sciencedirect.com'],
  seenOn: [
    'https://www.sciencedirect.com/science/article/pii/S146290112300117X',
    'https://www.sciencedirect.com/science/article/abs/pii/S2352485522001888',
    'https://www.sciencedirect.com/search?qs=hyporheic%20exchange',
  ],

  canExtract(doc, url) {
    if (hostIs(url, 'sciencedirect.com')) return true;
    // Copies served elsewhere (mirrors, proxies that keep their own host): by markup only it has.
    return find(doc.head, 'meta[name="citation_pii"]') !== null || find(doc, 'li.ResultItem a.result-list-title-link') !== null;
  },

  kind(doc) {
    return isArticle(doc) ? 'article' : 'list';
  },

  extract(doc, url) {
    if (isArticle(doc)) return [articlePage(doc, url)];
    return searchResults(doc, url);
  },
};
