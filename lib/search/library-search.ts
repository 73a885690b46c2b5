/**
 * The library page's search: a FullTextIndex kept in step with the database. Nothing is read
 * when the page opens; the first search (or `prepare`, when the reader focuses the search box)
 * reads the library page by page into the index, and later searches first catch up with what
 * changed since, by comparing each article's updatedAt with the one indexed. It runs in a worker
 * in the extension (entrypoints/library/search-worker.ts) and in the page in component tests.
 */
import { keptArticleCount } from '../db/article-count';
import { forEachArticle } from '../db/articles-by-chunk';
import { pagesById } from '../db/pages-by-id';
import type { SimlitDB } from '../db/schema';
import { FullTextIndex, type SearchHit } from './full-text-index';
import { parseQuery } from './query';
import { searchFields, type SearchableArticle } from './search-document';

export type { SearchHit } from './full-text-index';

export interface SearchAnswer {
  /** Every article matching all terms, best first. */
  hits: SearchHit[];
}

export interface SearchProgress {
  done: number;
  total: number;
}

/** Each article's id and updatedAt, side by side, as the library list's rows have them. */
export interface ArticleVersions {
  ids: string[];
  stamps: number[];
}

/** What the library page asks of its search, in the page or in a worker. */
export interface LibrarySearcher {
  search(text: string, onProgress?: (progress: SearchProgress) => void): Promise<SearchAnswer>;
  /** Builds the index ahead of the first search. */
  prepare(): void;
  /**
   * The library changed: the next search catches up first. With ids, those articles are read
   * again whatever their updatedAt says (an edit within the millisecond of the last search).
   * With versions (the library list's, which the page reads anyway), the catch-up compares the
   * index with them instead of reading the library's updatedAt index whole: its two reads of
   * 50,000 keys held the database for everyone some 1.7 s in Chromium. They are made only when a
   * catch-up needs them: at 50,000 rows making them costs the page 7-14 ms, sending them to the
   * worker 11-22 ms, and the list changes with every capture while nobody searches.
   */
  changed(ids?: string[], versions?: () => ArticleVersions): void;
}

/**
 * Articles read per step while building: large enough that IndexedDB's per-request cost stays
 * small beside the reading itself, small enough to report progress often (25 steps at 50,000).
 */
const PAGE = 2000;

export class LibrarySearch implements LibrarySearcher {
  private readonly index = new FullTextIndex();
  private built = false;
  private stale = true;
  private readonly reread = new Set<string>();
  /** The latest versions the page gave; without them a catch-up reads them from the database. */
  private versions: (() => ArticleVersions) | undefined;
  /** Every search and build in turn: a catch-up never runs beside another. */
  private queue: Promise<unknown> = Promise.resolve();
  private progressListeners = new Set<(progress: SearchProgress) => void>();

  constructor(
    private readonly db: SimlitDB,
    private readonly pageSize = PAGE,
  ) {}

  search(text: string, onProgress?: (progress: SearchProgress) => void): Promise<SearchAnswer> {
    return this.inTurn(async () => {
      if (onProgress) this.progressListeners.add(onProgress);
      try {
        await this.catchUp();
      } finally {
        if (onProgress) this.progressListeners.delete(onProgress);
      }
      return { hits: this.index.search(parseQuery(text)) };
    });
  }

  prepare(): void {
    void this.inTurn(() => this.catchUp()).catch(() => undefined);
  }

  changed(ids: string[] = [], versions?: () => ArticleVersions): void {
    this.stale = true;
    for (const id of ids) this.reread.add(id);
    if (versions) this.versions = versions;
  }

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private report(done: number, total: number): void {
    for (const listener of this.progressListeners) listener({ done, total });
  }

  private add(article: SearchableArticle): void {
    this.index.add(article.id, searchFields(article), article.updatedAt);
  }

  private async catchUp(): Promise<void> {
    if (!this.built) await this.build();
    if (!this.stale) return;
    this.stale = false;
    const reread = new Set(this.reread);
    this.reread.clear();
    // Versions a little behind the library (the page's list not yet read again) cost reads of
    // articles that changed since, not a wrong index: the newer list comes with the next change.
    const { ids, stamps } = this.versions?.() ?? (await this.readVersions());
    const present = new Set(ids);
    for (const id of [...this.index.allIds()]) if (!present.has(id)) this.index.remove(id);
    const changed = ids.filter((id, i) => reread.has(id) || this.index.version(id) !== stamps[i]);
    await forEachArticle(this.db.articles, changed, this.pageSize, (article) => this.add(article));
  }

  /** Every article's id and updatedAt, from the updatedAt index. */
  private async readVersions(): Promise<ArticleVersions> {
    const { articles } = this.db;
    const [stamps, ids] = await this.db.transaction('r', articles, () => Promise.all([articles.orderBy('updatedAt').keys(), articles.orderBy('updatedAt').primaryKeys()]));
    return { ids, stamps: stamps as number[] };
  }

  /** Reads the whole library into the index, page by page in id order; changes meanwhile are caught up after. */
  private async build(): Promise<void> {
    const { articles } = this.db;
    // The count kept with the writes: counting walks the whole table in Chromium (140-250 ms at 50,000).
    const total = await keptArticleCount(this.db);
    this.report(0, total);
    let done = 0;
    for await (const page of pagesById(articles, this.pageSize)) {
      for (const article of page) this.add(article);
      done += page.length;
      this.report(Math.min(done, total), Math.max(done, total));
    }
    this.built = true;
    this.stale = true;
  }
}
