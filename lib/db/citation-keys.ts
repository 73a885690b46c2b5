import { baseCitationKey } from '../export/csl-items';
import { toCsl, type Article } from '../model/article';
import { hash64 } from '../text/hash';
import { editEach } from './article-edits';
import type { SimlitDB } from './schema';

/**
 * Gives each of these articles that has no citation key yet the key its content gives, unique in
 * the whole library, and stores it: every later BibTeX export cites the article the same way,
 * whatever else is exported with it and however its title is corrected later. Keys already there
 * (imported, or pinned by an earlier export, even one running meanwhile) stay. Returns the
 * articles with their keys, in order. Written as any change to many articles is (editEach: EDIT_CHUNK a
 * transaction, with progress), each chunk's keys looked up together: one article at a time, a
 * lookup and a write each in one transaction, 10,000 articles took minutes and held every capture.
 */
export async function pinCitationKeys(db: SimlitDB, articles: Article[], onProgress?: (done: number, total: number) => void): Promise<Article[]> {
  if (articles.every((article) => article.citationKey)) return articles;
  // Keys these articles already carry, and those given so far: never given again.
  const given = new Set(articles.map((article) => article.citationKey).filter((key): key is string => Boolean(key)));
  const pinned = new Map<string, string>();
  const unkeyed = articles.filter((article) => !article.citationKey).map((article) => article.id);
  await editEach(db, unkeyed, (article) => (article.citationKey ? undefined : { ...article, citationKey: pinned.get(article.id) }), {
    onProgress,
    prepare: async (stored) => {
      const open = stored.filter((article) => !article.citationKey);
      for (const article of stored) if (article.citationKey) pinned.set(article.id, article.citationKey);
      (await freeKeys(db, open, given)).forEach((key, n) => pinned.set(open[n].id, key));
    },
  });
  return articles.map((article) => (pinned.has(article.id) ? { ...article, citationKey: pinned.get(article.id) } : article));
}

/**
 * Each article's key: the first of its base key, then the base with a suffix from its id (a
 * first, a second…), that no article in the library holds and that is not in `given` (which then
 * holds it). Each round asks the library about every article's next candidate at once.
 */
async function freeKeys(db: SimlitDB, articles: Article[], given: Set<string>): Promise<string[]> {
  const bases = articles.map((article) => baseCitationKey(toCsl(article)));
  const attempts = articles.map(() => -1);
  const keys: string[] = [];
  let open = articles.map((_, i) => i);
  while (open.length) {
    const candidates = open.map((i) => (attempts[i] < 0 ? bases[i] : `${bases[i]}${suffix(articles[i].id, attempts[i])}`));
    const held = await heldKeys(db, candidates);
    open = open.filter((i, n) => {
      const key = candidates[n];
      if (held.has(key) || given.has(key)) {
        attempts[i]++;
        return true;
      }
      keys[i] = key;
      given.add(key);
      return false;
    });
  }
  return keys;
}

/**
 * Which of `keys` some article holds. One count a key, all asked at once: Dexie's anyOf walks one
 * cursor from key to key, a round trip to the database each, in turn.
 */
async function heldKeys(db: SimlitDB, keys: string[]): Promise<Set<string>> {
  const unique = [...new Set(keys)];
  const counts = await Promise.all(unique.map((key) => db.articles.where('citationKey').equals(key).count()));
  return new Set(unique.filter((_, i) => counts[i] > 0));
}

/** A short suffix from the article's id (then from the id and a count): the same article gets the same one. */
function suffix(id: string, attempt: number): string {
  return hash64(attempt ? `${id}#${attempt}` : id)[0].toString(36).padStart(4, '0').slice(-4);
}
