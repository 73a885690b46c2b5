import { IDENTITY_KEYS, identityValues, type Article } from '../model/article';
import type { SimlitDB } from './schema';

/**
 * How far back a catch-up looks before its last look: a writer dates its article (capture time,
 * or the time of a merge) shortly before its transaction commits, and that transaction may have
 * waited behind one of the import's chunks.
 */
export const CATCH_UP_MARGIN_MS = 30_000;

const NO_HOLDERS: readonly string[] = [];

/**
 * Article ids by identity value (DOI, ids, title key, abstract fingerprint). A value almost always
 * has one holder, kept as its id alone: a Set for each of a 50,000-article import's 150,000 or so
 * values made the import worker's heap so large that each of its collections stopped it, an open
 * transaction with it, for most of a second in Firefox (docs/benchmark-log.md, 4 December, late night).
 */
export class IdentityIndex {
  private readonly byValue = new Map<string, string | Set<string>>();

  private static slot(key: string, value: string): string {
    return `${key}\u0000${value}`;
  }

  /** Files the article's id under each of its identity values. */
  add(article: Article): void {
    for (const { key } of IDENTITY_KEYS) for (const value of identityValues(article, key)) this.note(key, value, article.id);
  }

  note(key: string, value: string, id: string): void {
    const at = IdentityIndex.slot(key, value);
    const ids = this.byValue.get(at);
    if (ids === undefined) this.byValue.set(at, id);
    else if (typeof ids === 'string') {
      if (ids !== id) this.byValue.set(at, new Set([ids, id]));
    } else ids.add(id);
  }

  /** The ids filed under this value (some may have lost it since: callers check). */
  holders(key: string, value: string): Iterable<string> {
    const ids = this.byValue.get(IdentityIndex.slot(key, value));
    return ids === undefined ? NO_HOLDERS : typeof ids === 'string' ? [ids] : ids;
  }

  /** The ids filed under any identity value of these articles. */
  sharing(articles: Article[]): string[] {
    const found = new Set<string>();
    for (const article of articles) {
      for (const { key } of IDENTITY_KEYS) for (const value of identityValues(article, key)) for (const id of this.holders(key, value)) found.add(id);
    }
    return [...found];
  }
}

/**
 * The library's identity values (DOI, ids, title key, fingerprint) and article ids, held in
 * memory for an import: read once when it starts, then caught up before each chunk with what
 * others wrote meanwhile (a capture, a save), found by `updatedAt`. Asking the database for each
 * of a chunk's identity values cost some 70 µs a value in Chromium, a quarter of a 50,000-article
 * import; with these, a chunk reads only the articles it may merge into.
 *
 * The import's own new articles are dated `importedAt` and left out of the catch-up (it knows
 * them); its merges are dated when made and read back like anyone's. An article another import
 * or a restore adds meanwhile, dated earlier than the import began, is not seen: the import may
 * then add a second copy of it (nothing is lost).
 */
export class LibraryIdentities {
  private readonly values = new IdentityIndex();
  private readonly ids = new Set<string>();
  /** The `updatedAt` of each article as last read, to read again only what changed. */
  private readonly versions = new Map<string, number>();
  private since = 0;

  private constructor(private readonly importedAt: number) {}

  /** Reads the library's identities; call inside a transaction on `articles`. */
  static async read(db: SimlitDB, importedAt: number): Promise<LibraryIdentities> {
    const identities = new LibraryIdentities(importedAt);
    identities.since = Date.now() - CATCH_UP_MARGIN_MS;
    const [ids, ...byKey] = await Promise.all([
      db.articles.toCollection().primaryKeys(),
      // An index's keys and its primary keys come in the same order: pairs of value and article.
      ...IDENTITY_KEYS.map(({ key }) => Promise.all([db.articles.orderBy(key).keys(), db.articles.orderBy(key).primaryKeys()])),
    ]);
    for (const id of ids) identities.ids.add(id);
    IDENTITY_KEYS.forEach(({ key }, k) => {
      const [values, owners] = byKey[k];
      if (values.length !== owners.length) throw new Error(`the ${key} index gave ${values.length} keys for ${owners.length} articles`);
      values.forEach((value, i) => identities.values.note(key, String(value), owners[i]));
    });
    return identities;
  }

  /** Reads what others wrote since the last look; call inside the chunk's transaction, before it looks anything up. */
  async catchUp(db: SimlitDB): Promise<void> {
    const lookedAt = Date.now();
    const updated = () => db.articles.where('updatedAt');
    // The import's own new articles carry exactly `importedAt`: the ranges step over it.
    const ranges =
      this.since <= this.importedAt
        ? [updated().between(this.since, this.importedAt, true, false), updated().above(this.importedAt)]
        : [updated().aboveOrEqual(this.since)];
    const changed: string[] = [];
    for (const range of ranges) {
      const [dates, ids] = await Promise.all([range.clone().keys(), range.primaryKeys()]);
      ids.forEach((id, i) => {
        if (this.versions.get(id) !== dates[i]) changed.push(id);
      });
    }
    if (changed.length) for (const article of await db.articles.bulkGet(changed)) if (article) this.add(article);
    this.since = lookedAt - CATCH_UP_MARGIN_MS;
  }

  /** Records an article written or read: its id, its identity values and its version. */
  add(article: Article): void {
    this.ids.add(article.id);
    this.versions.set(article.id, article.updatedAt);
    this.values.add(article);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** The ids of the articles sharing an identity value with any of these. */
  sharing(articles: Article[]): string[] {
    return this.values.sharing(articles);
  }
}
