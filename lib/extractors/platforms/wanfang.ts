import type { ExtractedItem } from '../../model/article';
import { recordNameOrder } from '../../text/names';
import { absoluteUrl, attr, find, findAll, firstText, hostIs, squish, text, textWithout } from '../dom';
import { parseIssueLine, stripTitleMarks } from '../shared/citation-line';
import { typeFromLabel } from '../shared/item-types';
import { itemsOfRows } from '../shared/list-items';
import type { Extractor, PageType } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';
import { innermost } from '../shared/list-rows';

/**
 * Wanfang Data (万方数据). Result lists: the current s.wanfangdata.com.cn (div.normal-list entries;
 * the record id in a hidden span.title-id-hidden as "periodical_xxx") and the 2018-2020
 * www.wanfangdata.com.cn/search/searchList.do (div.ResultList entries; the type and id on the
 * entry's check box: docType="degree" docId="D771773"). Article pages: the current
 * d.wanfangdata.com.cn/periodical/ID (.detailTitleCN) and the older
 * d.wanfangdata.com.cn/Periodical_ID.aspx (.section-baseinfo, rows captioned "doi：", "作者：",
 * "刊  名：", "年，卷(期)：", "关键词：").
 */
const HOSTS = ['wanfangdata.com.cn'];
const RESULTS = '.normal-list, .ResultList';
// Classes, which the selector engine finds by index (a selector ending in a tag walks the page).
const ARTICLE = '.detailTitleCN, .section-baseinfo';
/** Markup only Wanfang pages carry, for copies served elsewhere (classes: found by index). */
const WANFANG_MARKUP = '.title-id-hidden, .detailTitleCN, .ResultCheck, .exportLink';

/** Wanfang's resource kinds ("periodical", "perio", "degree", ...) as CSL types and URL paths. */
const KINDS: Record<string, { type: string; path: string }> = {
  periodical: { type: 'article-journal', path: 'periodical' },
  perio: { type: 'article-journal', path: 'periodical' },
  thesis: { type: 'thesis', path: 'thesis' },
  degree: { type: 'thesis', path: 'thesis' },
  conference: { type: 'paper-conference', path: 'conference' },
  patent: { type: 'patent', path: 'patent' },
  standard: { type: 'standard', path: 'standard' },
  nstr: { type: 'report', path: 'nstr' },
  tech: { type: 'report', path: 'nstr' },
};

function kindOf(name: string | undefined): { type: string; path: string } | undefined {
  return name ? KINDS[name.toLowerCase()] : undefined;
}

/** The article's own page for a kind and id ("periodical", "hgjz202304016"). */
function articleUrl(kind: string | undefined, id: string | undefined): string | undefined {
  const path = kindOf(kind)?.path;
  return path && id ? `https://d.wanfangdata.com.cn/${path}/${encodeURIComponent(id)}` : undefined;
}

/** The record's id as the current layout writes it ("periodical_xxx"), whatever layout showed it. */
function recordId(kind: string | undefined, id: string | undefined): string | undefined {
  return kind && id ? `${kindOf(kind)?.path ?? kind.toLowerCase()}_${id}` : undefined;
}

export function pageType(doc: Document): PageType | undefined {
  if (find(doc, ARTICLE)) return 'article';
  if (find(doc, RESULTS)) return 'results';
  return undefined;
}

function linkTexts(root: ParentNode | null | undefined, selector: string): string[] {
  if (!root) return [];
  return findAll(root, selector)
    .map((node) => squish(text(node)).replace(/[;；,，]+$/u, ''))
    .filter(Boolean);
}

// Current result list (s.wanfangdata.com.cn) ---------------------------------------------------

/** Author spans, without the "[期刊论文]" type label and trailing "等". */
function normalListAuthors(entry: Element): string[] {
  const names = linkTexts(entry, '.author-area .authors, .author-area .author');
  return names.filter((name) => !/^\[.*\]$/.test(name) && name !== '等');
}

function normalListItem(entry: Element, base: URL, position: number): ExtractedItem | undefined {
  const title = squish(textWithout(find(entry, '.title-area .title, .title-area a.title'), '.title-id-hidden, .essay-type'));
  if (!title) return undefined;
  const hiddenId = squish(text(find(entry, '.title-id-hidden')));
  const [, kind, id] = /^([a-z]+)_(.+)$/i.exec(hiddenId) ?? [];
  const source = find(entry, '.author-area .periodical-title, .author-area .periodical');
  const type = kindOf(kind)?.type;
  const sourceName = stripTitleMarks(text(source));
  return {
    title,
    authors: normalListAuthors(entry),
    nameOrder: recordNameOrder(title, 'unknown'),
    ...(type === 'thesis' ? { publisher: sourceName } : { containerTitle: sourceName }),
    ...parseIssueLine(squish(text(source?.nextElementSibling ?? null))),
    abstract: text(find(entry, '.abstract-area .abstract-text, .abstract-area')),
    keywords: linkTexts(entry, '.keywords-area .keywords-list, .keywords-area a'),
    type,
    platformId: recordId(kind, id) ?? (hiddenId || undefined),
    url: articleUrl(kind, id) ?? absoluteUrl(attr(find(entry, '.title-area a[href]'), 'href'), base),
    position,
  };
}

// 2018-2020 result list (www.wanfangdata.com.cn/search/searchList.do) ------------------------------

/** "软件工程 电子科技大学 2012（学位年度）": a thesis's subject, university and year. */
function degreeSource(source: Element): Pick<ExtractedItem, 'publisher' | 'date'> {
  const year = /(?:19|20)\d{2}/.exec(text(find(source, '.blockspan')))?.[0];
  return { publisher: squish(textWithout(source, '.blockspan')).split(' ').at(-1), date: year };
}

function resultListItem(entry: Element, base: URL, position: number): ExtractedItem | undefined {
  const titleLink = findAll(entry, '.title a[href]').find((a) => !/^javascript:/i.test(attr(a, 'href') ?? ''));
  const title = squish(text(titleLink));
  if (!title) return undefined;
  const box = find(entry, 'input[doctype]');
  const kind = attr(box, 'doctype');
  const id = attr(box, 'docid');
  const type = typeFromLabel(text(find(entry, '.resultResouceType'))) ?? kindOf(kind)?.type;
  const source = find(entry, '.Source');
  const degree = type === 'thesis' && source ? degreeSource(source) : undefined;
  const issue = parseIssueLine(squish(text(find(entry, '.Volume'))));
  return {
    title,
    authors: linkTexts(find(entry, '.author'), 'a'),
    nameOrder: recordNameOrder(title, 'unknown'),
    containerTitle: degree ? undefined : stripTitleMarks(text(find(source ?? entry, 'a[href*="perio"]'))),
    publisher: degree?.publisher,
    ...issue,
    // A patent's date sits in its source line ("南京大学 2018-04-26").
    date: issue.date ?? degree?.date ?? /(?:19|20)\d{2}(?:-\d{2}-\d{2})?/.exec(squish(text(source)))?.[0],
    abstract: textWithout(find(entry, '.summary'), '.compatible'),
    keywords: linkTexts(find(entry, '.Keyword'), 'a'),
    type,
    platformId: recordId(kind, id),
    url: articleUrl(kind, id) ?? absoluteUrl(attr(titleLink, 'href'), base),
    position,
  };
}

function resultItems(doc: Document, base: URL): ExtractedItem[] {
  const current = innermost(findAll(doc, '.normal-list'));
  if (current.length) return itemsOfRows(current, (entry, position) => normalListItem(entry, base, position));
  return itemsOfRows(innermost(findAll(doc, '.ResultList')), (entry, position) => resultListItem(entry, base, position));
}

// Article pages --------------------------------------------------------------------------------

/** The value beside a label row ("DOI：", "年，卷(期)：", "页码：") of the current article page. */
function labelled(doc: Document, selector: string): string | undefined {
  const row = find(doc, selector);
  if (!row) return undefined;
  return squish(textWithout(row, '.item, .itemTitle')) || undefined;
}

function currentArticle(doc: Document, url: URL, kind: string | undefined, id: string | undefined): ExtractedItem {
  const title = firstText(doc, '.detailTitleCN span', '.detailTitleCN');
  return {
    title,
    altTitle: firstText(doc, '.detailTitleEN span', '.detailTitleEN'),
    authors: linkTexts(find(doc, '.author.detailTitle, .detailTitle.author'), '.itemUrl a'),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: firstText(doc, '.summary .text-overflow', '.summary .abstract'),
    keywords: linkTexts(find(doc, '.keyword'), '.itemKeyword a'),
    doi: labelled(doc, '.doiStyle, .doi'),
    containerTitle: stripTitleMarks(firstText(doc, '.periodicalName .itemUrl a', '.periodicalName a')),
    ...parseIssueLine(labelled(doc, '.publishData, .publish')),
    pages: labelled(doc, '.pages'),
    type: kindOf(kind)?.type,
    platformId: recordId(kind, id),
    url: url.href,
  };
}

/** The older page's rows: caption in span.pre ("刊  名："), value in span.text. */
function captionedRows(doc: Document): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const row of findAll(doc, '.baseinfo-feild .row')) {
    const caption = squish(text(find(row, '.pre'))).replace(/[\s:：]+/g, '').toLowerCase();
    const value = find(row, '.text');
    if (caption && value && !rows.has(caption)) rows.set(caption, value);
  }
  return rows;
}

function olderArticle(doc: Document, url: URL, kind: string | undefined, id: string | undefined): ExtractedItem {
  const rows = captionedRows(doc);
  const title = squish(text(find(find(doc, '.section-baseinfo'), 'h1')));
  const row = (...captions: string[]) => captions.map((caption) => rows.get(caption)).find(Boolean);
  const source = row('刊名', '会议名称', '学位授予单位');
  const type = kindOf(kind)?.type;
  return {
    title,
    authors: linkTexts(row('作者'), 'a'),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: text(find(doc, '.baseinfo-feild.abstract .zh .text, .baseinfo-feild.abstract .text')),
    keywords: linkTexts(row('关键词'), 'a'),
    doi: squish(text(row('doi'))) || undefined,
    ...(type === 'thesis' ? { publisher: squish(text(source)) } : { containerTitle: stripTitleMarks(squish(text(source))) }),
    ...parseIssueLine(squish(text(row('年，卷(期)', '年,卷(期)', '学位年度', '会议时间')))),
    type,
    platformId: recordId(kind, id),
    url: url.href,
  };
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  // "/periodical/ID" (current) or "/Periodical_ID.aspx" (older); the older page also names its
  // record in its export link.
  const resource = attr(find(doc, '.exportLink[data-resourceid]'), 'data-resourceid');
  const [, kind, id] = /^\/?([a-z]+)[/_]([^/?#.]+)/i.exec(decodeURIComponent(url.pathname)) ?? /^([a-z]+)_(.+)$/i.exec(resource ?? '') ?? [];
  const item = find(doc, '.detailTitleCN') ? currentArticle(doc, url, kind, id) : olderArticle(doc, url, kind, id);
  return withEmbeddedMetadata(doc, url, item);
}

export const wanfang: Extractor = {
  id: 'wanfang',
  hosts: HOSTS,
  seenOn: [
    'https://s.wanfangdata.com.cn/paper?q=增材制造',
    'https://d.wanfangdata.com.cn/periodical/hjxb202306001',
    'http://www.wanfangdata.com.cn/search/searchList.do?searchType=all&searchWord=python',
    'http://d.wanfangdata.com.cn/Periodical_dlgbxk201704006.aspx',
  ],

  canExtract(doc, url) {
    return (hostIs(url, ...HOSTS) || find(doc, WANFANG_MARKUP) !== null) && pageType(doc) !== undefined;
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
