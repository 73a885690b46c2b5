import type { ExtractedItem } from '../../model/article';
import { recordNameOrder } from '../../text/names';
import { find, findAll, firstText, hostIs, queryParam, squish, text, textWithout } from '../dom';
import { parseIssueLine, stripTitleMarks } from '../shared/citation-line';
import { readList } from '../shared/list-items';
import type { Extractor, PageType } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * CQVIP (维普). Current article pages (qikan.cqvip.com/Qikan/Article/Detail?id=...) and search
 * result lists (/Qikan/Search/Index: dl entries with the title link, authors, source and
 * abstract); the older www.cqvip.com article pages (/QK/<journal>/<issue>/<id>.html: the title in
 * .detailtitle h1, the rest in table.datainfo rows captioned "【关键词】", "【出　处】").
 */
const HOSTS = ['cqvip.com'];
const ARTICLE_LINKS = 'a[href*="/Qikan/Article/Detail" i]';
const OLDER_ARTICLE_PATH = /\/QK\/\w+\/\d+\/(\d+)\.html?$/i;
/** Copies served elsewhere (proxies, mirrors) keep CQVIP's paths. */
const CQVIP_PATH = /\/Qikan\/|\/QK\//i;

/** The older article page's pair of title block and data table, which no other site is known to have. */
function hasOlderArticleMarkup(doc: Document): boolean {
  return find(doc, '.detailtitle') !== null && find(doc, '.datainfo') !== null;
}

export function pageType(doc: Document, url: URL): PageType | undefined {
  if (/\/Qikan\/Article\/Detail/i.test(url.pathname) || OLDER_ARTICLE_PATH.test(url.pathname)) return 'article';
  if (find(doc, '.article-title, .detailtitle')) return 'article';
  if (find(doc, ARTICLE_LINKS)) return 'results';
  return undefined;
}

function idOf(href: string, base: URL): string | undefined {
  return queryParam(href, 'id', base);
}

function articleUrl(id: string): string {
  return `https://qikan.cqvip.com/Qikan/Article/Detail?id=${encodeURIComponent(id)}`;
}

function names(root: Element | null, links = 'a'): string[] {
  if (!root) return [];
  return findAll(root, links)
    .map((a) => squish(textWithout(a, 'sup')).replace(/[;；,，]+$/u, ''))
    .filter(Boolean);
}

function currentArticle(doc: Document, url: URL): ExtractedItem {
  const id = queryParam(url.href, 'id', url);
  const title = firstText(doc, '.article-title h1', '.article-title');
  return {
    title,
    altTitle: firstText(doc, '.article-title .en-title', '.article-title h2'),
    authors: names(find(doc, '.article-detail .author, .author')),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: textWithout(find(doc, '.abstract'), '.abstract-label, b, strong'),
    altAbstract: textWithout(find(doc, '.en-abstract'), '.abstract-label, b, strong') || undefined,
    keywords: names(find(doc, '.subject')),
    doi: firstText(doc, '.doi a', '.doi span'),
    containerTitle: stripTitleMarks(firstText(doc, '.journal a')),
    ...parseIssueLine(squish(text(find(doc, '.journal')))),
    platformId: id,
    url: id ? articleUrl(id) : url.href,
  };
}

/** The older page's table rows by caption, spaces and brackets dropped ("关键词", "出处"). */
function captionedRows(doc: Document): Map<string, Element> {
  const rows = new Map<string, Element>();
  for (const caption of findAll(doc, 'table.datainfo td.nam')) {
    const value = caption.nextElementSibling;
    const name = squish(text(caption)).replace(/[\s【】:：\u3000]+/g, '');
    if (name && value) rows.set(name, value);
  }
  return rows;
}

function olderArticle(doc: Document, url: URL): ExtractedItem {
  const rows = captionedRows(doc);
  const title = squish(text(find(doc, '.detailtitle h1')));
  // "《电脑编程技巧与维护》2017年 第15期 30-31页 共3页"
  const source = squish(text(rows.get('出处') ?? find(doc, '.detailtitle strong a')));
  const abstractCell = findAll(doc, 'table.datainfo td.sum').find((cell) => /摘\s*要/.test(text(find(cell, 'b'))));
  return {
    title,
    authors: names(find(doc, '.detailtitle strong'), 'a[href*="search.aspx?w=" i]'),
    nameOrder: recordNameOrder(title, 'unknown'),
    abstract: textWithout(abstractCell, 'b'),
    keywords: names(rows.get('关键词') ?? null),
    containerTitle: /《([^》]+)》/.exec(source)?.[1],
    ...parseIssueLine(source),
    platformId: OLDER_ARTICLE_PATH.exec(url.pathname)?.[1],
    url: url.href,
  };
}

export const cqvip: Extractor = {
  id: 'cqvip',
  hosts: HOSTS,
  seenOn: [
    'https://qikan.cqvip.com/Qikan/Article/Detail?id=7109012345',
    'https://qikan.cqvip.com/Qikan/Search/Index?key=U%3D增材制造',
    'http://www.cqvip.com/QK/98258X/201715/672817447.html',
  ],

  canExtract(doc, url) {
    return (hostIs(url, ...HOSTS) || CQVIP_PATH.test(url.pathname) || hasOlderArticleMarkup(doc)) && pageType(doc, url) !== undefined;
  },

  kind(doc, url) {
    return pageType(doc, url) === 'article' ? 'article' : 'list';
  },

  extract(doc, url) {
    switch (pageType(doc, url)) {
      case 'article': {
        const item = withEmbeddedMetadata(doc, url, find(doc, '.detailtitle') ? olderArticle(doc, url) : currentArticle(doc, url));
        // CQVIP's citation_volume says 0 for journals numbered by issue alone.
        if (item.volume === '0') delete item.volume;
        return [item];
      }
      case 'results':
        return readList(doc, url, {
          links: ARTICLE_LINKS,
          row: 'dl, li, tr',
          idOf,
          urlOf: articleUrl,
          abstract: '.abstract, dd.abstract',
          authors: '.author',
          keywords: '.subject a',
          source: '.from a, .journal a',
        }).map((item) => ({ ...item, nameOrder: recordNameOrder(item.title, 'unknown') }));
      default:
        return [];
    }
  },
};
