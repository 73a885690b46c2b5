import { MAX_ITEMS_PER_PAGE } from '../limits';
import { closest, find, findAll, matchesSelector, squish, tableRows, text } from '../dom';

/**
 * One entry of a list page: the title link and the nodes that belong to it. Many journal
 * systems print an entry as several sibling rows (title row, authors row, issue row, abstract
 * row), so an entry is the row holding the title link plus the following sibling rows up to the
 * next title row.
 */
export interface ListEntry {
  link: Element;
  nodes: Element[];
}

/** Link texts that name an action, never an article title. */
const ACTION_LABEL =
  /^(?:\[?(?:摘要|abstract|pdf|html|全文|full\s*text|相似文献|similar|下载|download|引用|cite|查看|more|详细信息|参考文献|references?|xml|epub|view\s+(?:article|abstract|record|full\s*text)|google\s+scholar|pubmed(?:\s*\/\s*ncbi)?|pmc\s+free\s+article|crossref|scopus|web\s+of\s+science|publisher\s+site|article|open\s+access|read\s+more|powerpoint\s+slide|larger\s+image|original\s+image|download\s+(?:figure|image|slide)|figure|image)\]?[\s:：(（\d.kbm)）]*)$/i;

export function looksLikeTitle(value: string): boolean {
  const title = squish(value);
  return title.length >= 4 && title.length <= 500 && !ACTION_LABEL.test(title);
}

/**
 * Groups title links into entries. `rowSelector` names the element that holds one row (for
 * example "tr" or "li"); `keyOf` says which article a link names, so that a title link and an
 * "abstract" link to the same article become one entry. Linear in the number of links and rows.
 */
export function listEntries(
  links: Iterable<Element>,
  rowSelector: string,
  keyOf: (link: Element) => string | undefined,
  maxFollowingRows = 4,
  maxEntries = MAX_ITEMS_PER_PAGE,
): ListEntry[] {
  const byRow = new Map<Element, Element>();
  const seenKeys = new Set<string>();
  for (const link of links) {
    if (byRow.size >= maxEntries) break;
    if (!looksLikeTitle(text(link))) continue;
    const key = keyOf(link);
    if (key !== undefined && seenKeys.has(key)) continue;
    const row = closest(link, rowSelector) ?? link.parentElement;
    if (!row || byRow.has(row)) continue;
    if (key !== undefined) seenKeys.add(key);
    byRow.set(row, link);
  }
  const entries: ListEntry[] = [];
  for (const [row, link] of byRow) {
    const nodes: Element[] = [row];
    let sibling = row.nextElementSibling;
    for (let i = 0; sibling && i < maxFollowingRows && !byRow.has(sibling) && !containsRow(sibling, byRow); i++) {
      nodes.push(sibling);
      sibling = sibling.nextElementSibling;
    }
    entries.push({ link, nodes });
  }
  return entries;
}

/** Whether a following sibling wraps another entry's row (rows nested one level deeper). */
function containsRow(node: Element, rows: Map<Element, Element>): boolean {
  const first = node.firstElementChild;
  return first !== null && rows.has(first);
}

/** The nodes of an entry and everything inside them, in document order, gathered once. */
export function elementsOf(nodes: readonly Element[]): Element[] {
  const all: Element[] = [];
  for (const node of nodes) {
    all.push(node);
    for (const inner of findAll(node, '*')) all.push(inner);
  }
  return all;
}

export function queryIn(elements: readonly Element[], selector: string): Element | null {
  return elements.find((element) => matchesSelector(element, selector)) ?? null;
}

export function queryAllIn(elements: readonly Element[], selector: string): Element[] {
  return elements.filter((element) => matchesSelector(element, selector));
}

export function textIn(nodes: readonly Element[]): string {
  return nodes.map((node) => text(node)).join(' ');
}

/**
 * The elements not inside another of them, given in page order: a row selector that names both a
 * list item and the card inside it (or a book row and its chapter rows) reads each entry once.
 * In page order an element's descendants follow it, so one containment test per element does.
 */
export function outermost(elements: readonly Element[]): Element[] {
  let current: Element | undefined;
  return elements.filter((element) => {
    if (current?.contains(element)) return false;
    current = element;
    return true;
  });
}

/**
 * The list entries that hold no other entry, given in page order. A page never nests its entries;
 * a broken one that does (an entry left open, a page spliced into itself) has its later entries
 * inside the earlier ones, and reading those too would read every entry again inside each entry
 * around it: the square of the page. An entry's first descendant entry is the next one in page
 * order, so one containment test per entry tells. `partsOf` names the elements an entry is read
 * from, when they are more than the entry itself (a `<dt>` and the `<dd>` after it).
 */
export function innermost(elements: readonly Element[], partsOf: (entry: Element) => readonly (Element | null)[] = (entry) => [entry]): Element[] {
  return elements.filter((element, index) => {
    const next = elements[index + 1];
    return !next || !partsOf(element).some((part) => part?.contains(next));
  });
}

/**
 * The rows of a list table, without a row that holds another list table (`tableSelector`): the
 * same rule as `innermost`, for tables. A broken page that nests its list tables has the inner
 * table's rows read as that table's; reading the row around them too would read them again at
 * every level. Each row is searched at most up to the table inside it.
 */
export function listTableRows(table: Element, tableSelector: string): Element[] {
  return tableRows(table).filter((row) => find(row, tableSelector) === null);
}
