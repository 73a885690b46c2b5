import { find, hostIs } from '../dom';
import { readCards, readSpringerNatureArticle, type CardLayout } from '../shared/springer-nature';
import { articleOrList } from '../shared/list-items';
import type { Extractor } from '../types';

/**
 * nature.com: article pages (Highwire tags) and the card lists of search results, subject pages
 * and issue tables of contents. An article's id is the last part of its address
 * (s41586-021-03819-2, nature13322, d41586-020-02610-z), its DOI 10.1038/ followed by it.
 */
export function natureId(href: string): string | undefined {
  return /\/articles\/([a-z]*\d[\w.-]*)(?:[?#/]|$)/i.exec(href)?.[1] ?? /\/full\/([a-z]+\d+)\.html/i.exec(href)?.[1];
}

function natureDoi(href: string): string | undefined {
  const id = natureId(href);
  return id ? `10.1038/${id}` : undefined;
}

const CARDS: CardLayout = {
  rows: 'li.app-article-list-row__item, article.c-card, li[itemtype$="ScholarlyArticle"]',
  title: 'h3.c-card__title a, .c-card__title a, a.c-card__link, h3 a[href*="/articles/"]',
  authors: '[itemprop="creator"] [itemprop="name"], .c-author-list li, ul[data-test="author-list"] li',
  container: '[data-test="journal-title"], .c-meta__item[itemprop="isPartOf"], .c-card__journal',
  date: 'time[datetime], [itemprop="datePublished"]',
  snippet: '.c-card__summary, [itemprop="description"]',
  type: '[data-test="article.type"], .c-meta__type',
  doiOf: natureDoi,
  idOf: natureId,
};

export const nature: Extractor = {
  id: 'nature',
  hosts: ['nature.com'],
  seenOn: ['https://www.nature.com/articles/s41586-021-03819-2', 'https://www.nature.com/search?q=protein+structure'],

  canExtract(doc, url) {
    if (hostIs(url, 'nature.com')) return true;
    if (hostIs(url, 'springer.com')) return false;
    return find(doc, 'meta[name="citation_publisher"][content^="Nature" i], meta[name="dc.publisher"][content^="Nature" i], li.app-article-list-row__item a[href*="/articles/"]') !== null;
  },

  kind: articleOrList,

  extract(doc, url) {
    if (find(doc, 'meta[name="citation_title"], meta[name="dc.title" i]')) {
      const article = readSpringerNatureArticle(doc, url, natureId);
      if (article) return [article];
    }
    return readCards(doc, url, CARDS);
  },
};
