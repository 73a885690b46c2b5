import type { ExtractedItem } from '../../model/article';
import { doiOfLink, hasCjk } from '../../text/clean';
import { absoluteUrl, attr, closest, find, findAll, squish, text } from '../dom';
import { isWebSearchEngine } from '../shared/search-engines';
import { parseIssueLine } from '../shared/citation-line';
import { looksLikeTitle } from '../shared/list-rows';
import { MAX_ITEMS_PER_PAGE } from '../limits';
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

const BIBLIOGRAPHIC_SIGN =
  /10\.\d{4,9}\/\S|(?:^|[\s【\[])(?:摘\s*要|关键词|abstract|keywords?)\s*[:：】\]]|(?:19|20)\d{2}\s*[,，]\s*\d+\s*[(（]\s*\d+|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+\s*[-–]|\[J\]|第\s*\d+\s*卷|第\s*\d+\s*期/i;

/** Enough text to be an abstract: about 40 words, or 80 Chinese characters. */
function isAbstractLength(value: string): boolean {
  return hasCjk(value) ? value.length >= 80 : value.length >= 250;
}

function signature(node: Element): string {
  return `${node.tagName}.${node.getAttribute('class') ?? ''}`;
}

interface Group {
  blocks: Set<Element>;
}

/** Candidate groups: for each title-like link, its ancestors that repeat under one parent. */
function candidateGroups(doc: Document): Group[] {
  const byParent = new Map<Element, Map<string, Group>>();
  const links = findAll(doc.body, 'a[href]') ?? [];
  for (let i = 0; i < links.length && i < MAX_LINKS; i++) {
    const link = links[i];
    const label = link.textContent ?? '';
    if (label.length < 10 || label.length > 600 || !looksLikeTitle(label)) continue;
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

/** The longest text in the record outside its title link, with how much of it is link text. */
function longestText(nodes: readonly Element[], link: Element): string {
  let best = '';
  for (const root of nodes) {
    for (const node of [root, ...findAll(root, 'p, div, span, dd, td, blockquote, section')]) {
      if (node.contains(link) || closest(node, 'a')) continue;
      const value = squish(text(node));
      if (value.length <= best.length) continue;
      const linkText = [...findAll(node, 'a')].reduce((sum, a) => sum + (a.textContent?.length ?? 0), 0);
      if (linkText > value.length * 0.3) continue;
      best = value;
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

/**
 * Whether the record gives a DOI as a field of its own: its title links to doi.org, or a cell, a
 * line or a link says nothing but the DOI. A DOI quoted in running text (a blog teaser, a news
 * item) is no sign that the record is an article.
 */
function hasOwnDoi(nodes: readonly Element[], link: Element): boolean {
  if (/doi\.org\/10\./i.test(link.getAttribute('href') ?? '')) return true;
  return nodes.some((node) => [node, ...findAll(node, 'td, span, a, p, div, dd, li, small')].some((el) => LONE_DOI.test(squish(text(el)))));
}

/**
 * One record of a group, or undefined when it does not read as an article: a title link, and
 * either an abstract-length text with a bibliographic sign, or a DOI with a shorter snippet or
 * none (tables and card grids of references print title, authors, year and DOI only).
 */
function blockItem(block: Element, base: URL): ExtractedItem | undefined {
  const nodes = recordNodes(block);
  let link: Element | undefined;
  for (const node of nodes) {
    link = [...findAll(node, 'a[href]')].find((a) => {
      const label = squish(text(a));
      return label.length >= 10 && looksLikeTitle(label) && !ADDRESS_LABEL.test(label);
    });
    if (link) break;
  }
  if (!link) return undefined;
  const longest = longestText(nodes, link);
  const blockText = squish(nodes.map(spacedText).join(' '));
  const rest = (longest ? blockText.replace(longest, ' ') : blockText).replace(squish(text(link)), ' ');
  const doi = doiOf(nodes, `${rest} ${longest}`);
  // A year inside the DOI (10.5555/ehl.2024.301) is no publication date.
  const line = doi ? rest.replace(doi, ' ') : rest;
  const ownDoi = doi !== undefined && hasOwnDoi(nodes, link);
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
    let best: ExtractedItem[] = [];
    for (const group of candidateGroups(doc)) {
      // A group that cannot beat the best one is not worth reading.
      if (group.blocks.size <= best.length) continue;
      const items: ExtractedItem[] = [];
      let read = 0;
      for (const block of group.blocks) {
        // The share of qualifying blocks is judged on what was read, up to the page's cap.
        if (items.length >= MAX_ITEMS_PER_PAGE) break;
        read++;
        const item = blockItem(block, url);
        if (item) items.push(item);
      }
      if (items.length >= MIN_BLOCKS && items.length >= read * MIN_SHARE && items.length > best.length) best = items;
    }
    return best.map((item, index) => ({ ...item, position: index + 1 }));
  },
};
