import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, hostIs, squish, text, textWithout } from '../dom';
import { readEmbeddedArticle } from '../platforms/embedded-metadata';
import type { Extractor } from '../types';
import { authorNames, itemsOfRows, articleOrList } from './list-items';
import { outermost } from './list-rows';
import { fillMissing } from './merge';

/**
 * Atypon Literatum, the platform under Wiley Online Library, Taylor & Francis Online, SAGE
 * Journals, ACS Publications and the ACM Digital Library. Article pages carry Dublin Core or
 * Highwire tags that the embedded-metadata reader reads; what they lack (the ACS journal and
 * "Cite This" issue line, an abstract without its "Abstract" heading) is on the page. Tables of
 * contents and search results print each article as an "issue-item" (older T&F and ACS pages:
 * "articleEntry", "searchResultItem") whose title links to /doi/<DOI>.
 */

/** `/doi/10.1080/x`, `/doi/abs/10.1021/y`, `/doi/full/…`, `/doi/epdf/…`, `/doi/book/…`. */
const DOI_PATH = /\/doi\/(?:(?:abs|full|epdf|pdf|reader|book|chapter|fullHtml|suppl)\/)?(10\.\d{4,9}\/[^?#\s]+)/i;

export function doiOfHref(href: string | undefined): string | undefined {
  const match = href ? DOI_PATH.exec(href) : null;
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]).replace(/\/$/, '');
  } catch {
    return match[1];
  }
}

/** Marks every Literatum site prints, whatever the publisher's theme. */
const LITERATUM_MARKS =
  'meta[name="dc.Identifier"][scheme="doi"], a[href*="/action/showCitFormats"], form[action*="/action/doSearch"], a[href*="/action/doSearch"], .issue-item a[href*="/doi/"], .articleEntry a[href*="/doi/"], .searchResultItem a[href*="/doi/"]';

export function isLiteratumPage(doc: Document): boolean {
  return find(doc, LITERATUM_MARKS) !== null;
}

/** Abstract containers of the article-page themes, and the headings inside them to leave out. */
const ABSTRACT = '.abstractSection, .article-section__abstract .article-section__content, .articleBody_abstractText, #abstractBox, .abstract .abstractInFull, section.abstract';
const ABSTRACT_HEADINGS = '.summary-title, .section-heading-2, h2, h3, h4, .title';

function visibleAbstract(doc: Document): string | undefined {
  const node = find(doc, ABSTRACT);
  const value = squish(textWithout(node, ABSTRACT_HEADINGS));
  return value || undefined;
}

/**
 * ACS prints "Cite This: J. Phys. Chem. A 2001, 105, 13, 3365-3370" as one span per part, and the
 * journal's full name in a hidden input. Articles in press print placeholders ("XXXX").
 */
function acsCitation(doc: Document): ExtractedItem {
  const line = find(doc, '.article_header-cite-this');
  if (!line) return {};
  const parts = findAll(line, 'span').map((span) => squish(text(span)));
  const real = (value: string | undefined) => (value && !/^X+(?:-X+)?$/i.test(value) ? value : undefined);
  const [short, year, volume, issue, pages] = parts;
  return {
    containerTitle: attr(find(doc, 'input[name="journalNameForjhpLink"]'), 'value') ?? real(short),
    containerTitleShort: real(short),
    date: /^(?:19|20)\d{2}$/.test(year ?? '') ? year : undefined,
    volume: real(volume),
    issue: real(issue),
    pages: real(pages),
  };
}

export function readLiteratumArticle(doc: Document, url: URL): ExtractedItem | undefined {
  const embedded = readEmbeddedArticle(doc, url);
  if (!embedded) return undefined;
  const abstract = visibleAbstract(doc);
  const cite = acsCitation(doc);
  // The printed citation's year is the issue's; Dublin Core dates are the web release's.
  const item: ExtractedItem = { ...embedded, ...definedOnly(cite), abstract: abstract ?? embedded.abstract };
  if (!item.doi) item.doi = doiOfHref(url.pathname);
  return fillMissing(item, { platformId: item.doi });
}

function definedOnly(item: ExtractedItem): ExtractedItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as ExtractedItem;
}

/** One article of a table of contents or a result list, in any of the Literatum themes. */
const LIST_ROWS = '.issue-item, .articleEntry, .searchResultItem, li.search__item';
const TITLE_LINKS =
  '.issue-item__title a[href*="/doi/"], .issue-item_title a[href*="/doi/"], .hlFld-Title a[href*="/doi/"], .art_title a[href*="/doi/"], a.issue-item__title[href*="/doi/"], a.publication_title[href*="/doi/"], .art_title a, a.ref.nowrap[href*="/doi/"]';
const AUTHORS = '.issue-item__authors li, .issue-item-loa li, .loa li, ul[aria-label="authors"] li, .hlFld-ContribAuthor, .entryAuthor, .articleEntryAuthorsLinks a';
const LIST_ABSTRACT = '.issue-item__abstract, .accordion__content, .hlFld-Abstract, .issue-item_abstract, .abstract';
const DETAIL = '.issue-item__detail, .issue-item__header, .issue-item_pub-date, .pub-date, .publication-meta, .tocEPubDate, .issue-item_metadata, .meta__details, .issue-item_jour-name';
const CONTAINER = '.issue-item__detail a, .issue-item_jour-name, .publication-meta a.publication_title, .meta__serial, .epub-section__title';

function listItem(row: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(row, TITLE_LINKS);
  const href = attr(link, 'href');
  const doi = doiOfHref(href);
  const title = squish(text(link));
  if (!link || !title || !doi) return undefined;
  // Outermost only: a broken page nests rows, and nested matches would be read once per level.
  const detail = squish(outermost(findAll(row, DETAIL)).map((node) => text(node)).join(' '));
  const abstract = squish(textWithout(find(row, LIST_ABSTRACT), 'h2, h3, h4, .abstract__title, .accordion__control'));
  const container = squish(text(find(row, CONTAINER)));
  return {
    title,
    authors: authorNames(outermost(findAll(row, AUTHORS)), 'sup, .comma-separator, .sep'),
    containerTitle: container && container !== title ? container : undefined,
    date: /\b((?:19|20)\d{2})\b/.exec(detail)?.[1],
    abstract: abstract.length >= 40 ? abstract : undefined,
    doi,
    platformId: doi,
    url: absoluteUrl(href, base),
    position,
  };
}

export function readLiteratumList(doc: Document, base: URL): ExtractedItem[] {
  return itemsOfRows(outermost(findAll(doc, LIST_ROWS)), (row, position) => listItem(row, base, position));
}

export interface LiteratumSite {
  id: string;
  hosts: readonly string[];
  seenOn: string[];
  /** Markup only this publisher's pages carry, to know a proxied or mirrored copy. */
  marks: string;
}

/** An extractor for one publisher's Literatum site: its hosts, or Literatum markup plus its own marks. */
export function literatumExtractor(site: LiteratumSite): Extractor {
  return {
    id: site.id,
    hosts: site.hosts,
    seenOn: site.seenOn,
    canExtract(doc, url) {
      if (site.hosts.some((host) => hostIs(url, host))) return true;
      return isLiteratumPage(doc) && find(doc, site.marks) !== null;
    },
    kind: articleOrList,
    extract(doc, url) {
      // An article page lists related articles too: its own article is what it is about.
      const article = find(doc, 'meta[name="citation_title"], meta[name="dc.Title" i]') ? readLiteratumArticle(doc, url) : undefined;
      return article ? [article] : readLiteratumList(doc, url);
    },
  };
}
