import type { ExtractedItem } from '../../model/article';
import { splitAuthorLine } from '../../text/names';
import { MAX_ITEMS_PER_PAGE } from '../limits';
import { absoluteUrl, attr, findAll, squish, text, textWithout } from '../dom';
import { parseIssueLine, stripTitleMarks } from './citation-line';
import { elementsOf, listEntries, queryAllIn, queryIn, textIn } from './list-rows';

/**
 * An extractor's `kind` for pages that are either one article or a list: one item that is not a
 * list entry (no position) is the page's article.
 */
export function articleOrList(_doc: Document, _url: URL, items: readonly ExtractedItem[]): 'article' | 'list' {
  return items.length === 1 && items[0].position === undefined ? 'article' : 'list';
}

/** How one platform prints its article lists (issue tables of contents, search results). */
export interface ListLayout {
  /** Links to article pages; the title link of each entry is among them. */
  links: string;
  /** The element holding one row of an entry ("tr", "li", ...). */
  row: string;
  /** Which article a link names (file number, id): joins a title link and its "abstract" link. */
  idOf(href: string, base: URL): string | undefined;
  /** The article's own URL, from its id; the link's href when absent. */
  urlOf?(id: string, base: URL): string;
  abstract?: string;
  authors?: string;
  /** Children of an author node to leave out (affiliation marks). */
  authorSkip?: string;
  keywords?: string;
  source?: string;
  maxFollowingRows?: number;
}


/**
 * The items `toItem` makes of a list's rows (undefined: not an article), given the 1-based
 * position the next item takes. Reading stops at the page cap, so that a hostile page of
 * thousands of rows costs no more than a full one.
 */
export function itemsOfRows<T>(rows: Iterable<T>, toItem: (row: T, position: number) => ExtractedItem | undefined): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  for (const row of rows) {
    if (items.length >= MAX_ITEMS_PER_PAGE) break;
    const item = toItem(row, items.length + 1);
    if (item) items.push(item);
  }
  return items;
}

/** Items of a list page laid out as `layout` says, in page order with 1-based positions. */
export function readList(doc: Document, base: URL, layout: ListLayout): ExtractedItem[] {
  const links = findAll(doc, layout.links);
  const entries = listEntries(links, layout.row, (link) => layout.idOf(link.getAttribute('href') ?? '', base), layout.maxFollowingRows);
  const items: ExtractedItem[] = [];
  for (const { link, nodes } of entries.slice(0, MAX_ITEMS_PER_PAGE)) {
    const href = link.getAttribute('href') ?? '';
    const id = layout.idOf(href, base);
    const title = text(link);
    const elements = elementsOf(nodes);
    const abstractNode = layout.abstract ? queryIn(elements, layout.abstract) : null;
    const abstract = abstractNode ? text(abstractNode) : undefined;
    const authorNodes = layout.authors ? queryAllIn(elements, layout.authors) : [];
    const authors = authorNames(authorNodes, layout.authorSkip);
    const source = layout.source ? containerOf(squish(text(queryIn(elements, layout.source)))) : undefined;
    // The issue line is whatever text is left once title, abstract and authors are taken out.
    let rest = textIn(nodes);
    for (const taken of [title, abstract, ...authorNodes.map(text)]) if (taken) rest = rest.replace(taken, ' ');
    const issue = parseIssueLine(rest);
    const doi = /\b10\.\d{4,9}\/[^\s"'<>，。；]+/.exec(rest)?.[0];
    items.push({
      title,
      abstract,
      authors,
      keywords: layout.keywords ? queryAllIn(elements, layout.keywords).map(text) : undefined,
      containerTitle: source,
      ...issue,
      doi,
      platformId: id,
      url: id && layout.urlOf ? layout.urlOf(id, base) : absoluteUrl(attr(link, 'href'), base),
      position: items.length + 1,
    });
  }
  return items;
}

/** "中国农机化学报, 2023,44(3):152-159" → the journal; the issue line is read separately. */
function containerOf(source: string): string | undefined {
  const yearAt = source.search(/(?:19|20)\d{2}/);
  return stripTitleMarks((yearAt >= 0 ? source.slice(0, yearAt) : source).replace(/[\s,，.．:：]+$/u, ''));
}

/** Names from author links, or from one author line split on separators. */
export function authorNames(nodes: readonly Element[], skip = 'sup'): string[] {
  if (nodes.length === 0) return [];
  const links = nodes.flatMap((node) => [...findAll(node, 'a')]);
  const source = links.length ? links : nodes;
  if (source.length === 1 || !links.length) {
    return source.flatMap((node) => splitAuthorLine(textWithout(node, skip)));
  }
  return source.map((node) => squish(textWithout(node, skip)).replace(/[,，;；、]+$/u, '')).filter(Boolean);
}
