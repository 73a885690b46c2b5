/**
 * FlexSearch 0.8 in the side-by-side benchmark: one Index over the article's text (title and
 * keywords first: FlexSearch scores a term by its position, not by tf-idf), with Simlit's
 * tokenizer as its `encode` function so that Chinese is split into words.
 *
 * More like this: a search with the article's whole text and `suggest: true` (without it every
 * query term must match, and a whole abstract matches nothing but itself).
 * Build from tokens: the same terms joined by spaces, `encode` a split on spaces.
 * Saved: export() (key/data chunks, their bytes summed); load: a new Index and import() of each chunk.
 */
import { Index } from 'flexsearch';
import { tokenize } from '../../../lib/ranking/tokenize';
import type { RankableArticle } from '../../../lib/ranking/article-terms';
import { articleText, joinTokens, recordFields, splitTokens, tokenizedArticle, utf8Bytes, withoutSelf, type PeerEngine, type PeerIndex } from './engine';

type Mode = 'records' | 'tokens';
type Chunks = Array<[key: string, data: string]>;

const newIndex = (mode: Mode) => new Index({ tokenize: 'strict', encode: mode === 'records' ? (text: string) => tokenize(text) : splitTokens });

function queryText(article: RankableArticle, mode: Mode): string {
  if (mode === 'records') return articleText(article);
  const terms = tokenizedArticle(article);
  return joinTokens([...terms.title, ...terms.keywords, ...terms.abstract]);
}

function wrap(index: Index, mode: Mode): PeerIndex {
  return {
    moreLikeThis: (article, limit) => withoutSelf(index.search(queryText(article, mode), { limit: limit + 1, suggest: true }), article.id, limit),
    save: async () => {
      const chunks: Chunks = [];
      await index.export(async (key, data) => {
        if (data !== undefined && data !== null) chunks.push([key, data]);
      });
      return { bytes: chunks.reduce((sum, [key, data]) => sum + utf8Bytes(key) + utf8Bytes(data), 0), data: chunks };
    },
  };
}

export const flexsearch: PeerEngine = {
  name: 'FlexSearch',
  method: "FlexSearch 0.8 Index (tokenize 'strict') with Simlit's tokenizer as encode; text = title, keywords, abstract; more like this = search(article text, suggest)",
  buildFromRecords: async (articles) => {
    const index = newIndex('records');
    for (const article of articles) {
      const { title, keywords, abstract } = recordFields(article);
      index.add(article.id, [title, keywords, abstract].join('\n'));
    }
    return wrap(index, 'records');
  },
  buildFromTokens: async (articles) => {
    const index = newIndex('tokens');
    for (const { id, title, keywords, abstract } of articles) index.add(id, joinTokens([...title, ...keywords, ...abstract]));
    return wrap(index, 'tokens');
  },
  load: async (saved) => {
    const index = newIndex('records');
    for (const [key, data] of saved.data as Chunks) await index.import(key, data);
    return wrap(index, 'records');
  },
};
