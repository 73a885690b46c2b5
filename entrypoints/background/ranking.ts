import type { Article } from '@/lib/model/article';
import type { RankingReply } from '@/lib/messages';
import type { SimlitDB } from '@/lib/db/schema';
import { indexVersion, SimilarityIndex } from '@/lib/ranking/similarity-index';

const SNAPSHOT_KEY = 'similarity';
const PAGE_SIZE = 1000;
const SAVE_DELAY_MS = 5_000;

/**
 * The similarity index, kept warm in the background: loaded from its snapshot when the service
 * worker starts (or built page by page when there is none, or when the tokenizer changed), then
 * updated article by article as captures and library edits arrive, and saved a little after the
 * last change. Questions asked while it is being built get the build's progress instead.
 */
export class RankingService {
  private index: SimilarityIndex | undefined;
  private loading: Promise<void> | undefined;
  private progress = { done: 0, total: 0 };
  /** Changes that arrive while loading are applied after it. */
  private pending = new Set<string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly db: SimlitDB) {}

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
    const articles = (await this.db.articles.bulkGet(articleIds)).filter((article) => article !== undefined);
    return { ok: true, results: index.similarTo(articles, { limit }) };
  }

  async search(text: string, limit: number): Promise<RankingReply> {
    const index = await this.ready();
    if (!index) return { ok: true, indexing: { ...this.progress } };
    return { ok: true, results: index.search(text, { limit }) };
  }

  /** Articles written by a capture: indexed at once. */
  written(articles: Article[]): void {
    if (!this.index) {
      for (const article of articles) this.pending.add(article.id);
      return;
    }
    for (const article of articles) this.index.add(article);
    this.scheduleSave();
  }

  /** Articles changed or deleted elsewhere (library page, import, restore): re-read from the library. */
  async changed(articleIds: string[]): Promise<void> {
    if (!this.index) {
      for (const id of articleIds) this.pending.add(id);
      return;
    }
    await this.refresh(this.index, articleIds);
    this.scheduleSave();
  }

  /** The index when it is ready; undefined (and loading started) while it is not. */
  private async ready(): Promise<SimilarityIndex | undefined> {
    if (this.index) return this.index;
    this.warm();
    // A snapshot loads in well under a second: wait for it rather than answer "indexing".
    await Promise.race([this.loading, new Promise((resolve) => setTimeout(resolve, 1500))]);
    return this.index;
  }

  private async refresh(index: SimilarityIndex, ids: Iterable<string>): Promise<void> {
    const list = [...ids];
    const articles = await this.db.articles.bulkGet(list);
    list.forEach((id, i) => {
      const article = articles[i];
      if (article) index.add(article);
      else index.remove(id);
    });
  }

  private async load(): Promise<void> {
    const snapshot = await this.db.indexSnapshots.get(SNAPSHOT_KEY);
    let index = SimilarityIndex.fromSnapshot(snapshot?.data as never);
    if (index && snapshot) {
      // Catch up with what was written after the snapshot (the worker may have stopped before saving).
      const newer = await this.db.articles.where('updatedAt').above(snapshot.savedAt).primaryKeys();
      await this.refresh(index, newer);
      if (index.size !== (await this.db.articles.count())) index = undefined; // deletions it missed: rebuild
    }
    index ??= await this.build();
    await this.refresh(index, this.pending);
    this.pending.clear();
    this.index = index;
    if (!snapshot || snapshot.version !== indexVersion()) this.scheduleSave(0);
  }

  /** Builds from the library page by page, yielding between pages, reporting progress. */
  private async build(): Promise<SimilarityIndex> {
    const index = SimilarityIndex.create();
    this.progress = { done: 0, total: await this.db.articles.count() };
    let last: string | undefined;
    for (;;) {
      const page: Article[] = await (last === undefined ? this.db.articles.orderBy(':id') : this.db.articles.where(':id').above(last))
        .limit(PAGE_SIZE)
        .toArray();
      if (page.length === 0) break;
      index.addAll(page);
      last = page[page.length - 1].id;
      this.progress = { done: this.progress.done + page.length, total: Math.max(this.progress.total, this.progress.done + page.length) };
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return index;
  }

  private scheduleSave(delay = SAVE_DELAY_MS): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, delay);
  }

  private async save(): Promise<void> {
    if (!this.index) return;
    const savedAt = Date.now();
    const data = this.index.toSnapshot();
    try {
      await this.db.indexSnapshots.put({ key: SNAPSHOT_KEY, version: data.version, savedAt, data });
    } catch (error) {
      // A full disk loses only the snapshot: the next start rebuilds it from the library.
      console.warn('simlit: the similarity index could not be saved', error instanceof Error ? error.name : '');
    }
  }
}
