/**
 * A reader's own library in place of the synthetic corpus: `BENCH_LIBRARY_FILE` names a BibTeX,
 * RIS or CSL-JSON file (an export of Zotero, EndNote, a journal site's list), read by the
 * import's own parser. The benchmarks that take it (the side-by-side table, the library page)
 * use its first N articles, in the file's order, at each size they run at; a size the file cannot
 * fill is an error, never a smaller library measured under a larger one's name.
 *
 * The corpus (corpus.ts) recombines 2,000 labelled abstracts; a real library differs in what
 * that cannot give: its own vocabulary, lengths, markup and duplicates.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseImportFile } from '../../lib/import/parse';
import { cslToArticle } from '../../lib/import/to-article';
import { IdentityIndex } from '../../lib/db/library-identities';
import { sameArticle } from '../../lib/merge';
import type { Article, CslItem } from '../../lib/model/article';

/** The reader's library file the environment names, if any. */
export function readerLibraryFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BENCH_LIBRARY_FILE || undefined;
}

const parsed = new Map<string, CslItem[]>();

/** Every item the import's parser reads from the file (its rejected entries left out, as an import leaves them). */
export function readerItems(path: string): CslItem[] {
  let items = parsed.get(path);
  if (!items) {
    const file = parseImportFile(readFileSync(path, 'utf8'), basename(path));
    if (file.error) throw new Error(`BENCH_LIBRARY_FILE ${path}: ${file.error}`);
    items = file.items;
    parsed.set(path, items);
  }
  return items;
}

/**
 * The file's first `size` distinct articles, as the import makes them, with the items they come
 * from: an item the import cannot make an article of, or a second one of an article (one the
 * import would merge with it: the same DOI, platform id, normalized title or abstract), is passed
 * over. An error when the file holds fewer.
 */
function firstArticles(path: string, size: number, now: number): { items: CslItem[]; articles: Article[] } {
  const items: CslItem[] = [];
  const articles: Article[] = [];
  // The import's own index of identity values, with the articles filed in it by id.
  const identities = new IdentityIndex();
  const byId = new Map<string, Article>();
  for (const item of readerItems(path)) {
    if (articles.length === size) break;
    const article = cslToArticle(item, { now });
    if (!article || identities.sharing([article]).some((id) => sameArticle(byId.get(id)!, article))) continue;
    // An article with nothing that identifies it (a short title, no DOI, no abstract) gets the id
    // of any other such one: the import numbers the second, and so does a library written directly.
    const first = article.id;
    for (let n = 2; byId.has(article.id); n++) article.id = `${first}-${n}`;
    byId.set(article.id, article);
    identities.add(article);
    items.push(item);
    articles.push(article);
  }
  if (articles.length < size) {
    throw new Error(`BENCH_LIBRARY_FILE ${path} holds ${articles.length.toLocaleString('en')} distinct articles: too few for a library of ${size.toLocaleString('en')}`);
  }
  return { items, articles };
}

/** A CSL-JSON file of the items behind the first `size` articles: what the library page's Import is given. */
export function readerFileText(path: string, size: number): string {
  return JSON.stringify(firstArticles(path, size, Date.now()).items);
}

/** The first `size` distinct articles, as the import makes them. */
export function readerArticles(path: string, size: number, now = Date.now()): Article[] {
  return firstArticles(path, size, now).articles;
}
