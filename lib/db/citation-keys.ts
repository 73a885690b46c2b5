import { baseCitationKey } from '../export/csl-items';
import { toCsl, type Article } from '../model/article';
import { hash64 } from '../text/hash';
import type { SimlitDB } from './schema';

/** Articles given their keys per transaction: a capture or a save waits for one chunk at most, as beside an import. */
const PIN_CHUNK = 500;

/**
 * Gives each of these articles that has no citation key yet the key its content gives, unique in
 * the whole library, and stores it: every later BibTeX export cites the article the same way,
 * whatever else is exported with it and however its title is corrected later. Keys already there
 * (imported, or pinned by an earlier export) stay. Returns the articles with their keys, in order.
 * A chunk's keys are looked up in the library together and written together: one article at a
 * time, a lookup and a write each, 10,000 articles took minutes. `onProgress` hears how many of
 * those without a key have one, after each chunk (a library's first export: 40 s at 50,000).
 */
export async function pinCitationKeys(db: SimlitDB, articles: Article[], onProgress?: (done: number, total: number) => void): Promise<Article[]> {
  if (articles.every((article) => article.citationKey)) return articles;
  const pinned = [...articles];
  // Keys these articles already carry, and those given so far: never given again.
  const given = new Set(articles.map((article) => article.citationKey).filter((key): key is string => Boolean(key)));
  const unkeyed = articles.flatMap((article, i) => (article.citationKey ? [] : [i]));
  for (let start = 0; start < unkeyed.length; start += PIN_CHUNK) {
    const chunk = unkeyed.slice(start, start + PIN_CHUNK).map((i) => articles[i]);
    const keys = await db.transaction('rw', db.articles, async () => {
      const free = await freeKeys(db, chunk, given);
      await db.articles.bulkUpdate(chunk.map((article, n) => ({ key: article.id, changes: { citationKey: free[n] } })));
      return free;
    });
    chunk.forEach((article, n) => (pinned[unkeyed[start + n]] = { ...article, citationKey: keys[n] }));
    onProgress?.(start + chunk.length, unkeyed.length);
  }
  return pinned;
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
    const held = new Set(await db.articles.where('citationKey').anyOf(candidates).keys());
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

/** A short suffix from the article's id (then from the id and a count): the same article gets the same one. */
function suffix(id: string, attempt: number): string {
  return hash64(attempt ? `${id}#${attempt}` : id)[0].toString(36).padStart(4, '0').slice(-4);
}
