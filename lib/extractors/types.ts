import type { ExtractedItem, PageExtraction } from '../model/article';

/** What a page is, decided once per page by each extractor's `pageType(doc, url)`. */
export type PageType = 'article' | 'results' | 'toc';

/**
 * One extractor per platform. Extractors are pure functions of the live (or parsed) document and
 * its URL: no messaging, no storage, no network. Detection (`canExtract`) is cheap and separate
 * from extraction, as in Zotero translators.
 */
export interface Extractor {
  /** Platform id stored with each article ("qinyun", "cnki", "meta", ...). */
  id: string;
  /**
   * Hosts (and their subdomains) where this platform is recognised by address and where capture
   * runs by default; `lib/hosts.ts` lists them all (a test checks). Empty for extractors that
   * recognise pages by markup alone.
   */
  hosts: readonly string[];
  /** Where the selectors were seen, for maintainers. */
  seenOn: string[];
  canExtract(doc: Document, url: URL): boolean;
  /** Items found on the page; an empty array when the page has none after all. */
  extract(doc: Document, url: URL): ExtractedItem[];
  /**
   * "article" pages describe one article (possibly with a list of related ones beside it), "list"
   * pages many. Given the items `extract` returned, so that deciding costs nothing.
   */
  kind(doc: Document, url: URL, items: readonly ExtractedItem[]): PageExtraction['kind'];
}
