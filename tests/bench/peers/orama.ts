/**
 * Orama 3 in the side-by-side benchmark: a schema of title, keywords and abstract, with Simlit's
 * tokenizer as its tokenizer component so that Chinese is split into words (Orama's own splits
 * on non-letters and stems English only).
 *
 * More like this: search({ term: the article's whole text }) with Orama's defaults (BM25, any
 * term may match: threshold 1, terms matched by prefix: exact false), title and keywords boost 2.
 * Build from tokens: the same terms joined by spaces, tokenizer a split on spaces.
 * Saved: JSON.stringify(save(db)); load: create() then load(db, JSON.parse(…)).
 */
import { create, insert, load, save, search, type AnyOrama, type RawData, type Results } from '@orama/orama';
import { tokenize } from '../../../lib/ranking/tokenize';
import type { RankableArticle } from '../../../lib/ranking/article-terms';
import { articleText, joinTokens, recordFields, splitTokens, tokenizedArticle, utf8Bytes, withoutSelf, type PeerEngine, type PeerIndex } from './engine';

type Mode = 'records' | 'tokens';

const SCHEMA = { id: 'string', title: 'string', keywords: 'string', abstract: 'string' } as const;

function newDb(mode: Mode): AnyOrama {
  const split = mode === 'records' ? (text: string) => tokenize(text) : splitTokens;
  return create({ schema: SCHEMA, components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: split } } });
}

function queryText(article: RankableArticle, mode: Mode): string {
  if (mode === 'records') return articleText(article);
  const terms = tokenizedArticle(article);
  return joinTokens([...terms.title, ...terms.keywords, ...terms.abstract]);
}

function resultsOf(results: Results<unknown> | Promise<Results<unknown>>): Results<unknown> {
  if (results instanceof Promise) throw new Error('Orama answered asynchronously: its components here are all synchronous');
  return results;
}

function wrap(db: AnyOrama, mode: Mode): PeerIndex {
  return {
    moreLikeThis: (article, limit) => {
      const results = resultsOf(search(db, { term: queryText(article, mode), properties: ['title', 'keywords', 'abstract'], boost: { title: 2, keywords: 2 }, limit: limit + 1 }));
      return withoutSelf(results.hits.map((hit) => hit.id), article.id, limit);
    },
    save: async () => {
      const json = JSON.stringify(save(db));
      return { bytes: utf8Bytes(json), data: json };
    },
  };
}

async function insertAll(db: AnyOrama, docs: Iterable<Record<keyof typeof SCHEMA, string>>): Promise<void> {
  for (const doc of docs) {
    // Awaited only when Orama answers with a promise, so a synchronous insert is timed as one.
    const done = insert(db, doc);
    if (done instanceof Promise) await done;
  }
}

export const orama: PeerEngine = {
  name: 'Orama',
  method: "Orama 3 with Simlit's tokenizer as its tokenizer; title, keywords (boost 2), abstract; more like this = search(article text), defaults (BM25, threshold 1, prefix)",
  buildFromRecords: async (articles) => {
    const db = newDb('records');
    await insertAll(db, articles.map((article) => ({ id: article.id, ...recordFields(article) })));
    return wrap(db, 'records');
  },
  buildFromTokens: async (articles) => {
    const db = newDb('tokens');
    await insertAll(db, articles.map(({ id, title, keywords, abstract }) => ({ id, title: joinTokens(title), keywords: joinTokens(keywords), abstract: joinTokens(abstract) })));
    return wrap(db, 'tokens');
  },
  load: async (saved) => {
    const db = newDb('records');
    load(db, JSON.parse(saved.data as string) as RawData);
    return wrap(db, 'records');
  },
};
