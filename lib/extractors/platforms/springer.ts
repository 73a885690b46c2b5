import { find, hostIs } from '../dom';
import { readCards, readSpringerNatureArticle, type CardLayout } from '../shared/springer-nature';
import { articleOrList } from '../shared/list-items';
import type { Extractor } from '../types';

/**
 * SpringerLink: article and chapter pages (Highwire tags; author keywords and the abstract as the
 * page shows them), search results and the lists of a journal or book (cards since 2023, the
 * "results-list" before). A SpringerLink id is the DOI its address names.
 */
const ITEM_PATH = /\/(?:article|chapter|book|referenceworkentry|protocol|rwe)\/(10\.\d{4,9}\/[^?#\s]+)/i;

export function springerDoi(href: string): string | undefined {
  const match = ITEM_PATH.exec(href);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

const CARDS: CardLayout = {
  rows: 'li[data-test="search-result-item"], ol[data-test="darwin-search"] > li, .app-card-open, ol#results-list > li',
  title: '.app-card-open__heading a, h3 a.app-card-open__link, h2 a.title, a.title',
  authors: '[data-test="authors"], .app-card-open__authors span, span.authors a, span.authors',
  container: '[data-test="parent"], .app-card-open__subtitle a, a.publication-title',
  date: '[data-test="published"], span.year, .c-meta__item[data-test="published"]',
  snippet: '.app-card-open__description, [data-test="description"], p.snippet',
  type: '[data-test="content-type"], p.content-type',
  doiOf: springerDoi,
  idOf: springerDoi,
};

export const springer: Extractor = {
  id: 'springer',
  hosts: ['link.springer.com'],
  seenOn: [
    'https://link.springer.com/article/10.1007/s10924-010-0192-1',
    'https://link.springer.com/search?query=bioplastic',
  ],

  canExtract(doc, url) {
    if (hostIs(url, 'link.springer.com')) return true;
    // nature.com runs the same design and tags: its own extractor reads it.
    if (hostIs(url, 'nature.com')) return false;
    // A mirrored or proxied copy: Springer's own tags or its card lists.
    return find(doc, 'meta[name="citation_springer_api_url"], meta[name="dc.publisher"][content*="Springer" i], meta[name="citation_publisher"][content*="Springer" i], li[data-test="search-result-item"] a[href*="/article/10."], ol#results-list a[href*="/article/10."]') !== null;
  },

  kind: articleOrList,

  extract(doc, url) {
    if (find(doc, 'meta[name="citation_title"]')) {
      const article = readSpringerNatureArticle(doc, url, springerDoi);
      if (article) return [article];
    }
    return readCards(doc, url, CARDS);
  },
};
