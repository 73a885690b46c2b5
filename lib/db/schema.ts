import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Article } from '../model/article';
import type { LibraryState } from './library-state';
import { isEdited, isUntouchedRow, LISTING_INDEXES, listingMiddleware, listingRow, type ListingRow } from './listing';
import { ARTICLE_COUNT_KEY, articleCountMiddleware, COUNTERS_INDEXES, type CounterRow } from './article-count';
import { FACET_KEY_PREFIX, facetCounterRows } from './facet-counts';
import { forEachArticle } from './articles-by-chunk';
import { identityFingerprint } from '../model/fingerprint';

/** Which page yielded which articles, and how each was received. */
export interface Capture {
  id?: number;
  pageUrl: string;
  pageTitle?: string;
  platform: string;
  kind: 'article' | 'list';
  tabId?: number;
  capturedAt: number;
  items: CaptureEntry[];
  /**
   * The library articles most similar to the page's, ranked when it was captured: the popup
   * shows them at once, before the background (perhaps just woken) answers afresh.
   */
  similar?: { id: string; score: number; terms: string[] }[];
  /**
   * The library as the index held it when `similar` was ranked (lib/db/library-state.ts): while
   * the library is still in that state, `similar` is what the background would answer now.
   */
  similarAsOf?: LibraryState;
  /** New articles of the page not kept (in this tab) because its site was adding too many too fast (lib/capture/flood-guard). */
  dropped?: number;
  /** How long the content script took to read the page, in milliseconds. */
  extractMs?: number;
}

export interface CaptureEntry {
  articleId: string;
  /** new: first seen here; known: already in the library; merged: it enriched a known article. */
  status: 'new' | 'known' | 'merged';
  position?: number;
}

export interface Collection {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** Persisted search index snapshots and their tokenizer version (owned by lib/ranking). */
export interface IndexSnapshot {
  key: string;
  version: string;
  savedAt: number;
  /** The library's deletion count when it was saved (lib/db/article-count); absent in snapshots saved before it was kept. */
  deletionsAsOf?: number;
  data: unknown;
}

/**
 * An article's terms as its tokenizer version made them from its text (owned by lib/ranking,
 * stored-terms.ts): read by rebuilds and queries instead of tokenizing again.
 */
export interface StoredTermsRow {
  id: string;
  /** Tokenizer version. */
  version: string;
  /** Hash of the text they were made from. */
  source: string;
  title: string;
  keywords: string;
  /** Distinct abstract terms, in order of first occurrence; `counts` says how often each occurs. */
  abstract: string;
  counts: Uint16Array;
}

/**
 * A citation key given to an article by a BibTeX export (lib/db/citation-keys.ts), kept apart from
 * the article so that pinning the keys of a whole library writes a few bytes an article.
 */
export interface CitationKeyRow {
  /** The article's id. */
  id: string;
  key: string;
}

export const DB_NAME = 'simlit';

/**
 * Every schema version, oldest first. A version is never edited once released: add a new one
 * (with an upgrade function when data must move) and sample data for it in tests/lib/db.
 * The abstract is never indexed; identity lookups use DOI, ids, title key and fingerprint.
 */
/** Articles an upgrade reads at a time. */
const UPGRADE_CHUNK = 1000;

export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<unknown> }[] = [
  {
    version: 1,
    stores: {
      articles: 'id, DOI, *ids, titleKey, fingerprint, savedAt, *collections, *tags, capturedAt, updatedAt',
      captures: '++id, pageUrl, tabId, capturedAt',
      collections: 'id, name',
      settings: 'key',
      indexSnapshots: 'key',
    },
  },
  {
    // citationKey: looked up to keep every article's key unique in the library.
    // seenAt: when a page last showed the article; captured-but-unsaved articles are pruned by it
    // (lib/storage). Articles written before get the time of their latest sighting.
    version: 2,
    stores: {
      articles: 'id, DOI, *ids, titleKey, fingerprint, savedAt, *collections, *tags, capturedAt, updatedAt, citationKey, seenAt',
    },
    upgrade: (tx) =>
      tx
        .table<Article>('articles')
        .toCollection()
        .modify((article) => {
          article.seenAt = Math.max(article.capturedAt ?? 0, ...(article.sightings ?? []).map((sighting) => sighting.capturedAt ?? 0));
        }),
  },
  {
    // articleTerms: each article's terms, stored when it is captured, imported or edited, so that
    // rebuilding the similarity index never tokenizes it again (lib/ranking/stored-terms.ts).
    version: 3,
    stores: {
      articleTerms: 'id',
    },
  },
  {
    // listing: the library list's small rows, kept in step with articles by lib/db/listing's
    // middleware; the library page reads its first rows and counts from its indexes.
    version: 4,
    stores: { listing: LISTING_INDEXES },
    upgrade: async (tx) => {
      const rows: ListingRow[] = [];
      await tx.table<Article>('articles').each((article) => {
        rows.push(listingRow(article));
      });
      await tx.table<ListingRow>('listing').bulkPut(rows);
    },
  },
  {
    // counters: the number of articles, kept by lib/db/article-count's middleware in every write's
    // transaction, so that a page knows it without a count (a walk of the whole table in Chromium).
    version: 5,
    stores: { counters: COUNTERS_INDEXES },
    upgrade: async (tx) => {
      await tx.table<CounterRow>('counters').put({ key: ARTICLE_COUNT_KEY, value: await tx.table('articles').count() });
    },
  },
  {
    // The articles lose the indexes the listing has (savedAt, *collections, *tags, capturedAt):
    // every index costs every write (in Chromium, an import's writes took 7% longer with them),
    // and the library's counts and collection members are read from the listing.
    version: 6,
    stores: { articles: 'id, DOI, *ids, titleKey, fingerprint, updatedAt, citationKey, seenAt' },
  },
  {
    // How many articles have each filter value (tag, language, year, site), kept in counters by
    // the same middleware as the article count, so that the library page need not walk the
    // listing's indexes to offer them (lib/db/facet-counts.ts).
    version: 7,
    stores: {},
    upgrade: async (tx) => {
      await tx.table<CounterRow>('counters').bulkPut(facetCounterRows(await tx.table<ListingRow>('listing').toArray()));
    },
  },
  {
    // The listing rows say whether the reader wrote a note or edited a field, and the counters keep
    // how many articles are saved and how many were never touched (lib/db/facet-counts), so that the
    // options page need not read every article to say so. Only rows not saved, in no collection and
    // untagged are marked here: for the rest the mark decides nothing, and the next write of their
    // article sets it. Marking every row rewrote every imported article's row (imports record the
    // reader's fields): the first page after the update waited 30 s at 50,000.
    version: 8,
    stores: {},
    upgrade: async (tx) => {
      const listing = tx.table<ListingRow>('listing');
      const rows = await listing.toArray();
      const candidates = new Map(rows.filter(isUntouchedRow).map((row) => [row.id, row]));
      const marked: ListingRow[] = [];
      await forEachArticle(tx.table<Article, string>('articles'), [...candidates.keys()], UPGRADE_CHUNK, (article) => {
        if (!isEdited(article)) return;
        const row = candidates.get(article.id)!;
        row.edited = 1;
        marked.push(row);
      });
      await listing.bulkPut(marked);
      // Set whole: a counter no row counts towards any more (the untouched, once every one is marked) must not keep version 7's value.
      const counters = tx.table<CounterRow>('counters');
      await counters.where('key').startsWith(FACET_KEY_PREFIX).delete();
      await counters.bulkPut(facetCounterRows(rows));
    },
  },
  {
    // Indexes nothing reads any more are dropped, as every index costs every write: the articles'
    // seenAt (pruning walks the articles by id) and the listing's savedAt, tags, platform, language
    // and year (a view's count with one such filter comes from the counters, lib/db/listing-query).
    // In Firefox, whose storage work per write grows with each index's size, a chunk of 500 rows
    // with these indexes took 8–11% longer to write at 50,000 (docs/benchmark-log.md, 5 December).
    version: 9,
    stores: {
      articles: 'id, DOI, *ids, titleKey, fingerprint, updatedAt, citationKey',
      listing: 'id, capturedAt, [yearKey+capturedAt], *collections, incomplete',
    },
  },
  {
    // Articles nothing else identifies (no DOI, platform id, address, title key or abstract) take
    // their whole record as fingerprint, as those captured or imported since do (lib/model/
    // fingerprint), so that importing their file again finds them instead of adding them twice.
    // They are few (30 of 28,134 articles in a real Chinese library have no other key) and are
    // found through the title key's index: the upgrade reads no other article.
    version: 10,
    stores: {},
    upgrade: (tx) =>
      tx
        .table<Article>('articles')
        .where('titleKey')
        .equals('')
        .modify((article) => {
          const fingerprint = article.fingerprint || identityFingerprint(article);
          if (fingerprint === article.fingerprint) return false;
          article.fingerprint = fingerprint;
        }),
  },
  {
    // citationKeys: the keys BibTeX exports give, by article, looked up by key to keep them unique
    // (lib/db/citation-keys.ts). Given in the articles themselves, a first export of 50,000 articles
    // rewrote each whole article, its listing row and the counters: 40–65 s, most of the export.
    // Keys given that way before stay in the articles, as imported keys do.
    version: 11,
    stores: { citationKeys: 'id, key' },
  },
];

/**
 * The versions the database is declared with: each one with an upgrade, and the latest, each
 * holding the whole schema as of it. Dexie (since 3.0) upgrades a library of any version through
 * the declared upgrades above it, comparing the schema it finds with the declared one; and it
 * parses every version declared so far again at each declaration, which for all eight versions
 * took 6–10 ms at every start of the popup, the library page and the background.
 */
const DECLARED_VERSIONS = SCHEMA_VERSIONS.flatMap(({ version, upgrade }, i) => {
  if (!upgrade && i < SCHEMA_VERSIONS.length - 1) return [];
  const stores = Object.assign({}, ...SCHEMA_VERSIONS.slice(0, i + 1).map((past) => past.stores)) as Record<string, string>;
  return [{ version, stores, upgrade }];
});

export class SimlitDB extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  captures!: EntityTable<Capture, 'id'>;
  collections!: EntityTable<Collection, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  indexSnapshots!: EntityTable<IndexSnapshot, 'key'>;
  articleTerms!: EntityTable<StoredTermsRow, 'id'>;
  listing!: EntityTable<ListingRow, 'id'>;
  counters!: EntityTable<CounterRow, 'key'>;
  citationKeys!: EntityTable<CitationKeyRow, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores, upgrade } of DECLARED_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(listingMiddleware);
    this.use(articleCountMiddleware);
  }
}

let shared: SimlitDB | undefined;

/** The extension's one database connection (per JS context). */
export function openLibrary(): SimlitDB {
  shared ??= new SimlitDB();
  return shared;
}
