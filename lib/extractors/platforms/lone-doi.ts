import { normalizeDoi } from '../../text/clean';
import { findAll, squish, text } from '../dom';
import { isWebSearchEngine } from '../shared/search-engines';
import type { Extractor } from '../types';

/**
 * A page that carries nothing but its DOI, shown the way Crossref's display guidelines ask
 * ("https://doi.org/10.xxxx/yyy", or "DOI: 10.xxxx/yyy") near its heading: the DOI identifies
 * the article, and the heading is its title. A page naming several DOIs is a list or a
 * reference section, and a DOI far below the heading is a citation: neither yields anything.
 */
const DOI_IN_TEXT = /(?:\bdoi\s*[:：]?\s*|doi\.org\/)(10\.\d{4,9}\/[^\s"'<>，。；]+)/gi;
const MAX_TEXT = 300_000;
/** How far after the heading a DOI may stand to be the heading's own. */
const HEADER_WINDOW = 2000;

function distinctDois(doc: Document, bodyText: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of bodyText.matchAll(DOI_IN_TEXT)) {
    const doi = normalizeDoi(match[1]);
    if (doi && !found.has(doi)) found.set(doi, match.index ?? 0);
    if (found.size > 1) return found;
  }
  for (const link of findAll(doc, 'a[href*="doi.org/10." i]')) {
    const doi = normalizeDoi(link.getAttribute('href'));
    if (doi && !found.has(doi)) found.set(doi, Number.MAX_SAFE_INTEGER);
    if (found.size > 1) return found;
  }
  return found;
}

export const loneDoi: Extractor = {
  id: 'doi',
  hosts: [],
  seenOn: ['https://www.crossref.org/display-guidelines/'],

  canExtract(doc, url) {
    return doc.body !== null && !isWebSearchEngine(url) && /10\.\d{4,9}\//.test(doc.body.textContent?.slice(0, MAX_TEXT) ?? '');
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const bodyText = (doc.body?.textContent ?? '').slice(0, MAX_TEXT);
    const dois = distinctDois(doc, bodyText);
    if (dois.size !== 1) return [];
    const [[doi, at]] = dois;
    const headings = findAll(doc, 'h1');
    const heading = headings.length === 1 ? headings[0] : null;
    const headingText = squish(text(heading));
    const headingAt = headingText ? bodyText.indexOf(text(heading)) : 0;
    if (headingAt < 0 || at < headingAt || at - headingAt > HEADER_WINDOW) return [];
    return [{ doi, title: headingText || undefined, url: url.href }];
  },
};
