import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, text } from '../dom';
import type { Extractor } from '../types';

/**
 * Qinyun (勤云, E-Tiller) journal systems host thousands of Chinese journals on their own
 * domains, so they are recognised by page markers (the 勤云 footer, `/ch/reader/` paths), not
 * by host. Seen on: the seed's similar-literature page (search_similar.aspx).
 */
const READER_PATH = /\/(?:ch|en)\/reader\//i;

function isQinyunPage(doc: Document, url: URL): boolean {
  if (READER_PATH.test(url.pathname)) return true;
  const footer = doc.querySelector('.foot, #footer, .footer');
  return /勤云|qinyun|e-tiller/i.test(footer?.textContent ?? '') || doc.querySelector('a[href*="qinyun.net"]') !== null;
}

function fileNo(href: string | undefined): string | undefined {
  return href ? /file_no=([\w.-]+)/i.exec(href)?.[1] : undefined;
}

/** The article page of a file number, on the same journal site and in the same language. */
function articleUrl(fileNumber: string, url: URL): string {
  const language = /\/en\/reader\//i.test(url.pathname) ? 'en' : 'ch';
  return new URL(`/${language}/reader/view_abstract.aspx?file_no=${encodeURIComponent(fileNumber)}`, url).href;
}

/** Rows of the similar-literature list: position, abstract, and a title link when the page has one. */
function similarListItems(doc: Document, url: URL): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  for (const row of doc.querySelectorAll('table.similar_list tr')) {
    const abstractNode = row.querySelector('.abstract');
    const titleLink = row.querySelector<HTMLAnchorElement>('a.title, .title a, a[href*="view_abstract"]');
    const similarLink = row.querySelector<HTMLAnchorElement>('a.similar, a[href*="search_similar"]');
    const number = fileNo(attr(titleLink, 'href')) ?? fileNo(attr(similarLink, 'href'));
    const position = Number.parseInt(text(row.querySelector('td.xh')), 10);
    const item: ExtractedItem = {
      title: titleLink ? text(titleLink) : undefined,
      abstract: text(abstractNode),
      platformId: number,
      url: number ? articleUrl(number, url) : absoluteUrl(attr(titleLink, 'href'), url),
      position: Number.isFinite(position) ? position : items.length + 1,
    };
    if (item.title?.trim() || item.abstract?.trim()) items.push(item);
  }
  return items;
}

export const qinyun: Extractor = {
  id: 'qinyun',
  seenOn: ['http://journal.example.cn/ch/reader/search_similar.aspx?file_no=20230001'],

  canExtract(doc, url) {
    return isQinyunPage(doc, url) && doc.querySelector('table.similar_list') !== null;
  },

  kind() {
    return 'list';
  },

  extract(doc, url) {
    return similarListItems(doc, url);
  },
};
