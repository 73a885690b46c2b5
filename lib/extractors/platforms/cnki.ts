import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, childElements, find, findAll, firstText, hostIs, queryParam, squish, text, tableRows, textWithout } from '../dom';
import { parseIssueLine } from '../shared/citation-line';
import { authorNames, itemsOfRows } from '../shared/list-items';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * CNKI (中国知网). Search results (kns8s/defaultresult, kns8s/search: a table with title,
 * authors, source, date and database; no abstracts there) and article pages
 * (kcms2/article/abstract, and the older kcms/detail pages of the same layout). Reading what the
 * page shows matters here: fetching article pages one by one is what gets readers a captcha.
 */

const DATABASE_TYPES: [RegExp, string][] = [
  [/期刊|journal/i, 'article-journal'],
  [/博士|硕士|学位|thesis|dissertation/i, 'thesis'],
  [/会议|conference/i, 'paper-conference'],
  [/报纸|newspaper/i, 'article-newspaper'],
  [/年鉴|图书|book/i, 'book'],
  [/专利|patent/i, 'patent'],
  [/标准|standard/i, 'standard'],
];

function typeOf(database: string): string | undefined {
  return DATABASE_TYPES.find(([pattern]) => pattern.test(database))?.[1];
}

function fileName(row: ParentNode, href: string | undefined, base: URL): string | undefined {
  const marked = find(row, '[data-filename]');
  return attr(marked, 'data-filename') ?? queryParam(href, 'filename', base) ?? queryParam(href, 'FileName', base);
}

/** The cells of a result row by their class ("name", "author", "source", ...), read once. */
function cellsOf(row: Element): Map<string, Element> {
  const cells = new Map<string, Element>();
  for (const cell of childElements(row)) {
    const name = cell.classList[0];
    if (name && !cells.has(name)) cells.set(name, cell);
  }
  return cells;
}

/** Rows of the result table(s), header row included (it has no title cell and is skipped). */
function resultRows(doc: Document): Element[] {
  return findAll(doc, 'table.result-table-list').flatMap(tableRows);
}

function resultItems(doc: Document, url: URL): ExtractedItem[] {
  return itemsOfRows(resultRows(doc), (row, next) => {
    const cells = cellsOf(row);
    const link = find(cells.get('name'), 'a.fz14') ?? find(cells.get('name'), 'a[href]');
    if (!link) return undefined;
    const href = attr(link, 'href');
    const database = squish(text(cells.get('data')));
    const position = Number.parseInt(squish(text(cells.get('seq'))), 10);
    const author = cells.get('author');
    return {
      title: text(link),
      authors: author ? authorNames([author], 'sup') : [],
      containerTitle: text(cells.get('source')),
      date: text(cells.get('date')),
      type: typeOf(database),
      platformId: fileName(cells.get('operat') ?? row, href, url),
      url: absoluteUrl(href, url),
      position: Number.isFinite(position) ? position : next,
    };
  });
}

/** "DOI：", "页码：" ... rows under the abstract of an article page. */
function labelledRow(doc: Document, label: RegExp): string | undefined {
  for (const row of findAll(doc, '.top-space li, .total-inform span, .row, p.row')) {
    const caption = text(find(row, '.rowtit')) || text(row);
    if (label.test(caption)) {
      const value = find(row, '.rowtit') ? text(row).replace(caption, '') : text(row).replace(label, '');
      return value.replace(/^[\s:：]+/, '') || undefined;
    }
  }
  return undefined;
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const heading = find(doc, '.wx-tit h1, .wxTitle h2.title');
  const sourceLine = squish(firstText(doc, '.top-tip', '.sourinfo'));
  const filename = attr(find(doc, '#paramfilename'), 'value') ?? queryParam(url.href, 'filename', url);
  const authorLinks = findAll(doc, '#authorpart a, .wx-tit h3.author a, .wxTitle .author a');
  const authorSpans = findAll(doc, '#authorpart > span, .wx-tit h3.author > span');
  const authorNodes = authorLinks.length ? [...authorLinks] : [...authorSpans];
  const item: ExtractedItem = {
    ...parseIssueLine(sourceLine),
    title: textWithout(heading, 'span.vice-title, script, style, .icon'),
    authors: authorNodes.map((node) => squish(textWithout(node, 'sup, .sup'))).filter(Boolean),
    abstract: firstText(doc, '#ChDivSummary', '.abstract-text'),
    altAbstract: firstText(doc, '#EnChDivSummary'),
    keywords: [...findAll(doc, 'p.keywords a, .keywords a')].map((a) => text(a).replace(/[;；,，\s]+$/u, '')),
    doi: labelledRow(doc, /^\s*DOI\s*[:：]?/i),
    pages: labelledRow(doc, /页码\s*[:：]?/),
    containerTitle: firstText(doc, '.top-tip a', '.sourinfo .title a'),
    platformId: filename,
    url: url.href,
  };
  return fillMissing(item, readEmbeddedArticle(doc, url));
}

function isArticlePage(doc: Document): boolean {
  return find(doc, '.wx-tit h1, #ChDivSummary, .wxTitle h2.title') !== null;
}

export const cnki: Extractor = {
  id: 'cnki',
  hosts: ['cnki.net', 'cnki.com.cn'],
  seenOn: [
    'https://kns.cnki.net/kns8s/defaultresult/index?kw=WAAM',
    'https://kns.cnki.net/kcms2/article/abstract?v=...&uniplatform=NZKPT&language=CHS',
  ],

  canExtract(doc, url) {
    return hostIs(url, 'cnki.net', 'cnki.com.cn') && (find(doc, 'table.result-table-list') !== null || isArticlePage(doc));
  },

  kind(doc) {
    return find(doc, 'table.result-table-list') ? 'list' : 'article';
  },

  extract(doc, url) {
    if (find(doc, 'table.result-table-list')) return resultItems(doc, url);
    return [articleItem(doc, url)];
  },
};
