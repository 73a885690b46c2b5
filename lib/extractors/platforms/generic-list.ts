import type { ExtractedItem } from '../../model/article';
import { doiOfLink, hasCjk } from '../../text/clean';
import { absoluteUrl, attr, closest, find, findAll, squish, text } from '../dom';
import { isWebSearchEngine } from '../shared/search-engines';
import { parseIssueLine } from '../shared/citation-line';
import { looksLikeTitle } from '../shared/list-rows';
import { MAX_ITEMS_PER_PAGE } from '../limits';
import { TextMeasure, type TextSize } from '../shared/text-measure';
import type { Extractor } from '../types';

/**
 * Lists of articles on sites no other extractor knows: repeated sibling blocks that each carry
 * a title link and an abstract-length text. It runs last, and it must never fire on ordinary
 * pages: news lists, blog indexes and search engines also repeat "title link + text", so each
 * block must also show a bibliographic sign (a DOI, an "Abstract/摘要" or "Keywords/关键词"
 * label, a "2023, 44(5)" or "Vol." issue line, a "[J]" reference mark), and most blocks of the
 * group must qualify.
 */
const MIN_BLOCKS = 3;
const MIN_SHARE = 0.6;
const MAX_CLIMB = 5;
const MAX_LINKS = 20_000;
/**
 * Reading the blocks may cost this many times reading the page once (journal pages and lists
 * read 0.1 to 1.3 times their page), and this much on any page.
 */
const READ_BUDGET_PER_UNIT = 2;
const READ_BUDGET_FLOOR = 10_000;

const BIBLIOGRAPHIC_SIGN =
  /10\.\d{4,9}\/\S|(?:^|[\s【\[])(?:摘\s*要|关键词|abstract|keywords?)\s*[:：】\]]|(?:19|20)\d{2}\s*[,，]\s*\d+\s*[(（]\s*\d+|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+\s*[-–]|\[J\]|第\s*\d+\s*卷|第\s*\d+\s*期/i;

/** Enough text to be an abstract: about 40 words, or 80 Chinese characters. */
function isAbstractLength(value: string): boolean {
  return hasCjk(value) ? value.length >= 80 : value.length >= 250;
}

function signature(node: Element): string {
  return `${node.tagName}.${node.getAttribute('class') ?? ''}`;
}

/** What reading nodes costs: every element and character of them is visited a few times. */
function readCost(nodes: readonly Element[], measure: TextMeasure): number {
  return nodes.reduce((sum, node) => {
    const size = measure.of(node);
    return sum + size.elements + size.raw;
  }, 0);
}

interface Group {
  blocks: Set<Element>;
}

/** Candidate groups: for each title-like link, its ancestors that repeat under one parent. */
function candidateGroups(doc: Document, measure: TextMeasure): Group[] {
  const byParent = new Map<Element, Map<string, Group>>();
  const links = findAll(doc.body, 'a[href]') ?? [];
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const link = links[i];
    // Measured before it is read: links left open on a broken page hold the rest of it.
    const length = measure.of(link).raw;
    if (length < 10 || length > 600) continue;
    const label = link.textContent ?? '';
    if (!looksLikeTitle(label)) continue;
    let block: Element | null = link.parentElement;
    for (let depth = 0; block && block.parentElement && depth < MAX_CLIMB; depth++) {
      const parent: Element = block.parentElement;
      let groups = byParent.get(parent);
      if (!groups) byParent.set(parent, (groups = new Map()));
      const key = signature(block);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { blocks: new Set() }));
      group.blocks.add(block);
      block = parent;
    }
  }
  const groups: Group[] = [];
  for (const byKey of byParent.values()) for (const group of byKey.values()) if (group.blocks.size >= MIN_BLOCKS) groups.push(group);
  return groups;
}

/**
 * The nodes of one record: the block itself, and for a definition-list title (`<dt>`) the `<dd>`
 * descriptions that follow it up to the next title.
 */
function recordNodes(block: Element): Element[] {
  if (block.localName !== 'dt') return [block];
  const nodes = [block];
  for (let next = block.nextElementSibling; next && next.localName === 'dd'; next = next.nextElementSibling) nodes.push(next);
  return nodes;
}

const TEXT_HOLDERS = new Set(['p', 'div', 'span', 'dd', 'td', 'blockquote', 'section']);
/** At most this share of an abstract's text may be link text (a list of links is no abstract). */
const MAX_LINK_SHARE = 0.3;

/** The link and every element around it, up to the page: none of them holds a text beside the title. */
function pathTo(link: Element): Set<Element> {
  const path = new Set<Element>();
  for (let node: Element | null = link; node; node = node.parentElement) path.add(node);
  return path;
}

/**
 * The longest text in the record outside its title link and outside any link, less than a third
 * of it link text: the record's own element or a text holder in it. An element's text holds all
 * of its descendants' texts, so once an element is taken (or too short) nothing inside it can be
 * longer, and the walk does not go in.
 */
function longestText(nodes: readonly Element[], link: Element, measure: TextMeasure): string {
  const aroundLink = pathTo(link);
  let best = '';
  for (const root of nodes) {
    const pending: { node: Element; inLink: boolean }[] = [{ node: root, inLink: closest(root, 'a') !== null }];
    while (pending.length > 0) {
      const { node, inLink } = pending.pop()!;
      if (!inLink && !aroundLink.has(node) && (node === root || TEXT_HOLDERS.has(node.localName))) {
        const size = measure.of(node);
        if (size.squished <= best.length) continue;
        if (size.linkText <= size.squished * MAX_LINK_SHARE) {
          best = squish(text(node));
          continue;
        }
      }
      for (let child = node.lastElementChild; child; child = child.previousElementSibling) {
        pending.push({ node: child, inLink: inLink || child.localName === 'a' });
      }
    }
  }
  return best;
}

/**
 * The text of a record with a space between its text nodes: table cells and card lines run
 * together in textContent ("Journal of Climate202310.1175/…"), hiding years and DOIs.
 */
function spacedText(node: Element): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    for (let child = current.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(node);
  return parts.join(' ');
}

const DOI = /\b10\.\d{4,9}\/[^\s"'<>，。；]+/;

/** A DOI the record prints, or one its links point to (doi.org/10.…). */
function doiOf(nodes: readonly Element[], rest: string): string | undefined {
  const printed = DOI.exec(rest)?.[0];
  if (printed) return printed.replace(/[.,;)]+$/, '');
  for (const node of nodes) {
    for (const a of findAll(node, 'a[href*="doi.org/10."]')) {
      const found = doiOfLink(a.getAttribute('href'));
      if (found) return found;
    }
  }
  return undefined;
}

const LONE_DOI = /^(?:doi\s*[:：]?\s*|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i;

const DOI_HOLDERS = new Set(['td', 'span', 'a', 'p', 'div', 'dd', 'li', 'small']);

/**
 * Whether a text can be a lone DOI ("doi: 10.1000/x" is three words at most) and is small enough
 * to read: checking each of a deep nest of elements costs no more than its size.
 */
function mayBeLoneDoi(size: TextSize): boolean {
  return size.words <= 3 && size.raw <= 1024 && size.elements <= 64;
}

/**
 * Whether the record gives a DOI as a field of its own: its title links to doi.org, or a cell, a
 * line or a link says nothing but the DOI. A DOI quoted in running text (a blog teaser, a news
 * item) is no sign that the record is an article.
 */
function hasOwnDoi(nodes: readonly Element[], link: Element, measure: TextMeasure): boolean {
  if (/doi\.org\/10\./i.test(link.getAttribute('href') ?? '')) return true;
  for (const root of nodes) {
    const pending: Element[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node === root || DOI_HOLDERS.has(node.localName)) {
        const size = measure.of(node);
        if (size.words === 0) continue;
        if (mayBeLoneDoi(size) && LONE_DOI.test(squish(text(node)))) return true;
      }
      for (let child = node.lastElementChild; child; child = child.previousElementSibling) pending.push(child);
    }
  }
  return false;
}

/**
 * One record of a group, or undefined when it does not read as an article: a title link, and
 * either an abstract-length text with a bibliographic sign, or a DOI with a shorter snippet or
 * none (tables and card grids of references print title, authors, year and DOI only).
 */
function blockItem(nodes: readonly Element[], base: URL, measure: TextMeasure): ExtractedItem | undefined {
  let link: Element | undefined;
  for (const node of nodes) {
    link = [...findAll(node, 'a[href]')].find((a) => {
      const label = squish(text(a));
      return label.length >= 10 && looksLikeTitle(label) && !ADDRESS_LABEL.test(label);
    });
    if (link) break;
  }
  if (!link) return undefined;
  const longest = longestText(nodes, link, measure);
  const blockText = squish(nodes.map(spacedText).join(' '));
  const rest = (longest ? blockText.replace(longest, ' ') : blockText).replace(squish(text(link)), ' ');
  const doi = doiOf(nodes, `${rest} ${longest}`);
  // A year inside the DOI (10.5555/ehl.2024.301) is no publication date.
  const line = doi ? rest.replace(doi, ' ') : rest;
  const ownDoi = doi !== undefined && hasOwnDoi(nodes, link, measure);
  const abstract = isAbstractLength(longest) ? longest : ownDoi && longest.length >= 60 ? longest : undefined;
  // Adjacent elements run together in textContent, so the abstract is tested on its own too.
  const signed = BIBLIOGRAPHIC_SIGN.test(blockText) || (abstract !== undefined && BIBLIOGRAPHIC_SIGN.test(abstract));
  if (!(abstract && signed) && !(ownDoi && hasYear(line))) return undefined;
  const authorNode = nodes.map((node) => find(node, '.author, .authors, [class*="author" i]')).find(Boolean);
  const authors = squish(text(authorNode));
  const chineseLine = parseIssueLine(line);
  return {
    title: text(link),
    abstract,
    doi,
    volume: /\bvol(?:ume)?\.?\s*(\d+)/i.exec(rest)?.[1],
    issue: /\b(?:no|issue)\.?\s*(\d+)/i.exec(rest)?.[1],
    pages: /\bpp?\.\s*(\d+\s*[-–]\s*\d+)/i.exec(rest)?.[1],
    date: chineseLine.date,
    // "2023, 44(5): 1-10" on Chinese sites, when it is there, says more than the Latin labels.
    ...(chineseLine.issue ? chineseLine : {}),
    authors: authors ? authors.split(/\s*[,，;；、]\s*|\s+(?:and|&)\s+/).filter(Boolean) : undefined,
    url: absoluteUrl(attr(link, 'href'), base),
  };
}

/** A link that prints an address or a DOI names no article by its title. */
const ADDRESS_LABEL = /^(?:https?:\/\/|www\.|doi:|10\.\d{4,9}\/)/i;

function hasYear(value: string): boolean {
  return /\b(?:19|20)\d{2}\b/.test(value);
}

export const genericList: Extractor = {
  id: 'list',
  hosts: [],
  seenOn: ['any site: repeated blocks with a title link, an abstract and a bibliographic line'],

  canExtract(doc, url) {
    return doc.body !== null && !isWebSearchEngine(url);
  },

  kind() {
    return 'list';
  },

  extract(doc, url) {
    const measure = new TextMeasure();
    // Groups nest (a page's blocks at each level around its links), so an element may be read
    // more than once. A page that nests its blocks without end (spliced into itself) is read
    // until that costs twice the whole page, then judged on what was read.
    let best: ExtractedItem[] = [];
    const groups = candidateGroups(doc, measure);
    // Measured only for a page with blocks to read: most pages have none.
    let budget = groups.length > 0 ? READ_BUDGET_PER_UNIT * readCost([doc.body!], measure) + READ_BUDGET_FLOOR : 0;
    for (const group of groups) {
      // A group that cannot beat the best one is not worth reading.
      if (group.blocks.size <= best.length) continue;
      const items: ExtractedItem[] = [];
      let read = 0;
      for (const block of group.blocks) {
        // The share of qualifying blocks is judged on what was read, up to the page's cap.
        if (items.length >= MAX_ITEMS_PER_PAGE) break;
        const nodes = recordNodes(block);
        budget -= readCost(nodes, measure);
        if (budget < 0) break;
        read++;
        const item = blockItem(nodes, url, measure);
        if (item) items.push(item);
      }
      if (items.length >= MIN_BLOCKS && items.length >= read * MIN_SHARE && items.length > best.length) best = items;
      if (budget < 0) break;
    }
    return best.map((item, index) => ({ ...item, position: index + 1 }));
  },
};
