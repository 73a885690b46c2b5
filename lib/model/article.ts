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
  /** An article number or e-locator (e0000001, 102530): never a page (CSL `number`). */
  number?: string;
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

/**
 * Another page's version of an article's fields, kept beside it when a capture may not change
 * them (the reader's fields, or a site that is not the article's own): shown in the library
 * detail, where the reader can choose it. See lib/merge.
 */
export interface AlternativeVersion {
  source: { pageUrl?: string; platform: string; capturedAt: number };
  fields: AlternativeFields;
}

/** The fields an alternative version may hold (CSL names, plus the other-language title and abstract). */
export type AlternativeFields = Partial<Pick<Article, BibliographicField>>;

/** The platform of articles read from an imported file, not captured from a page (SimlitFields.platform). */
export const IMPORT_PLATFORM = 'import';

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
   * Bibliographic fields (names as in BIBLIOGRAPHIC_FIELDS) the reader set: edited in the
   * detail, brought by an import or restore, or chosen from an alternative version. A capture
   * never changes them, and never fills one that is listed but empty (the reader cleared it).
   */
  readerFields?: string[];
  /** Other pages' versions of this article's fields, newest last (at most MAX_ALTERNATIVES, lib/merge). */
  alternatives?: AlternativeVersion[];
  /** When a page last showed the article (coarse: updated at most hourly); pruning goes by it. */
  seenAt?: number;
  /**
   * The article's BibTeX key: the one its imported entry had, or the one its first BibTeX export
   * gave it, kept so that every later export cites it the same way (exported as `citation-key`).
   */
  citationKey?: string;
}

export type Article = CslItem & SimlitFields;

/**
 * The fields that describe the article (as opposed to where it was seen and what the reader did
 * with it): what the reader owns once they saved, edited or imported it, and what alternative
 * versions hold. Merge rules for each are in lib/merge/rules.ts.
 */
export const BIBLIOGRAPHIC_FIELDS = [
  'type', 'title', 'author', 'container-title', 'container-title-short', 'issued', 'volume', 'issue', 'page', 'number',
  'DOI', 'URL', 'ISSN', 'abstract', 'keyword', 'language', 'publisher', 'source', 'pdfUrl', 'altTitle', 'altAbstract',
] as const;
export type BibliographicField = (typeof BIBLIOGRAPHIC_FIELDS)[number];

/**
 * The keys that tell two records name the same article, strongest first. A decisive key settles
 * the question when both records have it (two different DOIs are two articles, whatever else
 * they share). Both `sameArticle` (lib/merge) and the database lookup (lib/db/upsert) loop over
 * this list; each is an index of the articles table.
 */
export const IDENTITY_KEYS = [
  { key: 'DOI', decisive: true },
  { key: 'ids', decisive: false },
  { key: 'titleKey', decisive: false },
  { key: 'fingerprint', decisive: false },
] as const satisfies readonly { key: keyof Article; decisive: boolean }[];

/** An article's values for one identity key (none, one, or the list of ids). */
export function identityValues(article: Pick<Article, 'DOI' | 'ids' | 'titleKey' | 'fingerprint'>, key: (typeof IDENTITY_KEYS)[number]['key']): string[] {
  const value = article[key];
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

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
  /** An article number the page names as such (not a first page): see lib/text/pages.ts. */
  number?: string;
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
  'number',
  'DOI',
  'URL',
  'ISSN',
  'abstract',
  'keyword',
  'language',
  'publisher',
  'source',
];
