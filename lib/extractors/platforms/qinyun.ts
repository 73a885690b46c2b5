import type { ExtractedItem } from '../../model/article';
import { recordNameOrder, splitAuthorLine } from '../../text/names';
import { absoluteUrl, attr, find, findAll, firstText, hostIs, squish, text, textWithout } from '../dom';
import { parseReference } from '../shared/citation-line';
import { itemsOfRows, readList } from '../shared/list-items';
import { listTableRows } from '../shared/list-rows';
import { fillMissing } from '../shared/merge';
import type { Extractor, PageType } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * Qinyun (勤云, E-Tiller) journal systems host thousands of Chinese journals on their own
 * domains, so they are recognised by page markers (the 勤云 footer, `/ch/reader/` paths), not
 * by host. Pages: article pages (view_abstract.aspx; the current template adds citation_* tags,
 * the old one has none; the newest template serves /<journal>/article/abstract/<id> with
 * citation_* tags), issue tables of contents (issue_list.aspx, current.aspx), search results
 * (search.aspx, query_list.aspx) and the similar-literature list (search_similar.aspx).
 */
const READER_PATH = /\/(?:ch|en)\/reader\//i;
const NEWEST_ARTICLE_PATH = /\/article\/abstract\/(\w+)/i;
const ARTICLE_LINKS = 'a[href*="view_abstract.aspx" i][href*="file_no=" i], a[href*="/article/abstract/" i]';
const TOC_PATH = /issue_list\.aspx|current\.aspx|\/article\/(?:current|issue)/i;

const HOSTS = ['ijournal.cn', 'ijournals.cn', 'cnjournals.com', 'cnjournals.net', 'cnjournals.org', 'alljournal.com.cn', 'alljournals.cn'];

function isQinyunPage(doc: Document, url: URL): boolean {
  if (READER_PATH.test(url.pathname) || hostIs(url, ...HOSTS)) return true;
  if (find(doc, 'a[href*="qinyun.net" i], a[href*="e-tiller" i]')) return true;
  const footer = find(doc, '.foot, #footer, .footer, #foot');
  return /勤云|qinyun|e-tiller/i.test(footer?.textContent ?? '');
}

/** The article a link or address names: its file number, or the newest template's id. */
function fileNo(href: string | undefined): string | undefined {
  return href ? (/[?&]file_no=([\w.-]+)/i.exec(href) ?? NEWEST_ARTICLE_PATH.exec(href))?.[1] : undefined;
}

/** The article page of a file number, on the same journal site, template and language. */
function articleUrl(fileNumber: string, url: URL): string {
  const newest = /^(.*?\/article\/)/i.exec(url.pathname)?.[1];
  if (newest && !READER_PATH.test(url.pathname)) return new URL(`${newest}abstract/${encodeURIComponent(fileNumber)}`, url).href;
  const base = /^(.*?\/(?:ch|en)\/reader\/)/i.exec(url.pathname)?.[1] ?? '/ch/reader/';
  return new URL(`${base}view_abstract.aspx?file_no=${encodeURIComponent(fileNumber)}`, url).href;
}

const SIMILAR_LIST = 'table.similar_list';

/** Rows of the similar-literature list: position, abstract, and a title link when the page has one. */
function similarListItems(doc: Document, url: URL): ExtractedItem[] {
  const rows = findAll(doc, SIMILAR_LIST).flatMap((table) => listTableRows(table, SIMILAR_LIST));
  return itemsOfRows(rows, (row, next) => {
    const abstractNode = find(row, '.abstract');
    const titleLink = find(row, 'a.title, .title a, a[href*="view_abstract" i]');
    const similarLink = find(row, 'a.similar, a[href*="search_similar" i]');
    const number = fileNo(attr(titleLink, 'href')) ?? fileNo(attr(similarLink, 'href'));
    const position = Number.parseInt(text(find(row, 'td.xh')), 10);
    const item: ExtractedItem = {
      title: titleLink ? text(titleLink) : undefined,
      abstract: text(abstractNode),
      platformId: number,
      url: number ? articleUrl(number, url) : absoluteUrl(attr(titleLink, 'href'), url),
      position: Number.isFinite(position) ? position : next,
    };
    return item.title?.trim() || item.abstract?.trim() ? item : undefined;
  });
}

function linkTexts(node: Element | null, skip = 'sup'): string[] {
  if (!node) return [];
  return [...findAll(node, 'a')].map((a) => squish(textWithout(a, skip))).filter(Boolean);
}

/** Names in #Author: one link per author in both templates, or a plain line in some journals. */
function authorsOf(doc: Document): string[] {
  const node = find(doc, '#Author, #author');
  const links = linkTexts(node).filter((name) => !/^\d+$/.test(name));
  return links.length ? links : splitAuthorLine(textWithout(node, 'sup'));
}

function keywordsOf(node: Element | null): string[] {
  const links = linkTexts(node);
  if (links.length) return links;
  return squish(text(node)).split(/\s*[;；,，]\s*|\s{2,}/);
}

/** The article of a view_abstract page, from the page's elements, then its meta tags. */
function articleItem(doc: Document, url: URL): ExtractedItem {
  const reference = parseReference(squish(firstText(doc, '#ReferenceText', '#CitedText')));
  const number = fileNo(url.search) ?? fileNo(url.pathname);
  const dom: ExtractedItem = {
    title: firstText(doc, '#FileTitle'),
    altTitle: firstText(doc, '#EnTitle'),
    authors: authorsOf(doc),
    abstract: firstText(doc, '#Abstract'),
    altAbstract: firstText(doc, '#EnAbstract'),
    keywords: keywordsOf(find(doc, '#KeyWord')),
    doi: firstText(doc, '#DOI'),
    platformId: number,
    url: number ? articleUrl(number, url) : url.href,
  };
  // The meta tags' full date beats the year of the reference line.
  const item = fillMissing(withEmbeddedMetadata(doc, url, dom), reference);
  return { ...item, nameOrder: recordNameOrder(item.title, 'unknown') };
}

/** Issue tables of contents and search results: title links to view_abstract pages. */
function listItems(doc: Document, url: URL): ExtractedItem[] {
  return readList(doc, url, {
    links: ARTICLE_LINKS,
    row: 'tr, li, dd',
    idOf: (href) => fileNo(href),
    urlOf: articleUrl,
    abstract: '[id^="abstract" i], [class*="abstract" i], .abs, .zhaiyao',
    authors: '.author, .authors, [class*="author" i]',
    keywords: '.keyword a, .keywords a',
    source: '.source, .journal',
  }).map((item) => ({ ...item, nameOrder: recordNameOrder(item.title, 'unknown') }));
}

/**
 * Article pages by their title element, or (newest template) by their address and tags; lists by
 * their article links: the similar-literature table and search results, or an issue's contents.
 */
export function pageType(doc: Document, url: URL): PageType | undefined {
  if (find(doc, '#FileTitle, #EnTitle')) return 'article';
  if (NEWEST_ARTICLE_PATH.test(url.pathname) && find(doc, 'meta[name="citation_title" i]')) return 'article';
  if (find(doc, SIMILAR_LIST)) return 'results';
  if (find(doc, ARTICLE_LINKS)) return TOC_PATH.test(url.pathname) ? 'toc' : 'results';
  return undefined;
}

export const qinyun: Extractor = {
  id: 'qinyun',
  hosts: HOSTS,
  seenOn: [
    'http://journal.example.cn/ch/reader/search_similar.aspx?file_no=20230001',
    'http://journal.example.cn/ch/reader/view_abstract.aspx?file_no=20230502&flag=1',
    'http://journal.example.cn/ch/reader/issue_list.aspx?year_id=2023&quarter_id=5',
    'http://zgnjzz.ijournals.cn/zgnjzz/article/abstract/202311001',
  ],

  canExtract(doc, url) {
    return isQinyunPage(doc, url) && pageType(doc, url) !== undefined;
  },

  kind(doc, url) {
    return pageType(doc, url) === 'article' ? 'article' : 'list';
  },

  extract(doc, url) {
    switch (pageType(doc, url)) {
      case 'article':
        return [articleItem(doc, url)];
      case 'results':
        return find(doc, SIMILAR_LIST) ? similarListItems(doc, url) : listItems(doc, url);
      case 'toc':
        return listItems(doc, url);
      default:
        return [];
    }
  },
};
