import type { ExtractedItem } from '../../model/article';
import { find, findAll, firstText, hostIs, queryParam, squish, text, textWithout } from '../dom';
import { parseIssueLine, stripTitleMarks } from '../shared/citation-line';
import { readList } from '../shared/list-items';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * CQVIP (维普, qikan.cqvip.com). Article pages (/Qikan/Article/Detail?id=...) and search result
 * lists (/Qikan/Search/Index: dl entries with the title link, authors, source and abstract).
 */
const ARTICLE_LINKS = 'a[href*="/Qikan/Article/Detail" i]';

function idOf(href: string, base: URL): string | undefined {
  return queryParam(href, 'id', base);
}

function articleUrl(id: string): string {
  return `https://qikan.cqvip.com/Qikan/Article/Detail?id=${encodeURIComponent(id)}`;
}

function names(root: Element | null): string[] {
  if (!root) return [];
  return [...findAll(root, 'a')].map((a) => squish(textWithout(a, 'sup')).replace(/[;；,，]+$/u, '')).filter(Boolean);
}

function articleItem(doc: Document, url: URL): ExtractedItem {
  const id = queryParam(url.href, 'id', url);
  const journalLine = squish(text(find(doc, '.journal')));
  const item: ExtractedItem = {
    title: firstText(doc, '.article-title h1', '.article-title'),
    altTitle: firstText(doc, '.article-title .en-title', '.article-title h2'),
    authors: names(find(doc, '.article-detail .author, .author')),
    abstract: textWithout(find(doc, '.abstract'), '.abstract-label, b, strong'),
    altAbstract: textWithout(find(doc, '.en-abstract'), '.abstract-label, b, strong') || undefined,
    keywords: names(find(doc, '.subject')),
    doi: firstText(doc, '.doi a', '.doi span'),
    containerTitle: stripTitleMarks(firstText(doc, '.journal a')),
    ...parseIssueLine(journalLine),
    platformId: id,
    url: id ? articleUrl(id) : url.href,
  };
  return fillMissing(item, readEmbeddedArticle(doc, url));
}

function isArticlePage(url: URL): boolean {
  return /\/Qikan\/Article\/Detail/i.test(url.pathname);
}

export const cqvip: Extractor = {
  id: 'cqvip',
  hosts: ['cqvip.com'],
  seenOn: ['https://qikan.cqvip.com/Qikan/Article/Detail?id=7109012345', 'https://qikan.cqvip.com/Qikan/Search/Index?key=U%3D增材制造'],

  canExtract(_doc, url) {
    return hostIs(url, 'cqvip.com');
  },

  kind(_doc, url) {
    return isArticlePage(url) ? 'article' : 'list';
  },

  extract(doc, url) {
    if (isArticlePage(url)) return [articleItem(doc, url)];
    return readList(doc, url, {
      links: ARTICLE_LINKS,
      row: 'dl, li, tr',
      idOf,
      urlOf: articleUrl,
      abstract: '.abstract, dd.abstract',
      authors: '.author',
      keywords: '.subject a',
      source: '.from a, .journal a',
    });
  },
};
