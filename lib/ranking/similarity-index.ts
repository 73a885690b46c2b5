/**
 * The similarity index: one MiniSearch index over the library, for "more like this" and for the
 * search box. See lib/ranking/index.ts for how the extension uses it.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { abstractFingerprint, titleKey } from '../text/clean';
import { hashHex } from '../text/hash';
import { addWeightedCounts, termsOf, distinctiveTerms, forEachIndexedTerm, indexedTerms, termCounts, type ArticleTerms, type Field, type RankableArticle } from './article-terms';
import { inverseDocumentFrequency, selectTerms, termWeights, type QueryOptions, type TermStats } from './query';
import { DocumentVectors, TermSpace, VectorPool, type SerializedVectors, type TermVector } from './vectors';
import { explainMatches } from './explain';
import { indexKey, isCjkKey, termOfKey } from './index-keys';
import { BulkIndexWriter } from './bulk-load';
import { BulkBuild } from './bulk-build';
import { deserializeIndex, serializeIndexSteps, type SerializedIndex } from './snapshot';
import { internalsOf, type MiniSearchInternals } from './minisearch-internals';
import { IdentityStore, type IdentityKeys, type SerializedIdentities } from './identity-store';
import { MoreLikeThis, type QueryTerm, type ScoredDocument } from './more-like-this';
import { DEFAULT_TOKENIZER, tokenize, tokenizerVersion, type TokenizerOptions } from './tokenize';
import { TermIndex } from './term-index';
import { checkedAfterPauses, runAtOnce, runInSlices, WorkSlices } from './work-slices';
import { grown } from './typed-arrays';

export interface RankerOptions {
  tokenizer: TokenizerOptions;
  /** Distinct abstract terms indexed per article (see article-terms.ts). */
  abstractTerms: number;
  /** BM25 weight of a match in each indexed field. */
  fieldBoosts: Record<IndexField, number>;
  query: QueryOptions;
  /** How many of MiniSearch's best matches are re-ranked by cosine similarity (0: keep BM25 order). */
  candidates: number;
  /** Distinct abstract terms kept per article for its re-ranking vector (stored, not indexed). */
  vectorAbstractTerms: number;
  /** Weight of an occurrence in each field in the term vectors compared when re-ranking. */
  vectorWeights: Record<Field, number>;
  /** Rocchio feedback from the best re-ranked neighbours (neighbours 0: off). */
  feedback: { neighbours: number; share: number };
  /**
   * Least cosine similarity to the query itself (before feedback) for an article to be called
   * similar: below it two articles share only common words, and feedback must not pull them in.
   */
  minSimilarity: number;
}

export const DEFAULT_RANKER: RankerOptions = {
  tokenizer: DEFAULT_TOKENIZER,
  abstractTerms: 40,
  fieldBoosts: { heading: 2, abstract: 1 },
  query: { maxTerms: 20, fieldWeights: { title: 2, keywords: 2, abstract: 1 }, maxDocShare: 0.05, selectIdfPower: 1, boostIdfPower: 0 },
  candidates: 60,
  vectorAbstractTerms: 100,
  vectorWeights: { title: 2, keywords: 2, abstract: 1 },
  feedback: { neighbours: 5, share: 1 },
  minSimilarity: 0.02,
};

export interface SimilarArticle {
  id: string;
  score: number;
  /** The query terms the article matched, most telling first: why the two are similar. */
  terms: string[];
}

export interface SimilarOptions {
  limit?: number;
  /** Keep only articles whose id passes (e.g. saved ones, one collection). */
  filter?: (id: string) => boolean;
}

/** What is persisted: the index and the version of everything that decided its terms. */
export interface IndexSnapshotData {
  version: string;
  /** Binary (typed arrays and strings): IndexedDB stores it as it is (snapshot.ts). */
  data: SnapshotData;
}

/** The MiniSearch index, and the re-ranking terms by number with the terms the numbers stand for. */
export interface SnapshotData extends SerializedIndex {
  vectorTerms: string;
  /**
   * By re-ranking term number, the number of its key in this snapshot's term index (-1: none):
   * the first questions after a load would otherwise look each candidate term's key up (its idf
   * needs it). Snapshots saved before it was kept (3 December 2026) lack it: then looked up as needed.
   */
  vectorKeyNumbers?: Int32Array;
  /**
   * The re-ranking terms' numbers in ascending order of term: a load looks terms up there instead
   * of putting them all in a Map first (TermSpace.of). Snapshots saved before 4 December 2026 lack it.
   */
  vectorSortedTerms?: Uint32Array;
  vectors: SerializedVectors;
  identities: SerializedIdentities;
}

/** warmUp() checks up to this many postings per term of its budget (a common term holds thousands). */
const POSTINGS_PER_TERM = 64;
/** The warm-up also checks a loaded snapshot's re-ranking terms (DocumentVectors.checkSome): so many articles for a term's budget. */
const VECTORS_CHECKED_PER_TERM = 10;
/** And puts a loaded snapshot's re-ranking terms in a Map (TermSpace.mapSome): so many for a term's budget. */
const TERMS_MAPPED_PER_TERM = 20;
/** A term number whose key has not been looked up in the term index yet. */
const UNKNOWN = -2;

/** Bump when indexed terms or stored fields change for reasons the tokenizer version misses. */
const INDEX_REVISION = 9;

export function indexVersion(options: RankerOptions = DEFAULT_RANKER): string {
  return `idx${INDEX_REVISION}:${tokenizerVersion(options.tokenizer)}:a${options.abstractTerms}:v${options.vectorAbstractTerms}`;
}

/**
 * Identity of an article as far as duplicates go: the keys sameArticle() compares. DOI and title
 * key are kept as 16-digit hashes (the fingerprint is one already): a title key is the whole
 * title, and every indexed article stores its keys.
 */
interface Identity {
  id: string;
  doi: string;
  titleKey: string;
  fingerprint: string;
}

/**
 * The fields MiniSearch indexes. Title and keywords say in a few words what an article is
 * about and weigh the same, so they are one field: a term in both is one posting, not two
 * (3% of the index's memory, no change in the eval).
 */
const INDEX_FIELDS = ['heading', 'abstract'] as const;
type IndexField = (typeof INDEX_FIELDS)[number];

/**
 * What is kept per article beside the index: the identity keys it has (empty ones are left out;
 * IdentityStore in identity-store.ts) and the terms of its re-ranking vector, as numbers
 * (DocumentVectors in vectors.ts). MiniSearch stores no fields.
 */
type StoredDocument = IdentityKeys;
/** Never in a term: the tokenizer keeps letters, marks and digits only. */
const TERM_BREAK = ' ';

/** What add() gives MiniSearch: indexed fields pre-tokenized, terms joined by spaces. */
type IndexedDocument = Record<IndexField, string> & { id: string };

const hashedKey = (key: string) => (key ? hashHex(key) : '');

function identityOf(article: RankableArticle): Identity {
  return {
    id: article.id,
    doi: hashedKey(article.DOI ?? ''),
    titleKey: hashedKey(article.titleKey ?? titleKey(article.title)),
    fingerprint: article.fingerprint ?? abstractFingerprint(article.abstract),
  };
}

/** The same rule as sameArticle(): two DOIs decide alone; else a shared title key or fingerprint. */
function sameIdentity(a: Identity, id: string, docId: number, stored: IdentityStore): boolean {
  if (a.id === id) return true;
  if (a.doi && stored.has(docId, 'doi')) return stored.keyIs(docId, 'doi', a.doi);
  return Boolean((a.titleKey && stored.keyIs(docId, 'titleKey', a.titleKey)) || (a.fingerprint && stored.keyIs(docId, 'fingerprint', a.fingerprint)));
}

const splitTerms = (text: string): string[] => (text ? text.split(' ') : []);

function miniSearchOptions(options: RankerOptions) {
  return {
    idField: 'id',
    fields: [...INDEX_FIELDS],
    tokenize: splitTerms,
    processTerm: indexKey,
    searchOptions: { boost: options.fieldBoosts, tokenize: splitTerms, processTerm: indexKey },
  };
}

/** The identity keys kept beside the index for an article, the empty ones left out. */
function storedIdentity(article: RankableArticle): StoredDocument {
  const { doi, titleKey, fingerprint } = identityOf(article);
  return { doi: doi || undefined, titleKey: titleKey || undefined, fingerprint: fingerprint || undefined };
}

/** What goes into the index for an article: the terms of its indexed fields, and what is stored beside them. */
function indexedDocument(
  article: RankableArticle,
  options: RankerOptions,
): { id: string; all: ArticleTerms; fields: Record<IndexField, string[]>; stored: StoredDocument; vector: Map<string, number> } {
  const all = termsOf(article, options.tokenizer);
  const counts = termCounts(all.abstract);
  const indexed = indexedTerms(all, options.abstractTerms, counts);
  const vector = { ...all, abstract: distinctiveTerms(all.abstract, options.vectorAbstractTerms, counts) };
  return {
    id: article.id,
    all,
    fields: { heading: [...indexed.title, ...indexed.keywords], abstract: indexed.abstract },
    stored: storedIdentity(article),
    vector: addWeightedCounts(new Map(), vector, options.vectorWeights),
  };
}

/**
 * A build under way: the articles' terms, picked as indexedDocument() picks them, into a bulk
 * writer over INDEX_FIELDS and the re-ranking vectors (bulk-build.ts), and their identity keys.
 */
interface Build {
  terms: BulkBuild;
  identities: IdentityStore;
}

const newBuild = (options: RankerOptions): Build => ({ terms: new BulkBuild(new BulkIndexWriter(INDEX_FIELDS), options), identities: new IdentityStore() });

/** Adds an article to a build (short ids are the order of adding). */
function addToBuild({ terms, identities }: Build, article: RankableArticle, options: RankerOptions): void {
  identities.set(terms.add(article.id, termsOf(article, options.tokenizer)), storedIdentity(article));
}

export interface BuildOptions {
  options?: RankerOptions;
  onProgress?: (done: number, total: number) => void;
  /** Articles per progress report, when they come as one array. */
  chunkSize?: number;
  /** How many articles the pages will hold, when they come page by page. */
  total?: number;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Each article once, in its last version. */
function latestVersions(articles: Iterable<RankableArticle>): RankableArticle[] {
  const byId = new Map<string, RankableArticle>();
  for (const article of articles) byId.set(article.id, article);
  return [...byId.values()];
}

/** A best match of a "more like this" query and MiniSearch's BM25 score. */
interface Candidate extends ScoredDocument {
  id: string;
}

function mergeTerms(terms: ArticleTerms[]): ArticleTerms {
  if (terms.length === 1) return terms[0];
  return { title: terms.flatMap((t) => t.title), keywords: terms.flatMap((t) => t.keywords), abstract: terms.flatMap((t) => t.abstract) };
}

/** Whether two field weightings weigh the same fields alike, in the same order (addWeightedCounts() adds in that order). */
function sameWeights(a: Record<Field, number>, b: Record<Field, number>): boolean {
  const fields = Object.keys(a) as Field[];
  const others = Object.keys(b);
  return fields.length === others.length && fields.every((field, i) => others[i] === field && a[field] === b[field]);
}

/**
 * The positions ordered by their scores, highest first, earlier first among equals. An insertion
 * sort: a few dozen candidates, and a comparator's returned differences were a boxed number each.
 */
function byScore(positions: number[], scores: number[]): number[] {
  const order = positions.slice();
  for (let n = 1; n < order.length; n++) {
    const position = order[n];
    const score = scores[position];
    let at = n;
    for (; at > 0; at--) {
      const before = scores[order[at - 1]];
      if (before > score || (before === score && order[at - 1] < position)) break;
      order[at] = order[at - 1];
    }
    order[at] = position;
  }
  return order;
}

/** Whether `numbers` gives each of `terms` re-ranking terms a key number below `keys`, or -1. */
function areKeyNumbers(numbers: unknown, terms: number, keys: number): numbers is Int32Array {
  if (!(numbers instanceof Int32Array) || numbers.length !== terms) return false;
  for (let i = 0; i < numbers.length; i++) if (numbers[i] < -1 || numbers[i] >= keys) return false;
  return true;
}

function byScoreThenId(a: SimilarArticle, b: SimilarArticle): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The index changed while a snapshot of it was taken in steps. */
export class IndexChangedError extends Error {
  constructor() {
    super('the similarity index changed while its snapshot was taken');
    this.name = 'IndexChangedError';
  }
}

export class SimilarityIndex {
  /** Document frequencies by term (queries share most terms), cleared on every change of the library. */
  private readonly frequencyCache = new Map<string, number>();
  /** idf by term number (NaN: not yet looked up); all outdated by a change of the library. */
  private idfByNumber = new Float64Array(0);
  /** The library changed since idfByNumber was last emptied. */
  private idfOutdated = false;
  /** By term number, the number of its key in the term index of a loaded or built index (-1: none there; UNKNOWN: not looked up yet). Outlives changes of the library: those keys stay. */
  private keyNumbers: Int32Array = new Int32Array(0);
  private readonly internals: MiniSearchInternals;
  private readonly candidateSearch: MoreLikeThis;
  /** Room for a query's re-ranking vectors, kept from query to query (vectors.ts). */
  private readonly pool = new VectorPool();
  private readonly queryWeighsAsVectors: boolean;
  /** How many times articles were added or removed: a snapshot taken in steps must see none. */
  private changeCount = 0;
  /** How far warmUp() has got: terms of the term index, then re-ranking terms by number. */
  private warmedTerms = 0;
  private warmedIdf = 0;

  private constructor(
    private readonly mini: MiniSearch<IndexedDocument>,
    readonly options: RankerOptions,
    private readonly space = new TermSpace(),
    private readonly vectors = new DocumentVectors(),
    private readonly identities = new IdentityStore(),
    keyNumbers?: Int32Array,
  ) {
    this.internals = internalsOf(mini);
    if (keyNumbers) this.keyNumbers = keyNumbers;
    // As MiniSearch: fields in index order, and a boost of 0 counts as 1.
    const boosts = INDEX_FIELDS.map((field): [number, number] => [this.internals._fieldIds[field], options.fieldBoosts[field] || 1]);
    this.candidateSearch = new MoreLikeThis(this.internals, boosts);
    this.queryWeighsAsVectors = sameWeights(options.query.fieldWeights, options.vectorWeights);
  }

  /** An index of the articles, built at once (an article given twice is indexed in its last version). */
  static create(articles: Iterable<RankableArticle> = [], options: RankerOptions = DEFAULT_RANKER): SimilarityIndex {
    const build = newBuild(options);
    for (const article of latestVersions(articles)) addToBuild(build, article, options);
    return runAtOnce(SimilarityIndex.built(build, options));
  }

  /** The index of a finished build, in steps (BulkIndexWriter.loadSteps). */
  private static *built({ terms, identities }: Build, options: RankerOptions): Generator<void, SimilarityIndex> {
    terms.vectors.seal();
    // The first questions then look up no key of their candidates' terms, as after a load.
    const keyNumbers = terms.keyNumbersByVectorTerm(UNKNOWN);
    const mini = yield* terms.writer.loadSteps(miniSearchOptions(options));
    return new SimilarityIndex(mini, options, terms.space, terms.vectors, identities, keyNumbers);
  }

  /**
   * As create(), off the event loop's critical path: adds in slices of time, yielding between
   * them (work-slices.ts), and reports progress after each chunk or page.
   * Articles come as one array, or page by page (a library read in pages never has all its
   * articles in memory at once; `total` is then the count expected, for progress).
   */
  static async build(
    articles: RankableArticle[] | AsyncIterable<RankableArticle[]>,
    { options = DEFAULT_RANKER, onProgress, chunkSize = 1000, total }: BuildOptions = {},
  ): Promise<SimilarityIndex> {
    const unique = Array.isArray(articles) ? latestVersions(articles) : undefined;
    const pages = unique ? chunks(unique, chunkSize) : (articles as AsyncIterable<RankableArticle[]>);
    const expected = unique?.length ?? total ?? 0;
    const build = newBuild(options);
    const slices = new WorkSlices();
    for await (const page of pages) {
      for (const article of page) {
        if (slices.spent) await slices.next();
        addToBuild(build, article, options);
      }
      // Loading the gathered postings is the last step: "done" reaches the total only after it.
      const done = build.terms.writer.size;
      const expectedNow = Math.max(expected, done);
      onProgress?.(Math.min(done, expectedNow - 1), expectedNow);
    }
    const index = await runInSlices(SimilarityIndex.built(build, options), slices);
    onProgress?.(index.size, index.size);
    return index;
  }

  /** The index of a snapshot, or undefined when the snapshot was made with other tokenizing or is unreadable. */
  static fromSnapshot(snapshot: IndexSnapshotData | undefined, options: RankerOptions = DEFAULT_RANKER): SimilarityIndex | undefined {
    if (!snapshot || snapshot.version !== indexVersion(options)) return undefined;
    try {
      const { vectorTerms, vectorKeyNumbers, vectorSortedTerms, vectors, identities } = snapshot.data;
      if (typeof vectorTerms !== 'string' || (vectorSortedTerms !== undefined && !(vectorSortedTerms instanceof Uint32Array))) return undefined;
      const space = TermSpace.of(vectorTerms ? vectorTerms.split(TERM_BREAK) : [], vectorSortedTerms);
      if (!space) return undefined;
      const mini = deserializeIndex<IndexedDocument>(snapshot.data, miniSearchOptions(options));
      const keys = (internalsOf(mini)._index as TermIndex).snapshotTerms;
      if (vectorKeyNumbers !== undefined && !areKeyNumbers(vectorKeyNumbers, space.size, keys)) return undefined;
      return new SimilarityIndex(mini, options, space, DocumentVectors.deserialize(vectors, space.size), IdentityStore.deserialize(identities), vectorKeyNumbers);
    } catch {
      return undefined;
    }
  }

  /** Throws for an index found damaged: its snapshot's bytes would be saved as they are, and the grown term count could hide the damage from the next load's check. */
  toSnapshot(): IndexSnapshotData {
    // Run at once, nothing can change between the steps.
    return runAtOnce(this.snapshotParts());
  }

  /**
   * toSnapshot() in steps, for a save that yields between slices of time (persist.ts saveIndex):
   * some 100 ms at 50,000 articles in node, 250 in Firefox, where the background shares the pages'
   * thread. Throws IndexChangedError when the index changed between steps (an article added or
   * removed, MiniSearch cleaning discarded ones out): the parts would not fit together.
   */
  snapshotSteps(): Generator<void, IndexSnapshotData> {
    const changes = this.changeCount;
    return checkedAfterPauses(this.snapshotParts(), () => {
      if (this.changeCount !== changes || this.mini.isVacuuming) throw new IndexChangedError();
      if (this.damaged) throw new Error('the similarity index is damaged');
    });
  }

  private *snapshotParts(): Generator<void, IndexSnapshotData> {
    this.vectors.checkSome(Number.POSITIVE_INFINITY);
    if (this.damaged) throw new Error('the similarity index is damaged');
    const keyNumbers = new Map<string, number>();
    const index = yield* serializeIndexSteps(this.mini, (key, termNumber) => keyNumbers.set(key, termNumber));
    const vectorTerms = this.space.allTerms();
    const vectorKeyNumbers = Int32Array.from(vectorTerms, (term) => keyNumbers.get(indexKey(term)) ?? -1);
    yield;
    const vectors = this.vectors.serialize(this.internals._documentIds.keys());
    yield;
    const data = {
      ...index,
      vectorTerms: vectorTerms.join(TERM_BREAK),
      vectorKeyNumbers,
      vectorSortedTerms: this.space.sortedOrder(),
      vectors,
      identities: this.identities.serialize(this.internals._documentIds.keys()),
    };
    return { version: indexVersion(this.options), data };
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** The ids of the indexed articles. */
  ids(): string[] {
    return [...this.internals._documentIds.values()];
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  /** Adds an article, or replaces the indexed version of it (same id); returns its terms (to be stored). */
  add(article: RankableArticle): ArticleTerms {
    this.libraryChanged();
    if (this.mini.has(article.id)) this.mini.discard(article.id);
    const { id, all, fields, stored, vector } = indexedDocument(article, this.options);
    this.mini.add({ id, heading: fields.heading.join(' '), abstract: fields.abstract.join(' ') });
    // MiniSearch gives each added document the next short id.
    this.vectors.set(this.internals._nextId - 1, this.space, vector);
    this.identities.set(this.internals._nextId - 1, stored);
    return all;
  }

  /** add() for each article; returns their terms in the same order. */
  addAll(articles: Iterable<RankableArticle>): ArticleTerms[] {
    return [...articles].map((article) => this.add(article));
  }

  remove(id: string): void {
    this.libraryChanged();
    if (this.mini.has(id)) this.mini.discard(id);
  }

  /** Cleans discarded articles out of the posting lists (MiniSearch also does it by itself over time). */
  async compact(): Promise<void> {
    await this.mini.vacuum();
  }

  /**
   * The library's articles most similar to one article, or to a page of articles taken together.
   * The query articles and their duplicates are never returned.
   */
  similarTo(query: RankableArticle | RankableArticle[], { limit = 10, filter }: SimilarOptions = {}): SimilarArticle[] {
    const articles = Array.isArray(query) ? query : [query];
    if (articles.length === 0 || this.size === 0 || limit <= 0) return [];
    const terms = articles.map((article) => termsOf(article, this.options.tokenizer));
    const weights = termWeights(terms, this.options.query.fieldWeights);
    const selected = selectTerms(weights, this.termStats(articles, terms), this.options.query);
    const identities = articles.map(identityOf);
    const keep = (id: string, docId: number) => {
      for (let i = 0; i < identities.length; i++) if (sameIdentity(identities[i], id, docId, this.identities)) return false;
      return !filter || filter(id);
    };
    const queryTerms = selected.map(({ term, weight }) => ({ key: indexKey(term), boost: weight }));
    if (this.options.candidates <= 0) {
      // BM25 order, naming the matched query terms that weigh most first.
      const matched = (docId: number) => this.candidateSearch.matchedBy(docId, queryTerms).sort((a, b) => b.boost - a.boost);
      return this.moreLikeThis(queryTerms, keep, limit)
        .map(({ id, score, docId }) => ({ id, score, terms: matched(docId).map(({ key }) => termOfKey(key)) }))
        .sort(byScoreThenId);
    }
    // One article's query weights are its vector's weights before idf when both weigh fields alike.
    const vectorWeights = terms.length === 1 && this.queryWeighsAsVectors ? weights : undefined;
    return this.rerank(terms, this.moreLikeThis(queryTerms, keep, this.options.candidates), limit, vectorWeights);
  }

  /**
   * Orders candidates by cosine similarity to the query articles, then again after feedback.
   * `weights`: the query's log-damped weighted counts, when they are those of its vector.
   */
  private rerank(terms: ArticleTerms[], candidates: Candidate[], limit: number, weights?: Map<string, number>): SimilarArticle[] {
    const idf = this.idf;
    const fieldWeights = this.options.vectorWeights;
    const space = this.space;
    // Nothing in here calls back out, so one query's vectors are never overwritten by another's.
    const pool = this.pool;
    pool.empty();
    const original = weights ? space.vectorOfWeights(weights, idf, pool) : space.vector(mergeTerms(terms), fieldWeights, idf, pool);
    const idfOf = this.idfOfNumber;
    const all = new Array<TermVector>(candidates.length);
    for (let c = 0; c < candidates.length; c++) all[c] = this.vectors.vector(candidates[c].docId, idfOf, pool);
    const similarities = space.cosines(original, all);
    // Only articles that resemble the query itself are candidates at all.
    const kept: number[] = [];
    for (let i = 0; i < all.length; i++) if (similarities[i] >= this.options.minSimilarity) kept.push(i);
    const rank = (scores: number[]) => byScore(kept, scores);
    let ranked = rank(similarities);
    const { neighbours, share } = this.options.feedback;
    if (neighbours > 0 && ranked.length > neighbours) {
      const closest = ranked.slice(0, neighbours).map((i) => all[i]);
      ranked = rank(space.cosines(space.withFeedback(original, closest, share, pool), all));
    }
    // Feedback orders; the score shown and the terms are the candidate's own match with the query
    // article closest to it, so that they read the same in any library (explain.ts).
    const shown = ranked.slice(0, limit);
    const queries = terms.length === 1 ? [original] : terms.map((one) => space.vector(one, fieldWeights, idf, pool));
    const explained = explainMatches(space, queries, shown.map((i) => all[i]));
    return shown.map((i, n) => ({ id: candidates[i].id, score: explained[n].score, terms: explained[n].terms }));
  }

  /**
   * Does after a load, `budget` terms at a time, what would otherwise be left to the questions or
   * never done: checks the snapshot's posting lists in their bytes (each is decoded only when a
   * question first reads it: decoding them all ahead made a third of a warm index's heap at 50,000
   * articles with a real library's vocabulary, and a list takes microseconds to decode), looks up
   * the idf of every re-ranking term (the candidates' vectors need them), checks the snapshot's
   * re-ranking terms, and puts those terms in the Map that finds a term's number
   * (TermSpace.mapSome). The load leaves those checks to this (see damaged). True once nothing is
   * left to do; a change of the library empties the idf looked up, so there is more after it.
   * Answers are the same warmed or not.
   */
  warmUp(budget = Number.POSITIVE_INFINITY): boolean {
    const index = this.internals._index;
    const terms = index instanceof TermIndex ? index.snapshotTerms : 0;
    let left = budget;
    // A common term's lists hold thousands of postings: they count in the budget too.
    let postingsLeft = left * POSTINGS_PER_TERM;
    for (; this.warmedTerms < terms && left > 0 && postingsLeft > 0; this.warmedTerms++, left--) postingsLeft -= (index as TermIndex).checkLists(this.warmedTerms);
    if (this.warmedTerms >= terms && index instanceof TermIndex) index.listsAllChecked();
    for (; this.warmedIdf < this.space.size && left > 0; this.warmedIdf++, left--) this.idfOfNumber(this.warmedIdf);
    const checked = this.vectors.checkSome(left * VECTORS_CHECKED_PER_TERM);
    const mapped = checked && this.space.mapSome(left * TERMS_MAPPED_PER_TERM);
    return this.warmedTerms >= terms && this.warmedIdf >= this.space.size && mapped;
  }

  /**
   * Whether a loaded snapshot was found damaged (by the warm-up's check or a question's read): its
   * damaged articles have no re-ranking terms, its damaged posting lists no postings, and the
   * index is worth building again.
   */
  get damaged(): boolean {
    const index = this.internals._index;
    return this.vectors.damaged || (index instanceof TermIndex && index.damaged);
  }

  /**
   * Every idf depends on the article count, and a candidate's vector on idf. The idf by number are
   * forgotten when next read, not here: an import adds thousands of articles one by one, and a
   * library's vocabulary runs to hundreds of thousands of terms.
   */
  private libraryChanged(): void {
    this.changeCount++;
    this.frequencyCache.clear();
    this.idfOutdated = true;
    this.warmedIdf = 0;
  }

  /** idf by term number, looked up once per term until the library changes. */
  private readonly idfOfNumber = (id: number): number => {
    if (this.idfOutdated) {
      this.idfByNumber.fill(NaN);
      this.idfOutdated = false;
    }
    if (id >= this.idfByNumber.length) this.idfByNumber = grown(this.idfByNumber, Math.max(this.space.size, id + 1, this.idfByNumber.length * 2), NaN);
    let idf = this.idfByNumber[id];
    if (Number.isNaN(idf)) {
      const df = this.documentFrequencyOfNumber(id);
      this.idfByNumber[id] = idf = df > 0 ? inverseDocumentFrequency(df, this.size) : 0;
    }
    return idf;
  };

  /**
   * documentFrequency() of a re-ranking term by its number. A candidate's vector brings a hundred
   * terms or so, and after a load or any change of the library each one's idf is looked up again:
   * through its key's number in the term index that takes no string, no hashing and no entry.
   */
  private documentFrequencyOfNumber(id: number): number {
    const index = this.internals._index;
    if (index instanceof TermIndex) {
      if (id >= this.keyNumbers.length) this.keyNumbers = grown(this.keyNumbers, Math.max(this.space.size, id + 1, this.keyNumbers.length * 2), UNKNOWN);
      let keyNumber = this.keyNumbers[id];
      if (keyNumber === UNKNOWN) this.keyNumbers[id] = keyNumber = index.numberOf(indexKey(this.space.term(id)));
      // A re-ranking term the index does not hold (it keeps fewer abstract terms): 6% of them with the
      // labelled sets' vocabulary, over half with a real library's.
      if (keyNumber < 0 && !index.holdsOtherTerms) return 0;
      const frequency = keyNumber < 0 ? undefined : this.candidateSearch.documentFrequencyAt(keyNumber);
      if (frequency !== undefined) return frequency;
    }
    return this.documentFrequency(this.space.term(id));
  }

  /** The best `count` matches of the query terms that `keep` accepts, best first. */
  private moreLikeThis(terms: QueryTerm[], keep: (id: string, docId: number) => boolean, count: number): Candidate[] {
    if (terms.length === 0) return [];
    const { _documentIds: ids } = this.internals;
    const accept = (docId: number) => keep(ids.get(docId)!, docId);
    return this.candidateSearch.best(terms, accept, count).map(({ docId, score }) => ({ docId, score, id: ids.get(docId)! }));
  }

  /** Articles holding the term, memoized until the library changes: queries share most terms. */
  private documentFrequency(term: string): number {
    let frequency = this.frequencyCache.get(term);
    if (frequency === undefined) {
      frequency = this.candidateSearch.documentFrequency(indexKey(term));
      this.frequencyCache.set(term, frequency);
    }
    return frequency;
  }

  /** 0 for terms no article holds. */
  private readonly idf = (term: string): number => {
    const df = this.documentFrequency(term);
    return df > 0 ? inverseDocumentFrequency(df, this.size) : 0;
  };

  /** The search box: every word must match (else any), English words by prefix and with typos, CJK exactly. */
  search(text: string, { limit = 20, filter }: SimilarOptions = {}): SimilarArticle[] {
    const terms = [...new Set(tokenize(text, this.options.tokenizer))];
    if (terms.length === 0 || this.size === 0) return [];
    const searchOptions = {
      prefix: (key: string) => !isCjkKey(key) || termOfKey(key).length === 1,
      fuzzy: (key: string) => (!isCjkKey(key) && key.length >= 5 ? 0.2 : false),
      filter: filter && ((result: SearchResult) => filter(result.id)),
    };
    let results = this.mini.search(terms.join(' '), { ...searchOptions, combineWith: 'AND' });
    if (results.length === 0 && terms.length > 1) results = this.mini.search(terms.join(' '), { ...searchOptions, combineWith: 'OR' });
    return results
      .map((result) => ({ id: String(result.id), score: result.score, terms: result.queryTerms.map(termOfKey) }))
      .sort(byScoreThenId)
      .slice(0, Math.max(0, limit));
  }

  /** Document frequencies less the query articles' own postings: a term only they hold finds nothing. */
  private termStats(articles: RankableArticle[], terms: ArticleTerms[]): TermStats {
    const selfTerms = this.indexedSelfTerms(articles, terms);
    return { documentCount: this.size, documentFrequency: (term) => this.documentFrequency(term) - (selfTerms.get(term) ?? 0) };
  }

  /** For query articles that are themselves indexed, how many of them hold each term. */
  private indexedSelfTerms(articles: RankableArticle[], terms: ArticleTerms[]): Map<string, number> {
    const counts = new Map<string, number>();
    // Which article last counted a term: each counts a term once, whatever fields it is in.
    const countedBy = articles.length > 1 ? new Map<string, number>() : undefined;
    articles.forEach((article, i) => {
      if (!this.mini.has(article.id)) return;
      forEachIndexedTerm(terms[i], this.options.abstractTerms, (term) => {
        if (!countedBy) counts.set(term, 1);
        else if (countedBy.get(term) !== i) {
          countedBy.set(term, i);
          counts.set(term, (counts.get(term) ?? 0) + 1);
        }
      });
    });
    return counts;
  }

}
