import type { Article } from '../model/article';
import { editEach, type EditOptions } from './article-edits';
import type { Collection, SimlitDB } from './schema';

/** Collections: named groups of articles. An article lists the ids of its collections. */

export const MAX_COLLECTION_NAME = 200;

/** Why a collection name was refused; the UI words each reason in the reader's language. */
export class CollectionNameError extends Error {
  constructor(readonly reason: 'empty' | 'too-long' | 'duplicate') {
    super(`collection name refused: ${reason}`);
    this.name = 'CollectionNameError';
  }
}

export interface CollectionWithCount extends Collection {
  count: number;
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

async function checkName(db: SimlitDB, name: string, exceptId?: string): Promise<string> {
  const cleaned = cleanName(name);
  if (!cleaned) throw new CollectionNameError('empty');
  if (cleaned.length > MAX_COLLECTION_NAME) throw new CollectionNameError('too-long');
  const folded = cleaned.toLocaleLowerCase();
  const clash = await db.collections.filter((c) => c.id !== exceptId && c.name.toLocaleLowerCase() === folded).first();
  if (clash) throw new CollectionNameError('duplicate');
  return cleaned;
}

export async function createCollection(db: SimlitDB, name: string, now = Date.now()): Promise<Collection> {
  return db.transaction('rw', db.collections, async () => {
    const collection: Collection = { id: crypto.randomUUID(), name: await checkName(db, name), createdAt: now, updatedAt: now };
    await db.collections.add(collection);
    return collection;
  });
}

export async function renameCollection(db: SimlitDB, id: string, name: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.collections, async () => {
    const cleaned = await checkName(db, name, id);
    if (!(await db.collections.update(id, { name: cleaned, updatedAt: now }))) throw new Error(`no collection ${id}`);
  });
}

/**
 * Deletes the collection; its articles stay in the library, only their membership goes. The
 * members are taken out as any change to many articles is (editEach: a chunk a transaction, with
 * progress), so that a capture meanwhile waits for one chunk: in one transaction, a collection of
 * 10,000 held every write for its whole 12 s. Then, in one transaction, the collection goes with
 * any members that joined it meanwhile: no article is left in a collection that is gone. A
 * failure part-way leaves the collection with the members not yet taken out, to be deleted again.
 */
export async function deleteCollection(db: SimlitDB, id: string, now = Date.now(), options?: EditOptions): Promise<void> {
  const takeOut = (article: Article) => withoutCollection(article, id, now);
  await editEach(db, await membersOf(db, id), takeOut, options);
  await db.transaction('rw', db.collections, db.articles, db.listing, async () => {
    // The chunks of a change within a transaction join it.
    await editEach(db, await membersOf(db, id), takeOut);
    await db.collections.delete(id);
  });
}

function membersOf(db: SimlitDB, id: string): Promise<string[]> {
  return db.listing.where('collections').equals(id).primaryKeys();
}

export async function addToCollection(db: SimlitDB, id: string, articleIds: string[], now = Date.now(), options?: EditOptions): Promise<number> {
  // Asked in every chunk: a collection deleted meanwhile gets no more members.
  const check = async () => {
    if (!(await db.collections.get(id))) throw new Error(`no collection ${id}`);
  };
  return editEach(
    db,
    articleIds,
    (article) => (article.collections.includes(id) ? undefined : { ...article, collections: [...article.collections, id], updatedAt: now }),
    { ...options, tables: [db.collections], check },
  );
}

export async function removeFromCollection(db: SimlitDB, id: string, articleIds: string[], now = Date.now(), options?: EditOptions): Promise<number> {
  return editEach(db, articleIds, (article) => withoutCollection(article, id, now), options);
}

function withoutCollection(article: Article, id: string, now: number): Article | undefined {
  return article.collections.includes(id) ? { ...article, collections: article.collections.filter((c) => c !== id), updatedAt: now } : undefined;
}

/** Every collection with its article count, in the reader's alphabetical order. */
export async function listCollections(db: SimlitDB, locale?: string): Promise<CollectionWithCount[]> {
  const collections = await db.collections.toArray();
  // The listing's rows are a tenth of the articles' size: its index is the cheaper one to count.
  const counts = await Promise.all(collections.map((c) => db.listing.where('collections').equals(c.id).count()));
  const collator = new Intl.Collator(locale);
  return collections
    .map((collection, index) => ({ ...collection, count: counts[index] }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
