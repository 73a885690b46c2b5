import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, hostIs, queryParam, squish, text, textWithout } from '../dom';
import { itemsOfRows } from '../shared/list-items';
import { typeFromLabel } from '../shared/item-types';
import type { Extractor } from '../types';
import { innermost } from '../shared/list-rows';

/**
 * Web of Science (the Angular site at www.webofscience.com and webofscience.clarivate.cn).
 * Result lists (/wos/woscc/summary/...) are app-record elements drawn by scripts: the title link
 * to the full record (/wos/woscc/full-record/WOS:...), the shown authors ("Feng, JH"; a long
 * list is cut with "(...)"), the date, the source title, volume, issue and pages, the abstract
 * once "Show more" was pressed, and the DOI inside the "Full text from publisher" gateway link.
 * Full records carry FullRTa-* ids (title, abstract, DOI, document type, keywords) and the
 * accession number (the record's id).
 */
const HOSTS = ['webofscience.com', 'webofscience.clarivate.cn'];

/** "WOS:000765566200001", "MEDLINE:12345678": the record id at the end of a full-record link. */
const RECORD_ID = /\/full-record\/([A-Z]+:[A-Z0-9]+)/i;

function recordId(href: string | undefined): string | undefined {
  return href ? RECORD_ID.exec(href)?.[1] : undefined;
}

function recordUrl(id: string, database = 'woscc'): string {
  return `https://www.webofscience.com/wos/${database}/full-record/${id}`;
}

/** The DOI the gateway links carry: KeyAID on the DOI link, rft_id on the OpenURL one. */
function gatewayDoi(record: Element, base: URL): string | undefined {
  for (const link of findAll(record, 'a[href*="KeyAID="], a[href*="rft_id"]')) {
    const href = attr(link, 'href');
    const key = queryParam(href, 'KeyAID', base);
    if (key && /^10\.\d{4,9}\//.test(key)) return key;
    const openUrl = queryParam(href, 'DestURL', base) ?? href ?? '';
    const rft = /rft_id=info(?::|%3A)doi(?:\/|%2F)([^&]+)/i.exec(openUrl)?.[1];
    if (rft) return decodeURIComponent(decodeURIComponent(rft));
  }
  return undefined;
}

/** " , pp.221-241 " → "221-241"; " (1) " → "1". */
function cleanPart(value: string, prefix: RegExp): string | undefined {
  return squish(value).replace(prefix, '').replace(/^\(|\)$/g, '').trim() || undefined;
}

function summaryRecord(record: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(record, 'a[data-ta="summary-record-title-link"]');
  const title = squish(text(link));
  if (!link || !title) return undefined;
  const id = recordId(attr(link, 'href'));
  const database = /\/wos\/([a-z]+)\/full-record\//i.exec(attr(link, 'href') ?? '')?.[1];
  const abstract = find(record, '.abstract');
  return {
    title,
    authors: findAll(record, 'app-summary-authors a.authors').map((a) => squish(text(a))).filter(Boolean),
    date: squish(text(find(record, '[data-ta="summary-record-pubdate"]'))).replace(/\s*\|\s*$/, '') || undefined,
    containerTitle: squish(text(find(record, '.summary-source-title-link, .summary-source-title'))) || undefined,
    volume: cleanPart(text(find(record, '[data-ta="Summary-vol"]')), /^vol(?:ume)?\.?\s*/i),
    issue: cleanPart(text(find(record, '[data-ta="Summary-issue"]')), /^\s*/),
    pages: cleanPart(text(find(record, '[data-ta="Summary-page-no"]')), /^[,\s]*pp?\.\s*/i),
    abstract: abstract ? squish(textWithout(abstract, 'button, .show-more-wrapper')) || undefined : undefined,
    doi: gatewayDoi(record, base),
    platformId: id,
    url: id ? recordUrl(id, database) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

/** Text of the full record's field by its FullRTa id ("FullRTa-DOI"). */
function field(doc: Document, id: string): string | undefined {
  return squish(text(find(doc, `#${id}`))) || undefined;
}

function recordType(label: string | undefined): string | undefined {
  if (!label) return undefined;
  if (/chapter/i.test(label)) return 'chapter';
  if (/data ?set/i.test(label)) return 'dataset';
  return typeFromLabel(label);
}

function fullRecord(doc: Document, url: URL): ExtractedItem {
  const id = field(doc, 'HiddenSecTa-accessionNo') ?? recordId(url.pathname);
  const database = /\/wos\/([a-z]+)\/full-record\//i.exec(url.pathname)?.[1];
  const authors = findAll(doc, 'app-full-record-authors a[id^="SumAuthTa-DisplayName-author-en-"], #SumAuthTa-MainDiv-author-en a[id*="DisplayName-author"]');
  const keywords = findAll(doc, 'a[id^="FRkeywordsTa-authorKeywordLink-"]');
  return {
    title: field(doc, 'FullRTa-fullRecordtitle-0'),
    authors: authors.map((a) => squish(text(a))).filter(Boolean),
    abstract: field(doc, 'FullRTa-abstract-basic'),
    doi: field(doc, 'FullRTa-DOI'),
    date: field(doc, 'FullRTa-pubdate'),
    containerTitle: squish(text(find(doc, '.summary-source-title-link, .summary-source-title'))) || undefined,
    volume: field(doc, 'FullRTa-volume'),
    issue: field(doc, 'FullRTa-issue'),
    pages: field(doc, 'FullRTa-pageNo'),
    keywords: keywords.map((a) => squish(text(a))).filter(Boolean),
    type: recordType(field(doc, 'FullRTa-doctype-0')),
    platformId: id,
    url: id ? recordUrl(id, database) : url.href,
  };
}

function isFullRecord(doc: Document): boolean {
  return find(doc, '#FullRTa-fullRecordtitle-0') !== null;
}

export const webOfScience: Extractor = {
  id: 'web-of-science',
  hosts: HOSTS,
  seenOn: [
    'https://www.webofscience.com/wos/woscc/summary/f96571ae-a383-4a5f-adb9-1be0f91dfe77-729d773d/relevance/1',
    'https://www.webofscience.com/wos/woscc/full-record/WOS:000765566200001',
  ],

  canExtract(doc, url) {
    if (hostIs(url, ...HOSTS)) return true;
    // Copies served elsewhere: the record list and the full record carry their own markup.
    // getElementsByTagName: one native lookup, where the selector would walk every element.
    return isFullRecord(doc) || doc.getElementsByTagName('app-record').length > 0;
  },

  kind(doc) {
    return isFullRecord(doc) ? 'article' : 'list';
  },

  extract(doc, url) {
    if (isFullRecord(doc)) return [fullRecord(doc, url)];
    return itemsOfRows(innermost(findAll(doc, 'app-record')), (record, position) => summaryRecord(record, url, position));
  },
};
