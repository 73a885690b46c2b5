import type { ExtractedItem } from '../../model/article';
import { recordNameOrder } from '../../text/names';
import { absoluteUrl, attr, childElements, find, findAll, hostIs, queryParam, squish, text } from '../dom';
import { parseIssueLine, stripTitleMarks } from '../shared/citation-line';
import { typeFromLabel } from '../shared/item-types';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor, PageType } from '../types';
import { innermost } from '../shared/list-rows';

/**
 * Baidu Scholar (百度学术, xueshu.baidu.com). Result lists (/s?wd=...): div.result entries with
 * the title link to the paper page, a "[图书]" label for books, a snippet from the abstract, and
 * a line "authors - 《journal》 or publisher - 被引量 - year". Paper pages
 * (/usercenter/paper/show?paperid=...): title, author line, abstract, keywords, DOI, journal and
 * year in captioned blocks. Baidu gathers records from many sources, so a Latin name's order
 * cannot be told from the platform; only the names themselves tell.
 */
const HOSTS = ['xueshu.baidu.com'];
const RESULTS = 'div.sc_default_result, #bdxs_result_lists .result';
// Selectors that end in a class: the selector engine finds those by index, tags it must walk for.
const PAPER = '.main-info';
/** Markup only Baidu Scholar pages carry, for copies served elsewhere (classes: found by index). */
const BAIDU_MARKUP = '.sc_info .sc_time, .main-info .author_text';

export function pageType(doc: Document): PageType | undefined {
  if (find(doc, PAPER)) return 'article';
  if (find(doc, RESULTS)) return 'results';
  return undefined;
}

function paperUrl(paperId: string): string {
  return `https://xueshu.baidu.com/usercenter/paper/show?paperid=${encodeURIComponent(paperId)}`;
}

function linkTexts(root: ParentNode | null, selector: string): string[] {
  if (!root) return [];
  return findAll(root, selector)
    .map((link) => squish(text(link)).replace(/[,，;；]+$/u, ''))
    .filter(Boolean);
}

/**
 * The parts of a result's info line: the authors' span, the venue (a journal link, or a book's
 * publisher as plain text), the citation count and the year.
 */
function infoLine(info: Element | undefined, type: string | undefined): Pick<ExtractedItem, 'authors' | 'containerTitle' | 'publisher' | 'date'> {
  if (!info) return {};
  const venue = childElements(info).find(
    (span) => span.localName === 'span' && !find(span, 'a[data-click*="author"], .sc_cite_cont') && !span.classList.contains('sc_time') && squish(text(span)),
  );
  const journal = find(info, 'a[data-click*="publish"]');
  const venueName = stripTitleMarks(squish(attr(journal, 'title') ?? text(journal ?? venue)));
  return {
    // One link sometimes holds several names ("Shampine,L.F. , Gordon,M.K").
    authors: linkTexts(info, 'a[data-click*="author"]').flatMap((names) => names.split(/\s+[,，;；]\s+/)),
    containerTitle: journal || type !== 'book' ? venueName : undefined,
    publisher: !journal && type === 'book' ? venueName : undefined,
    date: attr(find(info, '.sc_time'), 'data-year') ?? /(?:19|20)\d{2}/.exec(text(find(info, '.sc_time')))?.[0],
  };
}

/** A child element by class: result entries are walked by their children, not searched. */
function child(parent: Element | undefined, className: string): Element | undefined {
  return childElements(parent).find((element) => element.classList.contains(className));
}

function resultItem(result: Element, base: URL, position: number): ExtractedItem | undefined {
  const content = child(result, 'sc_content') ?? result;
  const heading = childElements(content).find((element) => element.localName === 'h3');
  const link = find(heading, 'a[href]');
  const title = squish(text(link));
  if (!link || !title) return undefined;
  const paperId = queryParam(attr(link, 'href'), 'paperid', base);
  const type = typeFromLabel(squish(text(find(heading, '.text-icon'))));
  return {
    title,
    ...infoLine(child(content, 'sc_info'), type),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: text(child(content, 'c_abstract')),
    type,
    platformId: paperId,
    url: paperId ? paperUrl(paperId) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

/** A paper page's captioned block ("kw_wr", "doi_wr", "year_wr") by its wrapper class. */
function block(doc: Document, wrapper: string): Element | null {
  return find(doc, `.${wrapper} .kw_main`);
}

function paperItem(doc: Document, url: URL): ExtractedItem {
  const title = squish(text(find(doc, '.main-info h3')));
  const publish = find(doc, '.publish_wr, .publish_text');
  const paperId = queryParam(url.href, 'paperid', url);
  return {
    title,
    authors: linkTexts(doc, '.author_text a'),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: text(find(doc, '.abstract_wr .abstract, p.abstract')),
    keywords: linkTexts(find(doc, '.kw_wr'), 'a'),
    doi: squish(text(block(doc, 'doi_wr'))) || undefined,
    containerTitle: stripTitleMarks(squish(text(find(publish ?? doc, 'a.journal_title, .journal_title, a')))),
    ...parseIssueLine(squish(text(publish))),
    date: squish(text(block(doc, 'year_wr'))) || undefined,
    platformId: paperId,
    url: paperId ? paperUrl(paperId) : url.href,
  };
}

export const baiduScholar: Extractor = {
  id: 'baidu-scholar',
  hosts: HOSTS,
  seenOn: ['https://xueshu.baidu.com/s?wd=%E8%AE%A1%E7%AE%97%E6%9C%BA', 'https://xueshu.baidu.com/usercenter/paper/show?paperid=...'],

  canExtract(doc, url) {
    return (hostIs(url, ...HOSTS) || find(doc, BAIDU_MARKUP) !== null) && pageType(doc) !== undefined;
  },

  kind(doc) {
    return pageType(doc) === 'article' ? 'article' : 'list';
  },

  extract(doc, url) {
    switch (pageType(doc)) {
      case 'results':
        return itemsOfRows(innermost(findAll(doc, RESULTS)), (result, position) => resultItem(result, url, position));
      case 'article':
        return [paperItem(doc, url)];
      default:
        return [];
    }
  },
};
