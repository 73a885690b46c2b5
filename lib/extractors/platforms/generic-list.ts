import type { ExtractedItem } from '../../model/article';
import { hasCjk } from '../../text/clean';
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

/** The longest text in the block outside its title link, when it reads like an abstract. */
function abstractOf(block: Element, link: Element): string | undefined {
  let best = '';
  for (const node of findAll(block, 'p, div, span, dd, td, blockquote, section')) {
    if (node.contains(link) || closest(node, 'a')) continue;
    const value = squish(text(node));
    if (value.length <= best.length) continue;
    const linkText = [...findAll(node, 'a')].reduce((sum, a) => sum + (a.textContent?.length ?? 0), 0);
    if (linkText > value.length * 0.3) continue;
    best = value;
  }
  return isAbstractLength(best) ? best : undefined;
}

function blockItem(block: Element, base: URL): ExtractedItem | undefined {
  const link = [...findAll(block, 'a[href]')].find((a) => {
    const label = squish(text(a));
    return label.length >= 10 && looksLikeTitle(label);
  });
  if (!link) return undefined;
  const abstract = abstractOf(block, link);
  const blockText = squish(text(block));
  // Adjacent elements run together in textContent, so the abstract is tested on its own too.
  if (!abstract || !(BIBLIOGRAPHIC_SIGN.test(blockText) || BIBLIOGRAPHIC_SIGN.test(abstract))) return undefined;
  const authors = squish(text(find(block, '.author, .authors, [class*="author" i]')));
  const rest = blockText.replace(abstract, ' ');
  const chineseLine = parseIssueLine(rest);
  return {
    title: text(link),
    abstract,
    doi: /\b10\.\d{4,9}\/[^\s"'<>，。；]+/.exec(rest)?.[0],
    volume: /\bvol(?:ume)?\.?\s*(\d+)/i.exec(rest)?.[1],
    issue: /\b(?:no|issue)\.?\s*(\d+)/i.exec(rest)?.[1],
    pages: /\bpp?\.\s*(\d+\s*[-–]\s*\d+)/i.exec(rest)?.[1],
    // "2023, 44(5): 1-10" on Chinese sites, when it is there, says more than the Latin labels.
    ...(chineseLine.issue ? chineseLine : {}),
    authors: authors ? authors.split(/\s*[,，;；、]\s*/) : undefined,
    url: absoluteUrl(attr(link, 'href'), base),
  };
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
