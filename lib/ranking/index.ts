/**
 * Similar articles and library search for the popup, the library page, the background and the CLI.
 *
 *   const index = await loadOrBuildIndex(db, { onProgress });  // snapshot + catch-up, or full build
 *   index.add(article);            // new or changed article (replaces the indexed version)
 *   index.remove(id);
 *   index.similarTo(article, { limit: 10, filter: (id) => true })   // -> [{ id, score, terms }]
 *   index.similarTo(pageArticles, { limit: 20 })                      // a list page taken together
 *   index.search('deep learn 控制系统', { limit: 20 })                // search box: prefix/fuzzy Latin, exact CJK
 *   await saveIndex(db, index);    // after a batch of changes
 *   SimilarityIndex.create(articles) / SimilarityIndex.fromSnapshot(index.toSnapshot())
 *
 * `score` is the cosine similarity (0..1) of the two articles' tf-idf vectors (for a page of
 * articles, with the one closest to the neighbour); `terms` are the telling shared terms that
 * weigh most in it (tokens: English stems, Chinese words), for "why similar" (explain.ts).
 * calibration.ts says what a score means; shared-words.ts turns terms into the words shown.
 * The query article and its duplicates (same id, DOI, title key or abstract fingerprint) are
 * never returned. Nothing here uses extension APIs (the background hands RankingService its keep-alive call).
 *
 * Modules: tokenize.ts (+ fold-script.ts, stopwords.ts) makes terms; article-terms.ts picks what
 * is indexed; index-keys.ts spells terms for MiniSearch's tree; bulk-build.ts and bulk-load.ts build a whole
 * index at once and posting-list.ts keeps its posting lists small; query.ts picks the query
 * terms; more-like-this.ts finds candidates by BM25 over MiniSearch's postings; vectors.ts
 * re-ranks them; identity-store.ts keeps the keys that tell duplicates; snapshot.ts is the saved
 * form, loaded into document-maps.ts and term-index.ts (MiniSearch's Maps and term tree, made on
 * first use; key-order.ts finds its terms by their sorted order); persist.ts saves and catches up; ranking-service.ts keeps one index warm for
 * the background (answers, captures, library edits, the open tabs' kept answers, when to save); evaluate.ts measures.
 */
export { SimilarityIndex, DEFAULT_RANKER, indexVersion } from './similarity-index';
export type { RankerOptions, SimilarArticle, SimilarOptions, IndexSnapshotData } from './similarity-index';
export type { RankableArticle } from './article-terms';
export { loadOrBuildIndex, saveIndex, SNAPSHOT_KEY } from './persist';
export { tokenize, tokenizerVersion, DEFAULT_TOKENIZER } from './tokenize';
export { RankingService, type RankingServiceOptions } from './ranking-service';
