import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { itemsOfRows, articleOrList } from '../shared/list-items';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';
import { innermost } from '../shared/list-rows';

/**
 * MDPI: article pages (Highwire tags), and the article lists of search results, journal and
 * issue tables of contents and the home page's latest articles: "article-item" blocks with a
 * title link, an author line, "Journal 2018, 8(4), 103; doi:10.3390/…" and the abstract. An MDPI
 * id is the article's path (ISSN/volume/issue/article number).
 */
const ARTICLE_PATH = /^\/(\d{4}-\d{3}[\dX])\/(\d+)\/(\d+)\/(\d+)(?:\/|$)/i;

export function mdpiId(href: string, base: URL): string | undefined {
  try {
    const match = ARTICLE_PATH.exec(new URL(href, base).pathname);
    return match ? match.slice(1, 5).join('/') : undefined;
  } catch {
    return undefined;
  }
}

/** "Geosciences 2018, 8(4), 103; doi:10.3390/geosciences8040103" (older: "doi:", newer: "https://doi.org/"). */
export function parseMdpiLine(line: string): ExtractedItem {
  const match = /^(.*?)\s*((?:19|20)\d{2})\s*,\s*(\d+)\s*(?:\((\d+)\))?\s*,\s*([\w.-]+)/.exec(line);
  const doi = /(?:doi:\s*|doi\.org\/)(10\.\d{4,9}\/[^\s;,]+)/i.exec(line)?.[1];
  if (!match) return { doi };
  // MDPI journals number their articles; there are no pages.
  return { containerTitle: match[1] || undefined, date: match[2], volume: match[3], issue: match[4], number: match[5], doi };
}

function listItem(row: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(row, 'a.title-link');
  const href = attr(link, 'href');
  const title = squish(text(link));
  if (!link || !href || !title) return undefined;
  const line = squish(text(find(row, '.doi, .color-grey-dark')));
  const authors = findAll(row, '.authors a[itemprop="author"], .authors .sciprofiles-link__name, .authors a').map((a) => squish(text(a)));
  const abstract = squish(textWithout(find(row, '.abstract-full'), 'a')) || squish(textWithout(find(row, '.abstract-cropped'), 'a'));
  return {
    title,
    authors: [...new Set(authors.filter(Boolean))],
    abstract: abstract || undefined,
    ...parseMdpiLine(line),
    platformId: mdpiId(href, base),
    url: absoluteUrl(href, base),
    position,
  };
}

export const mdpi: Extractor = {
  id: 'mdpi',
  hosts: ['mdpi.com'],
  seenOn: ['https://www.mdpi.com/2076-3263/8/4/103', 'https://www.mdpi.com/search?q=volcano', 'https://www.mdpi.com/'],

  canExtract(doc, url) {
    if (hostIs(url, 'mdpi.com')) return true;
    return find(doc, 'meta[name="citation_publisher"][content*="MDPI" i], meta[name="dc.publisher"][content*="MDPI" i], .article-item a.title-link') !== null;
  },

  kind: articleOrList,

  extract(doc, url) {
    if (find(doc, 'meta[name="citation_title"]')) {
      const article = readEmbeddedArticle(doc, url);
      if (article) return [fillMissing(article, { platformId: mdpiId(article.url ?? url.href, url) })];
    }
    return itemsOfRows(innermost(findAll(doc, '.article-item')), (row, position) => listItem(row, url, position));
  },
};
