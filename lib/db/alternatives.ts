import { chooseAlternative, dismissAlternative } from '../merge';
import type { SimlitDB } from './schema';

/** The reader's choice among an article's alternative versions (lib/merge/alternatives.ts), stored. */

export async function chooseAlternativeVersion(db: SimlitDB, id: string, index: number, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    const article = await db.articles.get(id);
    if (article) await db.articles.put(chooseAlternative(article, index, now));
  });
}

export async function dismissAlternativeVersion(db: SimlitDB, id: string, index: number, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    const article = await db.articles.get(id);
    if (article) await db.articles.put(dismissAlternative(article, index, now));
  });
}
