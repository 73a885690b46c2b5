import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, firstText, hostIs, squish, text, textWithout } from '../dom';
import { parseIssueLine, stripTitleMarks } from '../shared/citation-line';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';
import { itemsOfRows } from '../shared/list-items';

/**
 * Wanfang Data (万方数据). Search results on s.wanfangdata.com.cn (div.normal-list entries with
 * title, authors, source, year/issue, abstract and keywords; the record id sits in a hidden
 * span.title-id-hidden as "periodical_xxx") and article pages on d.wanfangdata.com.cn
 * (/periodical/ID, /thesis/ID, /conference/ID).
 */
const TYPES: Record<string, string> = {
  periodical: 'article-journal',
  thesis: 'thesis',
  conference: 'paper-conference',
  patent: 'patent',
  standard: 'standard',
  nstr: 'report',
};

function articleUrl(kindAndId: string): string | undefined {
  const match = /^([a-z]+)[_/](.+)$/i.exec(kindAndId.trim());
  return match ? `https://d.wanfangdata.com.cn/${match[1].toLowerCase()}/${encodeURIComponent(match[2])}` : undefined;
}

function linkTexts(root: ParentNode | null, selector: string): string[] {
  if (!root) return [];
  return [...findAll(root, selector)].map((node) => squish(text(node)).replace(/[;；,，]+$/u, '')).filter(Boolean);
}

/** Author spans, without the "[期刊论文]" type label and trailing "等". */
function resultAuthors(entry: Element): string[] {
  const names = linkTexts(entry, '.author-area .authors, .author-area .author');
  return names.filter((name) => !/^\[.*\]$/.test(name) && name !== '等');
}

function resultItem(entry: Element, base: URL, position: number): ExtractedItem | undefined {
  const title = squish(textWithout(find(entry, '.title-area .title, .title-area a.title'), '.title-id-hidden, .essay-type'));
  if (!title) return undefined;
  const hiddenId = squish(text(find(entry, '.title-id-hidden')));
  const kind = /^([a-z]+)_/i.exec(hiddenId)?.[1]?.toLowerCase();
  const source = find(entry, '.author-area .periodical-title, .author-area .periodical');
  const issueLine = squish(text(source?.nextElementSibling ?? null));
  return {
    title,
    authors: resultAuthors(entry),
    containerTitle: stripTitleMarks(text(source)),
    ...parseIssueLine(issueLine),
    abstract: text(find(entry, '.abstract-area .abstract-text, .abstract-area')),
    keywords: linkTexts(entry, '.keywords-area .keywords-list, .keywords-area a'),
    type: kind ? TYPES[kind] : undefined,
    platformId: hiddenId || undefined,
    url: (hiddenId && articleUrl(hiddenId)) || absoluteUrl(attr(find(entry, '.title-area a[href]'), 'href'), base),
    position,
  };
}

function resultItems(doc: Document, base: URL): ExtractedItem[] {
  return itemsOfRows(findAll(doc, '.normal-list'), (entry, position) => resultItem(entry, base, position));
}

/** The value beside a label row ("DOI：", "年，卷(期)：", "页码：") of an article page. */
function labelled(doc: Document, selector: string): string | undefined {
  const row = find(doc, selector);
  if (!row) return undefined;
  return squish(textWithout(row, '.item, .itemTitle')) || undefined;
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const id = /^\/(periodical|thesis|conference|patent|standard|nstr)\/([^/?#]+)/i.exec(url.pathname);
  const issueLine = labelled(doc, '.publishData, .publish');
  const item: ExtractedItem = {
    title: firstText(doc, '.detailTitleCN span', '.detailTitleCN'),
    altTitle: firstText(doc, '.detailTitleEN span', '.detailTitleEN'),
    authors: linkTexts(find(doc, '.author.detailTitle, .detailTitle.author'), '.itemUrl a'),
    abstract: firstText(doc, '.summary .text-overflow', '.summary .abstract'),
    keywords: linkTexts(find(doc, '.keyword'), '.itemKeyword a'),
    doi: labelled(doc, '.doiStyle, .doi'),
    containerTitle: stripTitleMarks(firstText(doc, '.periodicalName .itemUrl a', '.periodicalName a')),
    ...parseIssueLine(issueLine),
    pages: labelled(doc, '.pages'),
    type: id ? TYPES[id[1].toLowerCase()] : undefined,
    platformId: id ? `${id[1].toLowerCase()}_${decodeURIComponent(id[2])}` : undefined,
    url: url.href,
  };
  return fillMissing(item, readEmbeddedArticle(doc, url));
}

export const wanfang: Extractor = {
  id: 'wanfang',
  hosts: ['wanfangdata.com.cn'],
  seenOn: ['https://s.wanfangdata.com.cn/paper?q=增材制造', 'https://d.wanfangdata.com.cn/periodical/hjxb202306001'],

  canExtract(doc, url) {
    return hostIs(url, 'wanfangdata.com.cn') && find(doc, '.normal-list, .detailTitleCN') !== null;
  },

  kind(doc) {
    return find(doc, '.detailTitleCN') ? 'article' : 'list';
  },

  extract(doc, url) {
    if (find(doc, '.detailTitleCN')) return [articleItem(doc, url)];
    return resultItems(doc, url);
  },
};
