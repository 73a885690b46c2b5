import { keywordList, type Article } from '../model/article';
import { displayName } from '../text/names';
import { hasMatch, matchExcerpt, type TextPiece } from './highlight';

/** Where a search matched an article outside what its list row shows (title, first author, journal). */
export type ContextField = 'authors' | 'keywords' | 'tags' | 'doi' | 'note' | 'abstract' | 'altTitle' | 'altAbstract';

export interface MatchContext {
  field: ContextField;
  pieces: TextPiece[];
}

/**
 * The stretch of text that shows the reader why an article was found, when the row's own text
 * does not: the first field (in the search's order of weight) holding a match, cut around it.
 * `headline` is what the row shows as the article's name (an untitled one's abstract start).
 */
export function matchContext(article: Article, terms: readonly string[], headline = article.title): MatchContext | undefined {
  const authors = (article.author ?? []).map(displayName);
  if ([headline, authors[0], article['container-title']].some((shown) => hasMatch(shown, terms))) return undefined;
  const fields: [ContextField, string | undefined][] = [
    ['authors', authors.join(', ')],
    ['keywords', keywordList(article).join('; ')],
    ['tags', article.tags.join(', ')],
    ['doi', article.DOI],
    ['note', article.note],
    ['abstract', article.abstract],
    ['altTitle', article.altTitle],
    ['altAbstract', article.altAbstract],
  ];
  for (const [field, text] of fields) {
    const pieces = text ? matchExcerpt(text, terms) : undefined;
    if (pieces) return { field, pieces };
  }
  return undefined;
}
