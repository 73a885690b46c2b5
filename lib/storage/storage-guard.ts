import type { StorageCap } from '../db/settings';
import type { Article } from '../model/article';
import { articleBytes } from '../db/listing';
import { capBytes, type PruneOutcome, type UnsavedTally } from './prune';

export interface StorageGuardDeps {
  readCap(): Promise<StorageCap>;
  /** Measures the unsaved articles and prunes them to the cap (pruneUnsaved). */
  prune(cap: StorageCap): Promise<PruneOutcome>;
  /** Told of every pruning that removed articles (the ranking index drops them). */
  onPruned?(outcome: PruneOutcome): void;
}

/**
 * Keeps the captured-but-unsaved articles within the cap as captures add to them, without
 * measuring the whole library on every capture: after one measurement it counts what captures
 * add, and measures (and prunes) again only when that count passes the cap, or when the library
 * was changed elsewhere (an import, a restore, deletions). One pruning runs at a time.
 */
export class StorageGuard {
  private tally: UnsavedTally | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: StorageGuardDeps) {}

  /** A capture added these new articles. Resolves once any pruning it started is done. */
  async added(articles: readonly Article[]): Promise<void> {
    if (!articles.length) return;
    if (this.tally) {
      this.tally = { articles: this.tally.articles + articles.length, bytes: this.tally.bytes + articles.reduce((total, a) => total + articleBytes(a), 0) };
    }
    const cap = await this.deps.readCap();
    if (this.tally && this.tally.articles <= cap.articles && this.tally.bytes <= capBytes(cap)) return;
    await this.measure();
  }

  /** The library changed outside a capture: measure again on the next capture. */
  invalidate(): void {
    this.tally = undefined;
  }

  /** Measures and prunes now (also what the options page's cap change asks for). */
  measure(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const outcome = await this.deps.prune(await this.deps.readCap());
        this.tally = outcome.tally;
        if (outcome.removedIds.length) this.deps.onPruned?.(outcome);
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
