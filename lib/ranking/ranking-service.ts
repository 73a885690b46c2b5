import type { Article } from '../model/article';
import { POPUP_SIMILAR_COUNT, type RankingReply } from '../messages';
import type { SimlitDB } from '../db/schema';
import { sameLibraryState, type LibraryState } from '../db/library-state';
import { latestCaptureRow, type OpenTab } from '../db/latest-capture';
import { keepingAlive } from '../keep-alive';
import { nextTask, WorkSlices } from './work-slices';
import { buildIndex, loadOrBuildIndex, SAVE_AFTER_CHANGES, saveIndex, UnsavedChanges } from './persist';
import { SimilarityIndex, type SimilarArticle } from './similarity-index';
import { forgetTerms, storeTerms, withStoredTerms } from './stored-terms';

/**
 * Articles re-read per step when many changed at once (an import sends all it wrote; more than the
 * index holds are read by a build beside it instead, REBUILD_AFTER_CHANGES): each step's reads and
 * writes are small, so the library page's own requests to the database are answered between them
 * instead of after all the articles are read, and few are in memory at once.
 */
export const REFRESH_BATCH = 200;

export interface RankingServiceOptions {
  /** A cheap extension API call that keeps the service worker alive through a long build. */
  keepAlive: () => Promise<unknown>;
  /** How long after enough changes the snapshot is rewritten. */
  saveDelayMs?: number;
  /** How long a question waits for the index to load before it is answered with the progress. */
  waitForLoadMs?: number;
  /** Changed articles that make a new snapshot worth writing (see SAVE_AFTER_CHANGES). */
  saveAfterChanges?: number;
  /** Terms warmed per task (SimilarityIndex.warmUp): a question waits at most for one such slice. */
  warmUpSlice?: number;
  /** The tabs open now, most recently used first: their pages' kept answers are ranked again when the library changes. */
  openTabs?: () => Promise<OpenTab[]>;
  /** How long after a change that happens: changes meanwhile are taken in the same round. */
  keptAnswersDelayMs?: number;
  /** Changed articles queued at once, at least, that are read by a build beside the index when it holds fewer (see REBUILD_AFTER_CHANGES). */
  rebuildAfterChanges?: number;
  /** The clock a build's progress is timed by, to tell whether it will end within a question's wait. */
  now?: () => number;
}

/**
 * Changed articles that, queued at once and more than the index holds (an import into a small
 * library), are read by a build of the whole library beside the index rather than re-read batch
 * by batch and added one by one: after an import of 50,000 articles into an empty library the
 * index held them all 53 s after the import's end read batch by batch, 33 s built beside
 * (Chromium, tests/bench/library-page.ts).
 */
const REBUILD_AFTER_CHANGES = 2_000;

/** A few milliseconds of work at 50,000 articles (tests/bench/ranking.ts measures the longest): a question asked meanwhile waits no longer. */
const WARM_UP_SLICE = 100;

/**
 * Open tabs whose kept answers a round ranks again, at most: each costs a ranking (about 1 ms at
 * 50,000 articles once warm) and a write of its capture.
 */
const KEPT_ANSWER_TABS = 50;

/**
 * The similarity index, kept warm in the background: loaded (and caught up) from its snapshot
 * when the service worker starts, or built when there is none; then updated article by article
 * as captures and library edits arrive, and saved again once many articles changed. Questions
 * asked while it is being built get the build's progress instead.
 */
export class RankingService {
  private index: SimilarityIndex | undefined;
  private loading: Promise<void> | undefined;
  private progress = { done: 0, total: 0 };
  /** Resolves once the load turned out to be a build that takes longer than a question waits: questions then hear the progress at once. */
  private buildingLong: Promise<void> = new Promise(() => undefined);
  /** Changes that arrive while loading are applied after it. */
  private pending = new Set<string>();
  /** Changed articles waiting to be re-read, and the chain of refreshes reading them. */
  private readonly queued = new Set<string>();
  private refreshing: Promise<void> = Promise.resolve();
  /** Batches being re-read now: the index is behind the library until they are in. */
  private refreshingNow = 0;
  /**
   * The newest `updatedAt` among the articles the index has read (at least: a load counts the
   * library's newest when it began). With the index's size it says which library state the
   * index holds; a change it has not read yet is newer, a deletion changes the size.
   */
  private newestSeen = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Terms of captured articles being stored: a question about them reads them once stored. */
  private storing: Promise<void> = Promise.resolve();
  private readonly unsaved: UnsavedChanges;
  /** The index being warmed, slice by slice (warmIndex). */
  private warming: SimilarityIndex | undefined;
  /** Questions being ranked (they read the library between steps): warm-up waits for them. */
  private asking = 0;
  /** The warm-up's next slice, while it waits for the questions being ranked. */
  private parkedSlice: (() => void) | undefined;
  private keptAnswersTimer: ReturnType<typeof setTimeout> | undefined;
  private keptAnswersRound: Promise<void> = Promise.resolve();
  /** While a build beside the index runs (buildBeside): the articles captured meanwhile, read again by the new index. */
  private capturedDuringBuild: Set<string> | undefined;
  /** A build beside the index failed once: changes are re-read batch by batch from then on. */
  private buildBesideFailed = false;
  /** A save came due while changes were still being read: it is made once they are. */
  private saveWhenCaughtUp = false;
  private readonly options: Required<RankingServiceOptions>;

  constructor(
    private readonly db: SimlitDB,
    options: RankingServiceOptions,
  ) {
    // A snapshot loads in well under a second: questions wait that long rather than hear "indexing".
    this.options = {
      saveDelayMs: 5_000,
      waitForLoadMs: 1_500,
      saveAfterChanges: SAVE_AFTER_CHANGES,
      warmUpSlice: WARM_UP_SLICE,
      openTabs: async () => [],
      keptAnswersDelayMs: 250,
      rebuildAfterChanges: REBUILD_AFTER_CHANGES,
      now: () => performance.now(),
      ...options,
    };
    this.unsaved = new UnsavedChanges(this.options.saveAfterChanges);
  }

  /** Starts loading without waiting for it (service worker start). */
  warm(): void {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      console.warn('simlit: the similarity index could not be loaded', error instanceof Error ? error.name : '');
    });
  }

  async similar(articleIds: string[], limit: number): Promise<RankingReply> {
    const index = await this.ready();
    if (!index) return { ok: true, indexing: { ...this.progress } };
    return { ok: true, results: (await this.rank(index, articleIds, limit)).results, librarySize: index.size };
  }

  async search(text: string, limit: number): Promise<RankingReply> {
    const index = await this.ready();
    if (!index) return { ok: true, indexing: { ...this.progress } };
    return { ok: true, results: index.search(text, { limit }) };
  }

  /**
   * Ranks a captured page's articles once the index is ready, and keeps the answer with the
   * capture, so that the popup can show it without waiting for a cold index to load. A capture
   * that started with an answer still current (`keptAsOf`: the page captured again unchanged)
   * keeps it, as the answers of open tabs do.
   */
  async rememberSimilar(captureId: number, articleIds: string[], keptAsOf?: LibraryState): Promise<void> {
    if (articleIds.length === 0) return;
    this.warm();
    await this.loading;
    const index = this.index;
    if (index && !sameLibraryState(keptAsOf, this.heldState(index))) await this.keep(index, captureId, articleIds);
  }

  /** The answer the popup asks for (as many articles), kept with the capture. */
  private async keep(index: SimilarityIndex, captureId: number, articleIds: string[]): Promise<void> {
    const { results, asOf } = await this.rank(index, articleIds, POPUP_SIMILAR_COUNT);
    await this.db.captures.update(captureId, { similar: results, similarAsOf: asOf });
  }

  /**
   * Once changes have reached the index (and a little later, so that a burst of them is taken
   * once): the answers kept with the pages open in tabs are ranked again where they no longer
   * hold the library, so that opening the popup on a page read earlier (a reader opens search
   * results in tabs, each captured after the one before) shows a current answer at once instead
   * of waiting for the background to wake and load the index.
   */
  private keepOpenTabsCurrent(): void {
    if (this.keptAnswersTimer) clearTimeout(this.keptAnswersTimer);
    this.keptAnswersTimer = setTimeout(() => {
      this.keptAnswersTimer = undefined;
      this.keptAnswersRound = this.keptAnswersRound
        .then(() => this.rankOpenTabsAgain())
        .catch((error: unknown) => console.warn('simlit: could not update the answers kept for open tabs', error instanceof Error ? error.name : ''));
    }, this.options.keptAnswersDelayMs);
  }

  private async rankOpenTabsAgain(): Promise<void> {
    const index = this.index;
    if (!index) return;
    const tabs = (await this.options.openTabs()).slice(0, KEPT_ANSWER_TABS);
    const captures = await Promise.all(tabs.map((tab) => latestCaptureRow(this.db, tab)));
    const done = new Set<number>();
    for (const capture of captures) {
      if (capture?.id === undefined || done.has(capture.id) || capture.items.length === 0) continue;
      done.add(capture.id);
      const held = this.heldState(index);
      // Changes still on their way: the round they end with comes after them.
      if (this.index !== index || !held) return;
      if (sameLibraryState(capture.similarAsOf, held)) continue;
      await this.keep(index, capture.id, capture.items.map((item) => item.articleId));
      // A question asked meanwhile goes first.
      await nextTask();
    }
  }

  /**
   * When a snapshot saved now holds the library up to: just after the newest write the index has
   * read, not the clock. A write made before the save whose notice has not reached the background
   * (a page's edit on its way, an import whose page was closed before telling) is then newer, unless
   * the index read a later write meanwhile, and is read at the next start; stamped with the clock,
   * it was older than the snapshot and never read.
   */
  private savedAsOf(): number {
    return Math.min(Date.now(), this.newestSeen + 1);
  }

  /** The library state the index holds, when it has read every change it was told of. */
  private heldState(index: SimilarityIndex): LibraryState | undefined {
    // An index replaced meanwhile (buildBeside) no longer follows the library.
    const caughtUp = index === this.index && this.pending.size === 0 && this.queued.size === 0 && this.refreshingNow === 0;
    return caughtUp ? { newest: this.newestSeen, size: index.size } : undefined;
  }

  /**
   * The library articles most similar to these ones (taken together); deleted ones are left out.
   * With them, the library state the index held (when it had every change read): taken in the
   * same turn as the ranking, so that no change comes between.
   */
  private async rank(index: SimilarityIndex, articleIds: string[], limit: number): Promise<{ results: SimilarArticle[]; asOf?: LibraryState }> {
    this.asking++;
    try {
      await this.storing;
      const articles = (await this.db.articles.bulkGet(articleIds)).filter((article) => article !== undefined);
      // The query articles' stored terms: not tokenized again (a Chinese abstract costs ~3 ms).
      const queries = await withStoredTerms(this.db, articles, index.options.tokenizer);
      const results = index.similarTo(queries, { limit });
      return { results, asOf: this.heldState(index) };
    } finally {
      if (--this.asking === 0 && this.parkedSlice) {
        setTimeout(this.parkedSlice, 0);
        this.parkedSlice = undefined;
      }
    }
  }

  private sawWrites(articles: readonly Article[]): void {
    for (const article of articles) this.sawNewest(article.updatedAt);
  }

  /** Notes an `updatedAt` the index has read up to (undefined: a library read empty). */
  private sawNewest(updatedAt: unknown): void {
    if (typeof updatedAt === 'number' && updatedAt > this.newestSeen) this.newestSeen = updatedAt;
  }

  /** Articles written by a capture: indexed at once, their terms stored for rebuilds and questions. */
  written(articles: Article[]): void {
    // A page captured again unchanged wrote nothing: nothing to index, no kept answer to rank again.
    if (articles.length === 0) return;
    if (!this.index) {
      for (const article of articles) this.pending.add(article.id);
      return;
    }
    const terms = this.index.addAll(articles);
    if (this.capturedDuringBuild) for (const article of articles) this.capturedDuringBuild.add(article.id);
    this.sawWrites(articles);
    const tokenizer = this.index.options.tokenizer;
    const stored = storeTerms(this.db, articles.map((article, i) => ({ article, terms: terms[i] })), tokenizer);
    this.storing = Promise.all([this.storing, stored]).then(() => undefined);
    this.noteChanges(articles.length);
    this.warmIndex(this.index);
    this.keepOpenTabsCurrent();
  }

  /**
   * Articles changed or deleted elsewhere (library page, import, restore): re-read from the
   * library, in turn with earlier changes and REFRESH_BATCH at a time. Resolves once they are.
   */
  async changed(articleIds: string[]): Promise<void> {
    const index = this.index;
    if (!index) {
      for (const id of articleIds) this.pending.add(id);
      return;
    }
    for (const id of articleIds) this.queued.add(id);
    // The index of the moment: a build beside it may have replaced it by then.
    const run = this.refreshing.then(() => this.refreshQueued(this.index ?? index));
    this.refreshing = run.catch(() => undefined);
    await run;
  }

  /** Whatever is queued, batch by batch, or by a build beside the index when more is queued than it holds. */
  private async refreshQueued(index: SimilarityIndex): Promise<void> {
    for (;;) {
      if (this.worthBuildingBeside(index)) {
        index = await this.buildBeside(index);
        continue;
      }
      if (this.queued.size === 0) break;
      const batch: string[] = [];
      for (const id of this.queued) {
        if (batch.length === REFRESH_BATCH) break;
        batch.push(id);
      }
      for (const id of batch) this.queued.delete(id);
      this.refreshingNow++;
      try {
        await this.refresh(index, batch);
      } finally {
        this.refreshingNow--;
      }
      this.noteChanges(batch.length);
    }
    this.warmIndex(index);
    this.keepOpenTabsCurrent();
    if (this.saveWhenCaughtUp) {
      this.saveWhenCaughtUp = false;
      this.scheduleSave(0);
    }
  }

  /**
   * Whether to build the whole library beside the index: more is queued than it holds, or its
   * snapshot was found damaged. Not while loading (the load drains what arrived meanwhile into the
   * index it then sets), nor once such a build failed.
   */
  private worthBuildingBeside(index: SimilarityIndex): boolean {
    if (index !== this.index || this.buildBesideFailed) return false;
    return index.damaged || this.queued.size > Math.max(index.size, this.options.rebuildAfterChanges);
  }

  /**
   * Builds the whole library beside the index, which goes on answering, and puts the build in its
   * place. The build reads what is queued; what is captured or changed while it runs is read again
   * by the new index afterwards. A build that fails leaves the index and the queue as they were.
   */
  private async buildBeside(old: SimilarityIndex): Promise<SimilarityIndex> {
    if (old.damaged) console.warn('simlit: the saved similarity index is damaged; building it again from the library');
    const queued = [...this.queued];
    this.queued.clear();
    this.capturedDuringBuild = new Set();
    this.refreshingNow++;
    try {
      const newest = await this.db.articles.orderBy('updatedAt').lastKey();
      const fresh = await buildIndex(this.db, { options: old.options, onProgress: keepingAlive(this.options.keepAlive, () => undefined), save: () => undefined });
      for (const id of this.capturedDuringBuild) this.queued.add(id);
      this.sawNewest(newest);
      this.index = fresh;
      // Saved once what was captured or changed during the build is read too.
      this.saveWhenCaughtUp = true;
      this.warmIndex(fresh);
      // Queued ids the build did not find were deleted: their stored terms go too (else left until a rebuild).
      await forgetTerms(this.db, queued.filter((id) => !fresh.has(id))).catch(() => undefined);
      return fresh;
    } catch (error) {
      console.warn('simlit: the similarity index could not be built again; changes are read batch by batch', error instanceof Error ? error.name : '');
      this.buildBesideFailed = true;
      for (const id of queued) this.queued.add(id);
      return old;
    } finally {
      this.capturedDuringBuild = undefined;
      this.refreshingNow--;
    }
  }

  private async ready(): Promise<SimilarityIndex | undefined> {
    if (this.index) return this.index;
    this.warm();
    // A snapshot is waited for; a build of the whole library that will take longer (tens of seconds at 50,000 articles) is not.
    await Promise.race([this.loading, this.buildingLong, new Promise((resolve) => setTimeout(resolve, this.options.waitForLoadMs))]);
    return this.index;
  }

  /** Re-reads articles: changed ones are tokenized (once) and re-indexed, in slices that yield; deleted ones leave. */
  private async refresh(index: SimilarityIndex, ids: Iterable<string>): Promise<void> {
    const list = [...ids];
    const found = await this.db.articles.bulkGet(list);
    const deleted = list.filter((_, i) => !found[i]);
    const articles = await withStoredTerms(this.db, found.filter((article) => article !== undefined), index.options.tokenizer);
    this.sawWrites(articles);
    const slices = new WorkSlices();
    for (const article of articles) {
      if (slices.spent) await slices.next();
      index.add(article);
    }
    for (const id of deleted) index.remove(id);
    await forgetTerms(this.db, deleted);
  }

  private async load(): Promise<void> {
    const started = this.options.now();
    let longBuild!: () => void;
    this.buildingLong = new Promise((resolve) => (longBuild = resolve));
    const onProgress = keepingAlive(this.options.keepAlive, (done: number, total: number) => {
      this.progress = { done, total };
      const remainingMs = done > 0 ? ((this.options.now() - started) / done) * (total - done) : 0;
      if (remainingMs > this.options.waitForLoadMs) longBuild();
    });
    let worthSaving = false;
    // Asked before the index is read (beside its snapshot, not before it): whatever is written
    // later reaches the index as a change (pending below).
    const newestRead = this.db.articles.orderBy('updatedAt').lastKey();
    newestRead.catch(() => undefined); // awaited below, unless the load fails first
    const index = await loadOrBuildIndex(this.db, {
      onProgress,
      save: () => void (worthSaving = true),
      saveAfterChanges: this.options.saveAfterChanges,
    });
    this.sawNewest(await newestRead);
    // Changes that arrive meanwhile wait in `pending` too, until the index is set.
    while (this.pending.size) {
      for (const id of this.pending) this.queued.add(id);
      this.pending.clear();
      await this.refreshQueued(index);
    }
    this.index = index;
    this.warmIndex(index);
    // The library may have changed while no worker ran (or one stopped before its round).
    this.keepOpenTabsCurrent();
    // A rebuilt or much caught-up index is saved at once, though after the answers waiting for
    // it: a worker stopped before a delayed save would rebuild or catch up all over again.
    if (worthSaving) this.scheduleSave(0);
  }

  /**
   * Does what a load leaves for later (checking the snapshot's bytes, looking up idf, putting
   * re-ranking terms in a Map: SimilarityIndex.warmUp), a slice per task, so that a question is never behind more
   * than one slice; while questions are being ranked (between their reads of the library) no
   * slice runs. Stops when done or when the index is no longer the service's; a change to the
   * library gives it more to do, and calls it again.
   */
  private warmIndex(index: SimilarityIndex): void {
    if (this.warming === index) return;
    this.warming = index;
    const slice = () => {
      if (this.index === index && this.asking > 0) {
        this.parkedSlice = slice;
        return;
      }
      if (this.index !== index || index.warmUp(this.options.warmUpSlice)) {
        if (this.warming === index) this.warming = undefined;
        // A loaded snapshot found damaged (the warm-up checks it): nothing queued, the damage is what makes refreshQueued build beside it.
        if (this.index === index && index.damaged) this.changed([]).catch(() => undefined);
        return;
      }
      setTimeout(slice, 0);
    };
    setTimeout(slice, 0);
  }

  /** Few changes are caught up with at the next start; many are worth a new snapshot. */
  private noteChanges(count: number): void {
    if (this.unsaved.add(count)) this.scheduleSave();
  }

  private scheduleSave(delay = this.options.saveDelayMs): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      // A damaged index is being built again, and that build is saved.
      if (!this.index || this.index.damaged) return;
      // Not while changes are still being read (a build beside the index among them): the snapshot
      // would be stamped newer than the versions it holds, and the next start would not read them.
      if (!this.heldState(this.index)) {
        this.saveWhenCaughtUp = true;
        return;
      }
      this.unsaved.saved();
      saveIndex(this.db, this.index, this.savedAsOf()).then(
        // Changed while its snapshot was taken: saved again later.
        (saved) => saved || this.scheduleSave(),
        (error: unknown) => {
          // A full disk loses only the snapshot: the next start catches up from the library.
          console.warn('simlit: the similarity index could not be saved', error instanceof Error ? error.name : '');
        },
      );
    }, delay);
  }
}
