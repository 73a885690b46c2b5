import type { CslItem } from '../model/article';
import { nextTask, WorkSlices } from '../ranking/work-slices';
import type { Rejection } from './csl-json';

/** One entry of a file, parsed: the CSL item it makes, or why it makes none. */
export type EntryResult = { item: CslItem } | { rejection: Rejection };

/** How long one slice of parsing ahead may hold the thread, in ms: whatever else is due waits at most that. */
const AHEAD_SLICE_MS = 4;

/**
 * A file's entries, parsed as they are taken, or ahead of that in short slices while the thread
 * would otherwise wait (parseAhead): an import's worker waits for each chunk's transaction to
 * commit, and parsing the next entries meanwhile costs the import nothing. Parsing a 50,000-entry
 * BibTeX file first, then writing, made the import longer by the whole parse (6.5 s in node); as
 * it is written, the next chunk parsed while the last commits, it took 53.0 s in Firefox where it
 * took 56.7 (medians of eight and five runs; docs/benchmark-log.md, 5 December, evening).
 */
export class EntryQueue {
  /** Entries that make no item, in file order, as far as parsed. */
  readonly rejected: Rejection[] = [];
  private readonly parsed: CslItem[] = [];
  private next = 0;
  private aheadLimit = 0;
  private slicing = false;

  /** The queue of `entries`, each parsed by `parseEntry` and let go once parsed (a large file is not held twice over). */
  static of<T>(entries: (T | undefined)[], parseEntry: (entry: T, index: number) => EntryResult): EntryQueue {
    return new EntryQueue(entries.length, (index) => {
      const entry = entries[index] as T;
      entries[index] = undefined;
      return parseEntry(entry, index);
    });
  }

  private constructor(
    /** Entries the file holds: the items to come, those taken and those rejected. */
    readonly total: number,
    private readonly parseAt: (index: number) => EntryResult,
  ) {}

  /** Whether every entry is parsed and taken. */
  get drained(): boolean {
    return this.next >= this.total && this.parsed.length === 0;
  }

  /** The next `count` items (fewer at the end), taken out: those not parsed ahead are parsed now. Parsing ahead stops here. */
  take(count: number): CslItem[] {
    this.aheadLimit = 0;
    while (this.parsed.length < count && this.parseOne());
    return this.parsed.splice(0, count);
  }

  /**
   * Until the next take, parses the next entries in slices of a few milliseconds, each a task of
   * its own between the thread's other tasks, keeping at most `limit` items parsed and not yet
   * taken. An import calls it once a chunk's writes are made, while their transaction commits:
   * slices among a transaction's own steps delay them (called before each chunk instead, a write
   * beside a 50k import waited about 50 ms longer in Chromium, and Firefox gained a sixth as much).
   */
  parseAhead(limit: number): void {
    this.aheadLimit = limit;
    this.slice();
  }

  private parseOne(): boolean {
    if (this.next >= this.total) return false;
    const result = this.parseAt(this.next++);
    if ('item' in result) this.parsed.push(result.item);
    else this.rejected.push(result.rejection);
    return true;
  }

  private wantsMore(): boolean {
    return this.parsed.length < this.aheadLimit && this.next < this.total;
  }

  /**
   * Parses ahead in slices unless it does already or nothing is wanted: each slice a task of its
   * own (nextTask, lib/ranking/work-slices), its first behind the caller's.
   */
  private slice(): void {
    if (this.slicing || !this.wantsMore()) return;
    this.slicing = true;
    void (async () => {
      const slices = new WorkSlices(AHEAD_SLICE_MS, undefined, nextTask);
      await slices.next();
      while (this.wantsMore()) {
        this.parseOne();
        if (slices.spent) await slices.next();
      }
      this.slicing = false;
    })();
  }
}
