import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, firstText, hostIs, queryParam, squish, text, textWithout } from '../dom';
import { parseIssueLine } from '../shared/citation-line';
import { authorNames } from '../shared/list-items';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * CNKI (中国知网). Search results (kns8s/defaultresult, kns8s/search: a table with title,
 * authors, source, date and database; no abstracts there) and article pages
 * (kcms2/article/abstract, and the older kcms/detail pages of the same layout). Reading what the
 * page shows matters here: fetching article pages one by one is what gets readers a captcha.
 */
const RESULT_ROWS = 'table.result-table-list tr';

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
  const marked = row.querySelector('[data-filename]');
  return attr(marked, 'data-filename') ?? queryParam(href, 'filename', base) ?? queryParam(href, 'FileName', base);
}

function resultItems(doc: Document, url: URL): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  for (const row of doc.querySelectorAll(RESULT_ROWS)) {
    const link = row.querySelector<HTMLAnchorElement>('td.name a.fz14, td.name a[href]');
    if (!link) continue;
    const href = attr(link, 'href');
    const database = squish(text(row.querySelector('td.data')));
    const position = Number.parseInt(squish(text(row.querySelector('td.seq'))), 10);
    items.push({
      title: text(link),
      authors: authorNames([...row.querySelectorAll('td.author')], 'sup'),
      containerTitle: text(row.querySelector('td.source')),
      date: text(row.querySelector('td.date')),
      type: typeOf(database),
      platformId: fileName(row, href, url),
      url: absoluteUrl(href, url),
      position: Number.isFinite(position) ? position : items.length + 1,
    });
  }
  return items;
}

/** "DOI：", "页码：" ... rows under the abstract of an article page. */
function labelledRow(doc: Document, label: RegExp): string | undefined {
  for (const row of doc.querySelectorAll('.top-space li, .total-inform span, .row, p.row')) {
    const caption = text(row.querySelector('.rowtit')) || text(row);
    if (label.test(caption)) {
      const value = row.querySelector('.rowtit') ? text(row).replace(caption, '') : text(row).replace(label, '');
      return value.replace(/^[\s:：]+/, '') || undefined;
    }
  }
  return undefined;
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const heading = doc.querySelector('.wx-tit h1, .wxTitle h2.title');
  const sourceLine = squish(firstText(doc, '.top-tip', '.sourinfo'));
  const filename = attr(doc.querySelector('#paramfilename'), 'value') ?? queryParam(url.href, 'filename', url);
  const authorLinks = doc.querySelectorAll('#authorpart a, .wx-tit h3.author a, .wxTitle .author a');
  const authorSpans = doc.querySelectorAll('#authorpart > span, .wx-tit h3.author > span');
  const authorNodes = authorLinks.length ? [...authorLinks] : [...authorSpans];
  const item: ExtractedItem = {
    ...parseIssueLine(sourceLine),
    title: textWithout(heading, 'span.vice-title, script, style, .icon'),
    authors: authorNodes.map((node) => squish(textWithout(node, 'sup, .sup'))).filter(Boolean),
    abstract: firstText(doc, '#ChDivSummary', '.abstract-text'),
    altAbstract: firstText(doc, '#EnChDivSummary'),
    keywords: [...doc.querySelectorAll('p.keywords a, .keywords a')].map((a) => text(a).replace(/[;；,，\s]+$/u, '')),
    doi: labelledRow(doc, /^\s*DOI\s*[:：]?/i),
    pages: labelledRow(doc, /页码\s*[:：]?/),
    containerTitle: firstText(doc, '.top-tip a', '.sourinfo .title a'),
    platformId: filename,
    url: url.href,
  };
  return fillMissing(item, readEmbeddedArticle(doc, url));
}

function isArticlePage(doc: Document): boolean {
  return doc.querySelector('.wx-tit h1, #ChDivSummary, .wxTitle h2.title') !== null;
}

export const cnki: Extractor = {
  id: 'cnki',
  seenOn: [
    'https://kns.cnki.net/kns8s/defaultresult/index?kw=WAAM',
    'https://kns.cnki.net/kcms2/article/abstract?v=...&uniplatform=NZKPT&language=CHS',
  ],

  canExtract(doc, url) {
    return hostIs(url, 'cnki.net', 'cnki.com.cn') && (doc.querySelector('table.result-table-list') !== null || isArticlePage(doc));
  },

  kind(doc) {
    return doc.querySelector('table.result-table-list') ? 'list' : 'article';
  },

  extract(doc, url) {
    if (doc.querySelector('table.result-table-list')) return resultItems(doc, url);
    return [articleItem(doc, url)];
  },
};
