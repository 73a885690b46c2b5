/**
 * The terms of an article, field by field, and the part of them that goes into the index.
 *
 * The index keeps the whole title and keywords but only an abstract's most frequent terms: those
 * carry most of its similarity signal, while indexing every term (or every bigram) of every
 * abstract makes the index several times larger and slower to build, load and query. The choice
 * depends on the article alone, so that an index built incrementally equals one built at once.
 */
import { keywordList, type Article } from '../model/article';
import { DEFAULT_TOKENIZER, tokenize, type TokenizerOptions } from './tokenize';

/**
 * What the ranker reads of an article: any Article fits. `terms`, when given, are its terms as
 * the ranker's tokenizer made them (stored-terms.ts): the article is then not tokenized again.
 */
export type RankableArticle = Pick<Article, 'id'> &
  Partial<Pick<Article, 'title' | 'abstract' | 'keyword' | 'altTitle' | 'altAbstract' | 'DOI' | 'titleKey' | 'fingerprint'>> & { terms?: ArticleTerms };

export interface ArticleTerms {
  title: string[];
  keywords: string[];
  abstract: string[];
}

export const FIELDS = ['title', 'keywords', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];

/** Text past this length (a pasted full text, a broken page) adds time but no signal. */
const MAX_FIELD_CHARS = 20_000;

function fieldTerms(text: string | undefined, options: TokenizerOptions): string[] {
  return tokenize(text?.slice(0, MAX_FIELD_CHARS), options);
}

/** Bilingual pages: the other-language title and abstract count as more of the same fields. */
export function articleTerms(article: RankableArticle, options: TokenizerOptions = DEFAULT_TOKENIZER): ArticleTerms {
  // One text for all keywords: a line break separates terms as surely as separate calls would.
  const keywords = fieldTerms(keywordList(article).slice(0, 50).join('\n'), options);
  return {
    title: [...fieldTerms(article.title, options), ...fieldTerms(article.altTitle, options)],
    keywords,
    abstract: [...fieldTerms(article.abstract, options), ...fieldTerms(article.altAbstract, options)],
  };
}

/** The article's terms: those it carries, else tokenized. */
export function termsOf(article: RankableArticle, options: TokenizerOptions = DEFAULT_TOKENIZER): ArticleTerms {
  return article.terms ?? articleTerms(article, options);
}

/** Adds each term's occurrences to `counts`, weighted by the field it occurs in (in order of first occurrence). */
export function addWeightedCounts(counts: Map<string, number>, terms: ArticleTerms, fieldWeights: Record<Field, number>): Map<string, number> {
  for (const field of Object.keys(fieldWeights) as Field[]) {
    const weight = fieldWeights[field];
    for (const term of terms[field]) counts.set(term, (counts.get(term) ?? 0) + weight);
  }
  return counts;
}

/** A term repeated more often than this says no more about the article. */
export const MAX_REPEATS = 3;

/** How often each term occurs, in order of first occurrence. */
export function termCounts(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * The abstract's `limit` most frequent distinct terms (earlier first among equals), each as
 * often as it occurs up to MAX_REPEATS, in order of first occurrence with repeats side by side
 * (what is indexed and compared counts occurrences, not their places).
 */
export function distinctiveTerms(terms: string[], limit: number, counts = termCounts(terms)): string[] {
  const kept = counts.size <= limit ? undefined : mostFrequent(counts, limit);
  const selected: string[] = [];
  for (const [term, count] of counts) {
    if (kept && !kept.has(term)) continue;
    for (let i = Math.min(count, MAX_REPEATS); i > 0; i--) selected.push(term);
  }
  return selected;
}

function mostFrequent(counts: Map<string, number>, limit: number): Set<string> {
  // Map iteration follows first occurrence, and sort is stable: ties keep text order.
  return new Set(
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([term]) => term),
  );
}

function repeatCap(): (term: string) => boolean {
  const seen = new Map<string, number>();
  return (term) => {
    const count = (seen.get(term) ?? 0) + 1;
    seen.set(term, count);
    return count <= MAX_REPEATS;
  };
}

/** The terms of an article as indexed. */
export function indexedTerms(terms: ArticleTerms, abstractLimit: number, abstractCounts = termCounts(terms.abstract)): ArticleTerms {
  return {
    title: terms.title.filter(repeatCap()),
    keywords: terms.keywords.filter(repeatCap()),
    abstract: distinctiveTerms(terms.abstract, abstractLimit, abstractCounts),
  };
}

/**
 * Each term of indexedTerms(terms, abstractLimit), without making its arrays: what a query needs
 * to know of an indexed query article (which terms it holds). A term in several fields is named
 * once per field. The abstract's terms are mostFrequent()'s choice, found by counting how many
 * terms occur how often instead of sorting them.
 */
export function forEachIndexedTerm(terms: ArticleTerms, abstractLimit: number, each: (term: string) => void): void {
  for (const term of terms.title) each(term);
  for (const term of terms.keywords) each(term);
  const counts = termCounts(terms.abstract);
  if (counts.size <= abstractLimit) {
    counts.forEach((_, term) => each(term));
    return;
  }
  const limit = Math.max(0, Math.floor(abstractLimit));
  let most = 0;
  counts.forEach((count) => (most = Math.max(most, count)));
  const termsOccurring = new Uint32Array(most + 1);
  counts.forEach((count) => termsOccurring[count]++);
  // The least count kept: every term above it is kept, and the first of those at it, in order of first occurrence.
  let least = most;
  let above = 0;
  while (above + termsOccurring[least] < limit) above += termsOccurring[least--];
  let atLeast = limit - above;
  counts.forEach((count, term) => {
    if (count > least || (count === least && atLeast-- > 0)) each(term);
  });
}
