import type { ExtractedItem } from '../../model/article';
import { hasCjk } from '../../text/clean';
import type { MetaIndex } from '../dom';
import { isPreprintServer, typeFromWords } from '../shared/item-types';

/**
 * Reads the scholarly `<meta>` vocabularies into one item: Highwire Press `citation_*` (asked
 * for by Google Scholar, so nearly universal), bepress, eprints, Dublin Core (`DC.*`, `dc.*`,
 * `dcterms.*`) and PRISM. Earlier names win; Open Graph only fills gaps, because news sites and
 * blogs carry it too. Values stay raw: normalizeItem cleans them.
 */
function all(meta: MetaIndex, names: readonly string[]): string[] {
  return names.flatMap((name) => meta.get(name) ?? []);
}

function first(meta: MetaIndex, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = meta.get(name)?.find((v) => v.trim());
    if (value) return value;
  }
  return undefined;
}

const TITLE = ['citation_title', 'bepress_citation_title', 'eprints.title', 'dc.title', 'dcterms.title', 'prism.title'];
const AUTHOR_SOURCES = [
  ['citation_author'],
  ['citation_authors'],
  ['bepress_citation_author'],
  ['eprints.creators_name'],
  ['dc.creator', 'dcterms.creator', 'dc.creator.personalname'],
  ['dc.contributor', 'dcterms.contributor'],
];
const CONTAINER = [
  'citation_journal_title',
  'citation_conference_title',
  'citation_book_title',
  'citation_inbook_title',
  'bepress_citation_journal_title',
  'eprints.publication',
  'prism.publicationname',
  'dcterms.ispartof',
  'dc.relation.ispartof',
  'dc.source',
];
const DATE = [
  'citation_publication_date',
  'citation_date',
  'bepress_citation_date',
  'eprints.date',
  'prism.publicationdate',
  'prism.coverdate',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.issued',
  'dcterms.date',
  'citation_online_date',
  'prism.onlinedate',
  'citation_year',
];
const ABSTRACT = ['citation_abstract', 'eprints.abstract', 'dcterms.abstract', 'dc.description', 'dcterms.description'];
const KEYWORDS = ['citation_keywords', 'citation_keyword', 'eprints.keywords', 'prism.keyword', 'dc.subject', 'dcterms.subject'];
const TYPE_WORDS = ['citation_article_type', 'dc.type', 'dcterms.type', 'prism.genre', 'og:type'];
const DOI = ['citation_doi', 'bepress_citation_doi', 'prism.doi', 'dc.identifier.doi', 'dc.identifier', 'dcterms.identifier', 'eprints.id_number', 'prism.url'];

/** Names of tags that only scholarly pages carry: their presence makes a page an article page. */
const SCHOLARLY_TITLES = ['citation_title', 'bepress_citation_title', 'eprints.title'];
const DC_TITLES = ['dc.title', 'dcterms.title'];

/** ";" separators, not the ";" that ends an entity left in a value ("M&uuml;ller"). */
const SEMICOLONS = /(?<!&#?[a-z0-9]{1,31})\s*[;；]\s*/i;
/** Keyword separators, likewise. */
const KEYWORD_SEPARATORS = /(?<!&#?[a-z0-9]{1,31})\s*[;；]\s*|\s*[,，]\s*/i;

function splitAuthors(values: string[], name: string): string[] {
  // citation_authors (PubMed) and some Chinese sites put all names in one tag.
  return values.flatMap((value) => (name === 'citation_authors' || /[;；]/.test(value) ? value.split(SEMICOLONS) : [value]));
}

function authors(meta: MetaIndex): string[] {
  for (const names of AUTHOR_SOURCES) {
    const found = names.flatMap((name) => splitAuthors(meta.get(name) ?? [], name)).filter((v) => v.trim());
    if (found.length) return found;
  }
  return [];
}

function doi(meta: MetaIndex): string | undefined {
  return all(meta, DOI).find((value) => /10\.\d{4,9}\//.test(value));
}

/** The first value in a different script than `main` (bilingual pages repeat title/abstract). */
function otherLanguage(values: string[], main: string | undefined): string | undefined {
  if (!main) return undefined;
  const mainIsCjk = hasCjk(main);
  return values.find((value) => value.trim() && hasCjk(value) !== mainIsCjk);
}

/** Whether the tags describe a scholarly work rather than any web page. */
export function isScholarly(meta: MetaIndex): boolean {
  if (SCHOLARLY_TITLES.some((name) => meta.has(name))) return true;
  if (!DC_TITLES.some((name) => meta.has(name))) return false;
  // Dublin Core alone is also written by CMS plugins: ask for a DOI, PRISM or a citation tag.
  if (doi(meta)) return true;
  for (const name of meta.keys()) if (name.startsWith('prism.') || name.startsWith('citation_')) return true;
  return false;
}

function preferMain(values: string[]): string | undefined {
  // Chinese bilingual pages often list the Chinese title first; keep page order.
  return values.find((value) => value.trim());
}

/**
 * The item type the tags state: Highwire's type-specific tags first (they name the container),
 * then the words of `citation_article_type`, `DC.type`, `prism.genre`, `og:type`, then preprint
 * servers by name. Undefined: a journal article, as normalizeItem assumes.
 */
function itemType(meta: MetaIndex): string | undefined {
  if (meta.has('citation_conference_title') || meta.has('citation_conference')) return 'paper-conference';
  if (meta.has('citation_dissertation_institution') || meta.has('citation_dissertation_name')) return 'thesis';
  if (meta.has('citation_technical_report_institution') || meta.has('citation_technical_report_number')) return 'report';
  if (meta.has('citation_patent_number') || meta.has('citation_patent_country')) return 'patent';
  if (meta.has('citation_book_title') || meta.has('citation_inbook_title')) return 'chapter';
  for (const value of all(meta, TYPE_WORDS)) {
    const type = typeFromWords(value);
    if (type) return type;
  }
  if (meta.has('citation_arxiv_id') || isPreprintServer(all(meta, ['citation_journal_title', 'citation_publisher', 'dc.publisher', 'og:site_name']))) return 'article';
  return undefined;
}

export function readMetaTags(meta: MetaIndex): ExtractedItem {
  const titles = all(meta, TITLE);
  const title = preferMain(titles);
  const abstracts = all(meta, ABSTRACT);
  const abstract = preferMain(abstracts);
  return {
    title,
    altTitle: otherLanguage(titles, title),
    authors: authors(meta),
    containerTitle: first(meta, CONTAINER),
    containerTitleShort: first(meta, ['citation_journal_abbrev']),
    date: first(meta, DATE),
    volume: first(meta, ['citation_volume', 'eprints.volume', 'prism.volume']),
    issue: first(meta, ['citation_issue', 'eprints.number', 'prism.number', 'prism.issueidentifier']),
    firstPage: first(meta, ['citation_firstpage', 'prism.startingpage']),
    lastPage: first(meta, ['citation_lastpage', 'prism.endingpage']),
    pages: first(meta, ['eprints.pagerange', 'prism.pagerange']),
    // Publishers of online-only journals that tell an article number from a first page name it.
    number: first(meta, ['citation_article_number']),
    doi: doi(meta),
    issn: first(meta, ['citation_issn', 'citation_eissn', 'prism.issn', 'prism.eissn', 'eprints.issn']),
    abstract,
    altAbstract: otherLanguage(abstracts, abstract),
    keywords: all(meta, KEYWORDS).flatMap((value) => value.split(KEYWORD_SEPARATORS)),
    language: first(meta, ['citation_language', 'dc.language', 'dcterms.language', 'eprints.language']),
    publisher: first(meta, ['citation_publisher', 'dc.publisher', 'dcterms.publisher', 'eprints.publisher']),
    url: first(meta, ['citation_abstract_html_url', 'citation_fulltext_html_url']),
    pdfUrl: first(meta, ['citation_pdf_url', 'bepress_citation_pdf_url']),
    type: itemType(meta),
  };
}

/**
 * What Open Graph and plain `description` add to a scholarly page: a title when only DC had
 * none, and the abstract that many journals (arXiv, Chinese systems) put in the description.
 */
export function readPageTags(meta: MetaIndex): ExtractedItem {
  const description = first(meta, ['og:description', 'description', 'twitter:description']);
  return {
    title: first(meta, ['og:title', 'twitter:title']),
    // A short description is a teaser or site slogan, not an abstract.
    abstract: description && description.length >= 150 && !/(?:\.\.\.|…)$/.test(description.trim()) ? description : undefined,
    date: first(meta, ['article:published_time']),
    url: first(meta, ['og:url']),
  };
}
