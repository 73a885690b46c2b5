import { find, hostIs } from '../dom';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';

/**
 * Frontiers: article pages read from their Highwire tags, with one correction. Frontiers
 * journals number their articles ("Front. Psychol. 5:781"); the number is the last part of the
 * DOI (10.3389/fpsyg.2014.00781), while `citation_firstpage` holds the site's internal article
 * id (85883, also in the page's image paths), which is neither a page nor the article number.
 */
const FRONTIERS_DOI = /^10\.3389\/[a-z]+\.\d{4}\.0*(\d+)$/i;

export function frontiersArticleNumber(doi: string | undefined): string | undefined {
  return doi ? FRONTIERS_DOI.exec(doi.trim())?.[1] : undefined;
}

export const frontiers: Extractor = {
  id: 'frontiers',
  hosts: ['frontiersin.org'],
  seenOn: ['https://www.frontiersin.org/journals/psychology/articles/10.3389/fpsyg.2014.00781/full'],

  canExtract(doc, url) {
    return hostIs(url, 'frontiersin.org') || find(doc, 'meta[name="citation_publisher"][content^="Frontiers" i], meta[name="citation_doi"][content^="10.3389/" i]') !== null;
  },

  kind: () => 'article',

  extract(doc, url) {
    const article = readEmbeddedArticle(doc, url);
    if (!article) return [];
    const number = frontiersArticleNumber(article.doi);
    if (!number) return [article];
    return [{ ...article, firstPage: undefined, lastPage: undefined, pages: undefined, number }];
  },
};
