import { abstractFingerprint, identityLetters as letters } from '../text/clean';
import { hashHex } from '../text/hash';
import type { Article } from './article';

type FingerprintFields = Partial<Pick<Article, 'title' | 'abstract' | 'author' | 'issued' | 'container-title' | 'volume' | 'issue' | 'page' | 'number' | 'DOI' | 'ids' | 'titleKey'>>;

/**
 * The whole bibliographic record as a fingerprint: for an article nothing else identifies (a title
 * too short to be a key, no DOI, abstract or address), so that the same record read again (a file
 * imported twice) is the same article, while columns that recur under one title ("卷首语" in every
 * issue) stay apart by their issue and pages. A bare title says too little: '' without an author,
 * a date or a journal.
 */
export function recordFingerprint(article: FingerprintFields): string {
  if (!article.title || !(article.author?.length || article.issued || article['container-title'])) return '';
  const names = (article.author ?? []).map((name) => letters(name.literal ?? `${name.family ?? ''} ${name.given ?? ''}`));
  const parts = [letters(article.title), names.join(','), JSON.stringify(article.issued ?? null), letters(article['container-title'])];
  return hashHex(['record', ...parts, article.volume ?? '', article.issue ?? '', article.page ?? '', article.number ?? ''].join('|'));
}

/**
 * An article's fingerprint identity key: its abstract's, or when nothing else identifies it (no
 * DOI, platform id, address or title key) its whole record's.
 */
export function identityFingerprint(article: FingerprintFields): string {
  const fromAbstract = abstractFingerprint(article.abstract);
  if (fromAbstract || article.DOI || article.ids?.length || article.titleKey) return fromAbstract;
  return recordFingerprint(article);
}
