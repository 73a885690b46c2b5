import { baseCitationKey } from '../export/csl-items';
import { toCsl, type Article } from '../model/article';
import { hash64 } from '../text/hash';
import type { SimlitDB } from './schema';

/**
 * Gives each of these articles that has no citation key yet the key its content gives, unique in
 * the whole library, and stores it: every later BibTeX export cites the article the same way,
 * whatever else is exported with it and however its title is corrected later. Keys already there
 * (imported, or pinned by an earlier export) stay. Returns the articles with their keys, in order.
 */
export async function pinCitationKeys(db: SimlitDB, articles: Article[]): Promise<Article[]> {
  if (articles.every((article) => article.citationKey)) return articles;
  return db.transaction('rw', db.articles, async () => {
    const taken = new Set(articles.map((article) => article.citationKey).filter((key): key is string => Boolean(key)));
    const isFree = async (key: string) => !taken.has(key) && (await db.articles.where('citationKey').equals(key).count()) === 0;
    const pinned: Article[] = [];
    for (const article of articles) {
      if (article.citationKey) {
        pinned.push(article);
        continue;
      }
      const base = baseCitationKey(toCsl(article));
      let key = base;
      for (let n = 0; !(await isFree(key)); n++) key = `${base}${suffix(article.id, n)}`;
      taken.add(key);
      await db.articles.update(article.id, { citationKey: key });
      pinned.push({ ...article, citationKey: key });
    }
    return pinned;
  });
}

/** A short suffix from the article's id (then from the id and a count): the same article gets the same one. */
function suffix(id: string, attempt: number): string {
  return hash64(attempt ? `${id}#${attempt}` : id)[0].toString(36).padStart(4, '0').slice(-4);
}
