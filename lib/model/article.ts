import type { NameOrder } from '../text/names';

/**
 * The article model: a CSL-JSON item (what reference managers exchange) plus the fields Simlit
 * itself needs to know where an article came from and what the reader did with it.
 */

/** A CSL name. Chinese names are kept whole as `literal`, never split into family/given. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: [number, number?, number?][];
  raw?: string;
}

/** The CSL-JSON variables Simlit reads and writes. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  'container-title-short'?: string;
  issued?: CslDate;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  URL?: string;
  ISSN?: string;
  abstract?: string;
  /** CSL keeps keywords as one string; Simlit joins them with "; " (see `keywordList`). */
  keyword?: string;
  language?: string;
  publisher?: string;
  source?: string;
  /** The BibTeX key (CSL 1.0.2 `citation-key`). */
  'citation-key'?: string;
}

/** Where an article was seen: one entry per page that yielded it (most recent last). */
export interface Sighting {
  pageUrl: string;
  platform: string;
  /** 1-based position in a list page; absent on single-article pages. */
  position?: number;
  capturedAt: number;
}

/** Fields Simlit adds to the CSL item. */
export interface SimlitFields {
  /** Platform that served the article (extractor id), e.g. "qinyun", "pubmed", "meta". */
  platform: string;
  /** Platform ids and canonical URLs that name this article, e.g. "pubmed:25817406". */
  ids: string[];
  /** Normalized title used for identity (empty when the page gave no title). */
  titleKey: string;
  /** Fingerprint of the abstract used for identity (empty without an abstract). */
  fingerprint: string;
  /** The full text as PDF, as the first page that linked it gave it (CSL has no such field). */
  pdfUrl?: string;
  /** The other-language title and abstract of bilingual pages (usually English). */
  altTitle?: string;
  altAbstract?: string;
  sightings: Sighting[];
  capturedAt: number;
  updatedAt: number;
  /** Set when the reader saved the article to the library. */
  savedAt?: number;
  collections: string[];
  tags: string[];
  note?: string;
  /**
   * Bibliographic fields the reader edited (CSL names: "title", "author", "issued"...): theirs,
   * never changed by a later capture.
   */
  readerFields?: string[];
  /**
   * The article's BibTeX key: the one its imported entry had, or the one its first BibTeX export
   * gave it, kept so that every later export cites it the same way (exported as `citation-key`).
   */
  citationKey?: string;
}

export type Article = CslItem & SimlitFields;

/** What an extractor yields for one article: raw CSL fields plus page-level facts. */
export interface ExtractedItem {
  title?: string;
  /** Names as printed on the page; normalization decides literal vs family/given. */
  authors?: string[];
  /** How the page orders Latin names (Chinese platforms); absent: read each name as printed. */
  nameOrder?: NameOrder;
  containerTitle?: string;
  containerTitleShort?: string;
  /** A date as printed ("2018/04/15", "2015 Jun", "2015-03-28"). */
  date?: string;
  volume?: string;
  issue?: string;
  firstPage?: string;
  lastPage?: string;
  /** "24-42" when the page prints a range. */
  pages?: string;
  doi?: string;
  url?: string;
  /** The full text as PDF, as the page links it (citation_pdf_url). */
  pdfUrl?: string;
  issn?: string;
  abstract?: string;
  keywords?: string[];
  language?: string;
  publisher?: string;
  /** Platform-local id (PMID, arXiv id, CNKI filename, Qinyun file_no). */
  platformId?: string;
  altTitle?: string;
  altAbstract?: string;
  type?: string;
  /** 1-based position in a list page. */
  position?: number;
}

/** What one extractor run on one page yields. */
export interface PageExtraction {
  platform: string;
  /** "article" for a single-article page, "list" for result/similar/TOC lists. */
  kind: 'article' | 'list';
  items: ExtractedItem[];
}

export const KEYWORD_SEPARATOR = '; ';

export function keywordList(item: Pick<CslItem, 'keyword'>): string[] {
  if (!item.keyword) return [];
  return item.keyword
    .split(/[;；]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

export function issuedYear(item: Pick<CslItem, 'issued'>): number | undefined {
  return item.issued?.['date-parts']?.[0]?.[0];
}

/** The CSL-JSON view of an article: what exports and the `scrape` command emit. */
export function toCsl(article: Article): CslItem {
  const csl: CslItem = { id: article.id, type: article.type };
  for (const key of CSL_KEYS) {
    const value = article[key];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) {
      (csl as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (article.citationKey) csl['citation-key'] = article.citationKey;
  return csl;
}

const CSL_KEYS: (keyof CslItem)[] = [
  'title',
  'author',
  'container-title',
  'container-title-short',
  'issued',
  'volume',
  'issue',
  'page',
  'DOI',
  'URL',
  'ISSN',
  'abstract',
  'keyword',
  'language',
  'publisher',
  'source',
];
