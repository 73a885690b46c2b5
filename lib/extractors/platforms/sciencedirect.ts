import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, closest, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';
import { innermost } from '../shared/list-rows';

/**
 * ScienceDirect (Elsevier). Article pages (/science/article/pii/PII and /abs/pii/PII) carry
 * citation_* tags without citation_author: the names are in the banner (span.given-name,
 * span.text.surname), the abstract in div.abstract.author (beside the highlights, which are
 * another div.abstract), the keywords in div.keyword, and the page's JSON data block holds the
 * author list again (read by the embedded-metadata reader's markup fallback when there is no banner). Search results (/search?qs=...) are li.ResultItem entries, drawn by
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

/** The author abstract: not the highlights, not an abstract quoted in the reference list. */
function authorAbstract(doc: Document): string | undefined {
  const node = findAll(doc, 'div.abstract.author').find(
    (candidate) => !closest(candidate.parentElement, '.author-highlights, #references, .References, .bibliography'),
  );
  return node ? squish(textWithout(node, 'h2, h3, .section-title')) || undefined : undefined;
}

/** Without a banner, the page's JSON data block gives the names (the embedded-metadata reader's markup fallback reads it). */
function articlePage(doc: Document, url: URL): ExtractedItem {
  const pii = piiOf(url.pathname) ?? attr(find(doc, 'meta[name="citation_pii"]'), 'content');
  return withEmbeddedMetadata(doc, url, {
    title: squish(text(find(doc, '#screen-reader-main-title .title-text, h1 .title-text'))) || undefined,
    authors: bannerAuthors(doc),
    abstract: authorAbstract(doc),
    keywords: findAll(doc, '.keywords-section .keyword').map((node) => squish(text(node))).filter(Boolean),
    platformId: pii,
    url: pii ? articleUrl(pii) : undefined,
  });
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
  return itemsOfRows(innermost(findAll(doc, 'li.ResultItem')), (entry, position) => resultItem(entry, base, position));
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
