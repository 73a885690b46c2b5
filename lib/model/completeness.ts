import { issuedYear, type Article } from './article';

/**
 * A record is incomplete when a reference made from it would lack what identifies a work: its
 * title, its authors or its year. List pages often give less than the article's own page
 * (the seed's similar list has no titles at all): opening that page completes the record.
 */
export type MissingField = 'title' | 'author' | 'issued';

export const REQUIRED_FIELDS: readonly MissingField[] = ['title', 'author', 'issued'];

export function missingFields(article: Pick<Article, 'title' | 'author' | 'issued'>): MissingField[] {
  const missing: MissingField[] = [];
  if (!article.title?.trim()) missing.push('title');
  if (!article.author?.length) missing.push('author');
  if (issuedYear(article) === undefined) missing.push('issued');
  return missing;
}
