/**
 * Plain MiniSearch (7.2, the project's dependency) in the side-by-side benchmark: the library used
 * directly, as its documentation suggests, with Simlit's tokenizer so that Chinese is split into
 * words (its default tokenizer makes a Chinese sentence one term).
 *
 * Fields title, keywords (boost 2 each, as Simlit weighs them) and abstract, every term indexed.
 * More like this: a search with the article's whole text, terms combined with OR, BM25 order.
 * Build from tokens: the same terms joined by spaces, tokenizer a split on spaces.
 * Saved: JSON.stringify(index); load: MiniSearch.loadJSON.
 */
import MiniSearch, { type Options } from 'minisearch';
import { tokenize } from '../../../lib/ranking/tokenize';
import type { RankableArticle } from '../../../lib/ranking/article-terms';
import { articleText, joinTokens, recordFields, splitTokens, tokenizedArticle, utf8Bytes, withoutSelf, type PeerEngine, type PeerIndex } from './engine';

interface Doc {
  id: string;
  title: string;
  keywords: string;
  abstract: string;
}

type Mode = 'records' | 'tokens';

function options(mode: Mode): Options<Doc> {
  const split = mode === 'records' ? (text: string) => tokenize(text) : splitTokens;
  return { fields: ['title', 'keywords', 'abstract'], tokenize: split, searchOptions: { boost: { title: 2, keywords: 2 }, combineWith: 'OR' } };
}

function queryText(article: RankableArticle, mode: Mode): string {
  if (mode === 'records') return articleText(article);
  const terms = tokenizedArticle(article);
  return joinTokens([...terms.title, ...terms.keywords, ...terms.abstract]);
}

function wrap(mini: MiniSearch<Doc>, mode: Mode): PeerIndex {
  return {
    moreLikeThis: (article, limit) => withoutSelf(mini.search(queryText(article, mode)).map((result) => result.id as string), article.id, limit),
    save: async () => {
      const json = JSON.stringify(mini);
      return { bytes: utf8Bytes(json), data: json };
    },
  };
}

export const minisearch: PeerEngine = {
  name: 'MiniSearch',
  method: "MiniSearch 7.2 with Simlit's tokenizer; fields title, keywords (boost 2), abstract; more like this = search(article text, OR), BM25",
  buildFromRecords: async (articles) => {
    const mini = new MiniSearch<Doc>(options('records'));
    mini.addAll(articles.map((article) => ({ id: article.id, ...recordFields(article) })));
    return wrap(mini, 'records');
  },
  buildFromTokens: async (articles) => {
    const mini = new MiniSearch<Doc>(options('tokens'));
    mini.addAll(articles.map(({ id, title, keywords, abstract }) => ({ id, title: joinTokens(title), keywords: joinTokens(keywords), abstract: joinTokens(abstract) })));
    return wrap(mini, 'tokens');
  },
  load: async (saved) => wrap(MiniSearch.loadJSON<Doc>(saved.data as string, options('records')), 'records'),
};
