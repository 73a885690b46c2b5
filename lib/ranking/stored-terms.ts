/**
 * Each article's terms, kept in the `articleTerms` table so that no article is tokenized twice.
 *
 * Tokenizing is most of the cost of indexing (a Chinese abstract costs some 2.8 ms, nearly all
 * of it Intl.Segmenter): at 50,000 articles a rebuild spent 58% of its 27 s there, and every
 * "more like this" query tokenized its article again. The ranking service tokenizes an article
 * once, when it is captured, imported or edited, and stores its terms here; a rebuild, a
 * catch-up or a query reads them. A row names the tokenizer version it was made with and a hash
 * of the text it was made from: a row of another version or of older text is tokenized again
 * (and rewritten), so an article written by a path that did not store terms costs one
 * tokenizing, never a wrong answer.
 *
 * The form is compact and lossless for everything the ranker computes: title and keyword terms
 * in order, the abstract's distinct terms in order of first occurrence with their counts (the
 * ranker reads only counts and first occurrences of abstract terms; see article-terms.ts).
 */
import type { SimlitDB, StoredTermsRow } from '../db/schema';
import { keywordList } from '../model/article';
import { hashHex } from '../text/hash';
import { articleTerms, type ArticleTerms, type RankableArticle } from './article-terms';
import { tokenizerVersion, type TokenizerOptions } from './tokenize';
import { SLICE_MS, WorkSlices } from './work-slices';

/** Never in a term: the tokenizer keeps letters, marks and digits only. */
const SEPARATOR = ' ';

/** A hash of the text the tokenizer reads: a row made from other text is stale. */
export function termSource(article: RankableArticle): string {
  return hashHex([article.title ?? '', article.altTitle ?? '', keywordList(article).join('\n'), article.abstract ?? '', article.altAbstract ?? ''].join('\u0000'));
}

const joined = (terms: string[]) => terms.join(SEPARATOR);
const split = (text: string) => (text ? text.split(SEPARATOR) : []);

export function encodeTerms(article: RankableArticle, terms: ArticleTerms, options: TokenizerOptions): StoredTermsRow {
  const counts = new Map<string, number>();
  for (const term of terms.abstract) counts.set(term, (counts.get(term) ?? 0) + 1);
  return {
    id: article.id,
    version: tokenizerVersion(options),
    source: termSource(article),
    title: joined(terms.title),
    keywords: joined(terms.keywords),
    abstract: joined([...counts.keys()]),
    // An abstract is at most 40,000 characters (article-terms.ts): no count reaches 65,536.
    counts: Uint16Array.from(counts.values()),
  };
}

/** The terms a row holds, the abstract's repeats side by side (the ranker reads counts, not places). */
export function decodeTerms(row: StoredTermsRow): ArticleTerms {
  const distinct = split(row.abstract);
  const abstract: string[] = [];
  distinct.forEach((term, i) => {
    for (let n = row.counts[i] ?? 1; n > 0; n--) abstract.push(term);
  });
  return { title: split(row.title), keywords: split(row.keywords), abstract };
}

/** Whether a row holds the article's current terms for this tokenizer. */
export function isCurrent(row: StoredTermsRow | undefined, article: RankableArticle, options: TokenizerOptions): row is StoredTermsRow {
  return row !== undefined && row.version === tokenizerVersion(options) && row.source === termSource(article) && row.counts instanceof Uint16Array;
}

export interface WithTermsOptions {
  /** How long tokenizing runs between yields to the event loop (a Chinese abstract takes some 3 ms, an English one 0.2). */
  sliceMs?: number;
  /** Called after each slice of tokenizing: articles tokenized so far in this call, and how many need it. */
  onTokenized?: (done: number, total: number) => void;
}

/**
 * The articles, each with its terms: read from the table, or tokenized (in slices, yielding
 * between them) and stored when the table has none of this version for its current text.
 */
export async function withStoredTerms<T extends RankableArticle>(
  db: SimlitDB,
  articles: T[],
  options: TokenizerOptions,
  { sliceMs = SLICE_MS, onTokenized }: WithTermsOptions = {},
): Promise<(T & { terms: ArticleTerms })[]> {
  const rows = await db.articleTerms.bulkGet(articles.map((article) => article.id));
  const result: (T & { terms: ArticleTerms })[] = [];
  const missing: number[] = [];
  articles.forEach((article, i) => {
    const row = rows[i];
    if (isCurrent(row, article, options)) result[i] = { ...article, terms: decodeTerms(row) };
    else missing.push(i);
  });
  const written: StoredTermsRow[] = [];
  const slices = new WorkSlices(sliceMs);
  for (const i of missing) {
    const terms = articleTerms(articles[i], options);
    result[i] = { ...articles[i], terms };
    written.push(encodeTerms(articles[i], terms, options));
    if (written.length === missing.length || slices.spent) {
      onTokenized?.(written.length, missing.length);
      if (written.length < missing.length) await slices.next();
    }
  }
  if (written.length) await storeRows(db, written);
  return result;
}

/** Stores the terms of articles just tokenized. */
export async function storeTerms(db: SimlitDB, articles: { article: RankableArticle; terms: ArticleTerms }[], options: TokenizerOptions): Promise<void> {
  if (articles.length) await storeRows(db, articles.map(({ article, terms }) => encodeTerms(article, terms, options)));
}

async function storeRows(db: SimlitDB, rows: StoredTermsRow[]): Promise<void> {
  try {
    await db.articleTerms.bulkPut(rows);
  } catch (error) {
    // Only a shortcut: without its row an article is tokenized again next time.
    console.warn('simlit: article terms could not be stored', error instanceof Error ? error.name : '');
  }
}

/** Terms of deleted articles go with them. */
export async function forgetTerms(db: SimlitDB, ids: string[]): Promise<void> {
  if (ids.length) await db.articleTerms.bulkDelete(ids).catch(() => undefined);
}
