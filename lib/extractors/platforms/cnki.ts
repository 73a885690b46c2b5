import type { ExtractedItem } from '../../model/article';
import { recordNameOrder } from '../../text/names';
import { absoluteUrl, attr, childElements, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { parseIssueLine } from '../shared/citation-line';
import { typeFromLabel } from '../shared/item-types';
import { authorNames, itemsOfRows } from '../shared/list-items';
import { listTableRows } from '../shared/list-rows';
import type { Extractor, PageType } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * CNKI (中国知网). Result lists: the kns8s table (kns8s/defaultresult, kns8s/search) and the older
 * kns "brief" grid (kns/brief/brief.aspx), both a table whose header names the columns (title,
 * authors, source, date, database; no abstracts). Article pages: kcms2/article/abstract and the
 * older KCMS/detail/detail.aspx, whose fields sit in rows labelled "DOI：", "关键词：", "页码："
 * (`<label id="catalog_ZCDOI">` on the older page). Reading what the page shows matters here:
 * fetching article pages one by one is what gets readers a captcha.
 *
 * The record type comes from the database: the result list's database column, or the database
 * code (dbcode "CJFQ", dbname "CMFDTEMP") the page carries in its links and hidden inputs.
 */
const HOSTS = ['cnki.net', 'cnki.com.cn'];
const RESULT_TABLES = 'table.result-table-list, table.GridTableContent';
// Ids and classes, which the selector engine finds by index (a selector ending in a tag walks the page).
const ARTICLE_MARKERS = '.wx-tit, .wxTitle, #ChDivSummary';
/**
 * Markup only CNKI pages carry, for copies served elsewhere (mirrors, library portals): ids and
 * classes, which the selector engine finds by index instead of walking the page.
 */
const CNKI_MARKUP = '#ChDivSummary, #paramdbcode, #paramfilename, #catalog_ABSTRACT, .KnowledgeNetLink';

/** The first four letters of a database code or name ("CJFDLAST2017", "CMFDTEMP") say the type. */
const DATABASE_TYPES: Record<string, string> = {
  CJFD: 'article-journal',
  CJFQ: 'article-journal',
  CAPJ: 'article-journal',
  CJZK: 'article-journal',
  CDFD: 'thesis',
  CMFD: 'thesis',
  CDMD: 'thesis',
  CPFD: 'paper-conference',
  IPFD: 'paper-conference',
  CIPD: 'paper-conference',
  CCND: 'article-newspaper',
  SCPD: 'patent',
  SCOD: 'patent',
  SOPD: 'patent',
  SCSF: 'standard',
  SCHF: 'standard',
  SMSD: 'standard',
  CYFD: 'book',
  CBBD: 'book',
  SNAD: 'report',
};

function typeOfDatabase(code: string | undefined): string | undefined {
  return code ? DATABASE_TYPES[code.slice(0, 4).toUpperCase()] : undefined;
}

/** The query parameters of a link by lower-cased name ("FileName", "DbCode" → "filename", "dbcode"). */
function params(href: string | undefined, base: URL): Map<string, string> {
  const found = new Map<string, string>();
  // Most links carry none of the parameters read here (kcms2 links hold one opaque "v").
  if (!href || !/[?&](?:dbcode|dbname|filename|currec)=/i.test(href)) return found;
  try {
    for (const [key, value] of new URL(href, base).searchParams) if (value.trim()) found.set(key.toLowerCase(), value.trim());
  } catch {
    // Not a URL: no parameters.
  }
  return found;
}

export function pageType(doc: Document): PageType | undefined {
  if (find(doc, RESULT_TABLES)) return 'results';
  if (find(doc, ARTICLE_MARKERS)) return 'article';
  return undefined;
}

// Result lists --------------------------------------------------------------------------------

type Column = 'title' | 'authors' | 'source' | 'date' | 'database' | 'actions';

/** Header captions of the result tables, by what the column holds. */
const COLUMNS: [RegExp, Column][] = [
  [/题名|篇名|专利名称|标准名称|成果名称|书名/, 'title'],
  [/作者|发明人|起草人|完成人|主编/, 'authors'],
  [/来源|报纸名称|刊名|会议名称|学位授予单位|出版社|年鉴名称/, 'source'],
  [/发表时间|日期|出版时间|公开日|发布日期/, 'date'],
  [/数据库/, 'database'],
  [/操作/, 'actions'],
];

/** The kns8s table names its cells by class ("name", "author", ...); the old grid only in its header. */
const CELL_CLASSES: Record<string, Column> = { name: 'title', author: 'authors', source: 'source', date: 'date', data: 'database', operat: 'actions' };

/** Which cell of a row holds what, from the header row (the first row with captions). */
function headerColumns(header: Element | undefined): Map<Column, number> {
  const columns = new Map<Column, number>();
  childElements(header).forEach((cell, index) => {
    const caption = squish(text(cell));
    const column = COLUMNS.find(([pattern]) => pattern.test(caption))?.[1];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

/** The cells of a row by what they hold: by their class, else by the header's captions. */
function cellsOf(row: Element, header: Map<Column, number>): Map<Column, Element> {
  const cells = childElements(row);
  const byClass = new Map<Column, Element>();
  for (const cell of cells) {
    const column = CELL_CLASSES[cell.classList[0] ?? ''];
    if (column && !byClass.has(column)) byClass.set(column, cell);
  }
  if (byClass.has('title')) return byClass;
  return new Map([...header].map(([column, index]) => [column, cells[index]] as const).filter(([, cell]) => cell !== undefined));
}

function resultItems(doc: Document, url: URL): ExtractedItem[] {
  return findAll(doc, RESULT_TABLES).flatMap((table) => {
    const rows = listTableRows(table, RESULT_TABLES);
    const header = rows.find((row) => childElements(row).some((cell) => cell.localName === 'th') || row.classList.contains('GTContentTitle'));
    const columns = headerColumns(header);
    return itemsOfRows(rows, (row, next) => (row === header ? undefined : resultItem(row, cellsOf(row, columns), url, next)));
  });
}

/**
 * The old grid links each title to its place in the search session ("QueryID=0&CurRec=7"); the
 * article's own address is the detail page of its database and file name.
 */
function detailUrl(query: Map<string, string>, base: URL): string | undefined {
  const [dbcode, dbname, filename] = [query.get('dbcode'), query.get('dbname'), query.get('filename')];
  if (!dbcode || !dbname || !filename || !query.has('currec')) return undefined;
  return new URL(`/KCMS/detail/detail.aspx?${new URLSearchParams({ dbcode: dbcode.toUpperCase(), dbname, filename })}`, base).href;
}

function resultItem(row: Element, cells: Map<Column, Element>, url: URL, next: number): ExtractedItem | undefined {
  const cell = (column: Column) => cells.get(column);
  const link = find(cell('title'), 'a.fz14') ?? find(cell('title'), 'a[href]');
  if (!link) return undefined;
  const href = attr(link, 'href');
  const query = params(href, url);
  // The old grid's check box holds "dbname!filename!position!...", the kns8s row a data-filename.
  const checkbox = attr(find(row.firstElementChild, 'input[name="FileNameS"]'), 'value')?.split('!');
  const title = squish(text(link));
  const type = typeFromLabel(squish(text(cell('database')))) ?? typeOfDatabase(query.get('dbcode') ?? query.get('dbname') ?? checkbox?.[0]);
  const source = squish(text(cell('source'))) || undefined;
  const authors = cell('authors');
  const position = Number.parseInt(squish(text(row.firstElementChild)), 10);
  return {
    title,
    authors: authors ? authorNames([authors], 'sup') : [],
    nameOrder: recordNameOrder(title, 'given-first'),
    // A thesis's "source" is the university that granted the degree.
    ...(type === 'thesis' ? { publisher: source } : { containerTitle: source }),
    date: squish(text(cell('date'))),
    type,
    platformId: attr(find(cell('actions'), '[data-filename]'), 'data-filename') ?? query.get('filename') ?? checkbox?.[1],
    url: detailUrl(query, url) ?? absoluteUrl(href, url),
    position: Number.isFinite(position) ? position : next,
  };
}

// Article pages -------------------------------------------------------------------------------

/** Rows under the abstract: "DOI：", "关键词：", "页码：", with the caption in a label or span. */
const LABELLED_ROWS = '.top-space li, .total-inform span, .total span, .wxBaseinfo p, .row, p.row';

function labelledRow(doc: Document, label: RegExp): string | undefined {
  for (const row of findAll(doc, LABELLED_ROWS)) {
    const caption = find(row, '.rowtit, label');
    if (!label.test(caption ? text(caption) : text(row))) continue;
    const value = caption ? textWithout(row, '.rowtit, label') : text(row).replace(label, '');
    return squish(value).replace(/^[:：\s]+/, '') || undefined;
  }
  return undefined;
}

/** The database code of an article page: its URL, its hidden inputs, or its export link. */
function articleDatabase(doc: Document, url: URL): string | undefined {
  const exportLink = attr(find(doc, 'a[onclick*="SubTurnExport"]'), 'onclick');
  const query = params(url.href, url);
  return (
    query.get('dbcode') ??
    query.get('dbname') ??
    attr(find(doc, '#paramdbcode'), 'value') ??
    attr(find(doc, '#paramdbname'), 'value') ??
    /'([A-Z]{4}\w*)!/.exec(exportLink ?? '')?.[1]
  );
}

function keywordsOf(doc: Document): string[] {
  const holder = find(doc, 'p.keywords, .keywords') ?? find(doc, 'label#catalog_KEYWORD')?.parentElement;
  if (!holder) return [];
  return findAll(holder, 'a')
    .map((a) => squish(text(a)).replace(/[;；,，]+$/u, '').trim())
    .filter(Boolean);
}

/** Author links (or spans) of the title block, without affiliation marks and e-mail icons. */
function articleAuthors(doc: Document): string[] {
  const holder = find(doc, '#authorpart') ?? find(doc, '.wx-tit h3.author') ?? find(doc, '.wxTitle .author');
  if (!holder) return [];
  const links = findAll(holder, 'a');
  const nodes = links.length ? links : childElements(holder).filter((child) => child.localName === 'span');
  return nodes.map((node) => squish(textWithout(node, 'sup, .sup, .authortip, i'))).filter(Boolean);
}

/** The institution line under the authors (a thesis's university): the second heading. */
function institution(doc: Document): string | undefined {
  const line = findAll(doc, '.wx-tit h3')[1] ?? find(doc, '.wxTitle .orgn');
  if (!line) return undefined;
  return squish(text(find(line, 'a') ?? line)) || undefined;
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const title = squish(textWithout(find(doc, '.wx-tit h1, .wxTitle h2.title'), 'span.vice-title, #corr-video, script, style, .icon'));
  const type = typeOfDatabase(articleDatabase(doc, url)) ?? (find(doc, 'label#catalog_TUTOR') ? 'thesis' : undefined);
  const source = find(doc, '.top-tip, .sourinfo');
  const sourceText = squish(text(source));
  const item: ExtractedItem = {
    ...parseIssueLine(sourceText),
    title,
    authors: articleAuthors(doc),
    nameOrder: recordNameOrder(title, 'given-first'),
    // "<正>" marks an abstract CNKI took from the opening of the text.
    abstract: text(find(doc, '#ChDivSummary, .abstract-text')).replace(/^\s*<正>\s*/, ''),
    altAbstract: text(find(doc, '#EnChDivSummary')),
    keywords: keywordsOf(doc),
    doi: labelledRow(doc, /^\s*DOI\s*[:：]?/i),
    pages: labelledRow(doc, /页码/),
    containerTitle: squish(text(find(source ?? doc, '.top-tip a, p.title a'))) || undefined,
    issn: /ISSN\s*[:：]\s*(\d{4}-?\d{3}[\dXx])/.exec(sourceText)?.[1],
    type,
    publisher: type === 'thesis' ? institution(doc) : undefined,
    platformId: attr(find(doc, '#paramfilename'), 'value') ?? params(url.href, url).get('filename'),
    url: url.href,
  };
  return withEmbeddedMetadata(doc, url, item);
}

export const cnki: Extractor = {
  id: 'cnki',
  hosts: HOSTS,
  seenOn: [
    'https://kns.cnki.net/kns8s/defaultresult/index?kw=WAAM',
    'https://kns.cnki.net/kcms2/article/abstract?v=...&uniplatform=NZKPT&language=CHS',
    'http://kns.cnki.net/kns/brief/brief.aspx?pagename=ASP.brief_default_result_aspx&dbPrefix=SCDB',
    'http://kns.cnki.net/KCMS/detail/detail.aspx?dbcode=CDFD&dbname=CDFD9908&filename=2007097337.nh',
  ],

  canExtract(doc, url) {
    return (hostIs(url, ...HOSTS) || find(doc, CNKI_MARKUP) !== null) && pageType(doc) !== undefined;
  },

  kind(doc) {
    return pageType(doc) === 'article' ? 'article' : 'list';
  },

  extract(doc, url) {
    switch (pageType(doc)) {
      case 'results':
        return resultItems(doc, url);
      case 'article':
        return [articleItem(doc, url)];
      default:
        return [];
    }
  },
};
