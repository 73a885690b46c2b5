/**
 * Simlit's ranker in the side-by-side benchmark, through its public entry points only
 * (lib/ranking): the one file to adapt when the engine's API changes.
 *
 * Build from records: SimilarityIndex.create (tokenizing, picking terms, the bulk writer).
 * Build from tokens: articles that carry their terms (as the rows of stored terms give them) are
 * not tokenized again.
 * Saved: toSnapshot() (its binary data is what IndexedDB stores, sized by snapshotBytes); load:
 * fromSnapshot().
 * More like this: similarTo(article), the production ranker with its defaults.
 */
import { SimilarityIndex, type IndexSnapshotData } from '../../../lib/ranking';
import { snapshotBytes } from '../../../lib/ranking/snapshot';
import type { PeerEngine, PeerIndex } from './engine';
import { utf8Bytes } from './engine';

function wrap(index: SimilarityIndex): PeerIndex {
  return {
    moreLikeThis: (article, limit) => index.similarTo(article, { limit }).map(({ id }) => id),
    save: async () => {
      const snapshot = index.toSnapshot();
      return { bytes: snapshotBytes(snapshot.data) + utf8Bytes(snapshot.version), data: snapshot };
    },
  };
}

export const simlit: PeerEngine = {
  name: 'Simlit',
  method: 'SimilarityIndex.create / toSnapshot / fromSnapshot / similarTo with the production defaults (lib/ranking)',
  buildFromRecords: async (articles) => wrap(SimilarityIndex.create(articles)),
  buildFromTokens: async (articles) => wrap(SimilarityIndex.create(articles.map(({ id, title, keywords, abstract }) => ({ id, terms: { title, keywords, abstract } })))),
  load: async (saved) => {
    const index = SimilarityIndex.fromSnapshot(saved.data as IndexSnapshotData);
    if (!index) throw new Error('Simlit could not load its own snapshot');
    return wrap(index);
  },
};
