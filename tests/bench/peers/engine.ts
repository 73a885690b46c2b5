/**
 * What every engine in the side-by-side benchmark (`npm run bench -- --peers`) offers: one
 * adapter file per engine (simlit.ts, minisearch.ts, flexsearch.ts, orama.ts) with this
 * interface, so that the runner measures each the same way and only the adapter knows the
 * engine's API.
 */
import { keywordList } from '../../../lib/model/article';
import { articleTerms } from '../../../lib/ranking/article-terms';
import type { RankableArticle } from '../../../lib/ranking/article-terms';

/** An article's terms as Simlit's tokenizer makes them: what "build from tokens" feeds every engine. */
export interface TokenizedArticle {
  id: string;
  title: string[];
  keywords: string[];
  abstract: string[];
}

/** A serialized index: what would be written to storage, and its size in bytes. */
export interface SavedIndex {
  bytes: number;
  data: unknown;
}

export interface PeerIndex {
  /** The ids of the `limit` articles most like `article` (itself excluded), best first. */
  moreLikeThis(article: RankableArticle, limit: number): string[];
  save(): Promise<SavedIndex>;
}

export interface PeerEngine {
  name: string;
  /** How the engine is set up and queried, for the README and the results file. */
  method: string;
  /** Index the articles as records: the engine tokenizes them. */
  buildFromRecords(articles: RankableArticle[]): Promise<PeerIndex>;
  /** Index the same terms for every engine; absent where the engine offers no way to skip its tokenizer. */
  buildFromTokens?: (articles: TokenizedArticle[]) => Promise<PeerIndex>;
  /** A query-ready index from a saved one. */
  load(saved: SavedIndex): Promise<PeerIndex>;
}

export function tokenizedArticle(article: RankableArticle): TokenizedArticle {
  return { id: article.id, ...articleTerms(article) };
}

/** The text fields of a record as the peers index them (keywords one a line). */
export function recordFields(article: RankableArticle): { title: string; keywords: string; abstract: string } {
  return {
    title: [article.title, article.altTitle].filter(Boolean).join('\n'),
    keywords: keywordList(article).join('\n'),
    abstract: [article.abstract, article.altAbstract].filter(Boolean).join('\n'),
  };
}

/** A pre-tokenized field, for engines whose tokenizer is then a split on spaces (terms hold no spaces). */
export const joinTokens = (terms: string[]): string => terms.join(' ');
export const splitTokens = (text: string): string[] => (text ? text.split(' ') : []);

/** The whole text of an article: the query the peers' "more like this" sends. */
export function articleText(article: RankableArticle): string {
  const { title, keywords, abstract } = recordFields(article);
  return [title, keywords, abstract].filter(Boolean).join('\n');
}

/** The first `limit` ids that are not the query article's own. */
export function withoutSelf(ids: Iterable<string | number>, self: string, limit: number): string[] {
  const kept: string[] = [];
  for (const id of ids) {
    if (String(id) === self) continue;
    kept.push(String(id));
    if (kept.length === limit) break;
  }
  return kept;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
