import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, hostIs, queryParam, squish, text } from '../dom';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor } from '../types';
import { innermost } from '../shared/list-rows';

/**
 * Scopus result lists (www.scopus.com/results/results.uri), drawn by scripts: one row per
 * document (tr.searchArea) with the title link to the record (/record/display.uri?eid=2-s2.0-N),
 * the authors ("Feng J., Liu D."), the year and the source title with its volume, issue and
 * pages. The EID names the document.
 */
const EID = /\b(2-s2\.0-\d{5,})\b/;

function eidOf(href: string | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  return queryParam(href, 'eid', base) ?? EID.exec(href)?.[1];
}

function recordUrl(eid: string): string {
  return `https://www.scopus.com/record/display.uri?eid=${eid}&origin=resultslist`;
}

/** "37(1), pp. 221-241" after the source title. */
function sourceLine(line: string): Pick<ExtractedItem, 'volume' | 'issue' | 'pages'> {
  const match = /^\s*,?\s*(\d+)?\s*(?:\(([^)]+)\))?\s*,?\s*(?:(?:pp?\.\s*)?([A-Za-z]?\d+(?:\s*-\s*[A-Za-z]?\d+)?))?/.exec(line);
  // "17(1 January)": the issue, and the month it came out.
  const issue = match?.[2]?.replace(/^(\d+)\s+[A-Z][a-z]+$/, '$1');
  return { volume: match?.[1], issue, pages: match?.[3] };
}

function resultRow(row: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(row, 'a.ddmDocTitle, [data-type="docTitle"] a, a[href*="/record/display.uri"]');
  const title = squish(text(link));
  if (!link || !title) return undefined;
  const eid = eidOf(attr(link, 'href'), base);
  const source = find(row, '.ddmDocSource, [data-type="source"]');
  const sourceName = squish(text(find(source, 'a') ?? source));
  const rest = squish(text(source)).slice(squish(text(source)).indexOf(sourceName) + sourceName.length);
  const authorLinks = findAll(row, '.ddmAuthorList a, [data-type="authors"] a');
  const authors = authorLinks.length
    ? authorLinks.map((a) => squish(text(a)).replace(/,$/, ''))
    : squish(text(find(row, '.ddmAuthorList, [data-type="authors"]'))).split(/\s*,\s*(?=[^,]+\.)/);
  return {
    title,
    authors: authors.filter(Boolean),
    date: /\b(?:19|20)\d{2}\b/.exec(text(find(row, '.ddmPubYr, [data-type="year"]')))?.[0],
    containerTitle: sourceName || undefined,
    ...sourceLine(rest),
    platformId: eid,
    url: eid ? recordUrl(eid) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

const ROWS = 'tr.searchArea';

export const scopus: Extractor = {
  id: 'scopus',
  hosts: ['scopus.com'],
  seenOn: ['https://www.scopus.com/results/results.uri?src=s&sot=b&s=TITLE-ABS-KEY(hyporheic%20exchange)'],

  canExtract(doc, url) {
    if (hostIs(url, 'scopus.com')) return true;
    // Copies served elsewhere: the result rows' own classes.
    return find(doc, 'tr.searchArea a.ddmDocTitle') !== null;
  },

  kind() {
    return 'list';
  },

  extract(doc, url) {
    return itemsOfRows(innermost(findAll(doc, ROWS)), (row, position) => resultRow(row, url, position));
  },
};
