import { keywordList, type Article } from '../model/article';
import { displayName } from '../text/names';

/**
 * The text of an article that the library's search reads, field by field, in falling order of
 * weight: a term found in the title ranks an article above one found only in its abstract.
 */
export const SEARCH_FIELDS = ['title', 'authors', 'keywords', 'tags', 'container', 'doi', 'note', 'abstract'] as const;

export const FIELD_WEIGHTS: readonly number[] = [8, 6, 5, 5, 3, 3, 2, 1];

/** What the search reads of an article (all of it: a fraction of the article's size). */
export type SearchableArticle = Pick<
  Article,
  'id' | 'title' | 'altTitle' | 'author' | 'keyword' | 'tags' | 'container-title' | 'DOI' | 'note' | 'abstract' | 'altAbstract' | 'updatedAt'
>;

const lines = (...values: (string | undefined)[]) => values.filter(Boolean).join('\n');

/** The article's searchable text, one string per field of SEARCH_FIELDS. */
export function searchFields(article: SearchableArticle): string[] {
  return [
    lines(article.title, article.altTitle),
    (article.author ?? []).map(displayName).join('\n'),
    keywordList(article).join('\n'),
    (article.tags ?? []).join('\n'),
    article['container-title'] ?? '',
    article.DOI ?? '',
    article.note ?? '',
    lines(article.abstract, article.altAbstract),
  ];
}
