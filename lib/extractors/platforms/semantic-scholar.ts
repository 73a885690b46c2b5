import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { readJsonLd } from '../metadata/json-ld';
import { fillMissing } from '../shared/merge';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';
import { innermost } from '../shared/list-rows';

/**
 * Semantic Scholar (www.semanticscholar.org). Paper pages (/paper/<slug>/<40-hex id>) carry
 * citation_* tags (every author, the year) and show the DOI, the date and the abstract. Where
 * the page shows a TLDR (a machine-written one-sentence summary, marked by its "TLDR" pill) in
 * place of the abstract, it is not the abstract, and the page's description and JSON-LD
 * "abstract" hold that same sentence: then the article has no abstract here. Search results
 * (/search?q=...) are cl-paper-row blocks, drawn by scripts.
 */
const PAPER_ID = /\/paper\/(?:[^/?#]*\/)?([0-9a-f]{40})\b/i;

function paperId(value: string | undefined): string | undefined {
  return value ? PAPER_ID.exec(value)?.[1]?.toLowerCase() : undefined;
}

function paperUrl(id: string): string {
  return `https://www.semanticscholar.org/paper/${id}`;
}

/** The abstract block under the title, unless it holds the TLDR. */
function abstractBlock(root: ParentNode): { text?: string; tldr: boolean } {
  const block = find(root, '.tldr-abstract-replacement, [data-test-id="abstract-text"], .cl-paper-abstract');
  if (!block) return { tldr: false };
  if (find(block, '.tldr-abstract__pill, .tldr-abstract-replacement__pill') || /^\s*TLDR\b/.test(text(block))) return { tldr: true };
  const shown = find(block, '[data-test-id="text-truncator-text"]') ?? block;
  return { text: squish(textWithout(shown, 'button, .more-toggle')) || undefined, tldr: false };
}

function paperPage(doc: Document, url: URL): ExtractedItem {
  const canonical = absoluteUrl(attr(find(doc, 'link[rel="canonical"]'), 'href'), url);
  const id = paperId(url.pathname) ?? paperId(canonical);
  const meta = readEmbeddedArticle(doc, url);
  const shown = abstractBlock(doc);
  // The JSON-LD abstract is whole where the page cuts its text short ("Expand").
  const jsonLd = readJsonLd(doc)[0]?.abstract;
  const abstract = shown.text && jsonLd && jsonLd.startsWith(shown.text.slice(0, 40)) && jsonLd.length > shown.text.length ? jsonLd : shown.text;
  const item = fillMissing(
    {
      title: squish(text(find(doc, 'h1[data-test-id="paper-detail-title"]'))) || undefined,
      abstract,
      doi: squish(text(find(doc, '[data-test-id="paper-doi"] a.doi__link'))) || undefined,
      date: squish(text(find(doc, '[data-test-id="paper-year"]'))) || undefined,
      platformId: id,
      url: canonical ?? (id ? paperUrl(id) : undefined),
    },
    meta,
  );
  // The description and JSON-LD repeat the TLDR: never the abstract.
  if (shown.tldr) delete item.abstract;
  return item;
}

function resultRow(row: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(row, 'a[data-test-id="title-link"], .cl-paper-title a, a.cl-paper-title');
  const title = squish(text(find(row, '.cl-paper-title')) || text(link));
  if (!title) return undefined;
  const id = paperId(attr(link, 'href'));
  const shown = abstractBlock(row);
  return {
    title,
    authors: findAll(row, '.cl-paper-authors__author-link, [data-test-id="author-list"] a').map((a) => squish(text(a))).filter(Boolean),
    containerTitle: squish(text(find(row, '.cl-paper-venue'))) || undefined,
    date: squish(text(find(row, '.cl-paper-pubdates'))) || undefined,
    abstract: shown.tldr ? undefined : shown.text,
    doi: /\b(10\.\d{4,9}\/\S+)/.exec(attr(find(row, 'a[href*="doi.org/10."]'), 'href') ?? '')?.[1],
    platformId: id,
    url: id ? paperUrl(id) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

function isPaperPage(doc: Document): boolean {
  return find(doc, 'h1[data-test-id="paper-detail-title"]') !== null;
}

export const semanticScholar: Extractor = {
  id: 'semantic-scholar',
  hosts: ['semanticscholar.org'],
  seenOn: [
    'https://www.semanticscholar.org/paper/Where-the-Crosswalk-Ends%3A-Mapping-Crosswalk-via-in-Moran/704dde842312c5eabb8c76ecf86b48e9fe68e4fe',
    'https://www.semanticscholar.org/search?q=crosswalk%20coverage',
  ],

  canExtract(doc, url) {
    if (hostIs(url, 'semanticscholar.org')) return true;
    return isPaperPage(doc) || find(doc, '.cl-paper-row .cl-paper-title') !== null;
  },

  kind(doc) {
    return isPaperPage(doc) ? 'article' : 'list';
  },

  extract(doc, url) {
    if (isPaperPage(doc)) return [paperPage(doc, url)];
    return itemsOfRows(innermost(findAll(doc, '.cl-paper-row')), (row, position) => resultRow(row, url, position));
  },
};
