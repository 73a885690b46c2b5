import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, find, findAll, firstText, hostIs, squish, text, textWithout } from '../dom';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';
import { itemsOfRows } from '../shared/list-items';
import { innermost } from '../shared/list-rows';

/**
 * PubMed. The current site (pubmed.ncbi.nlm.nih.gov): article pages with their "Similar
 * articles" list, and search results (the same "docsum" blocks). The 2015 site
 * (www.ncbi.nlm.nih.gov/pubmed/ID): article pages without citation_* tags (div.rprt.abstract)
 * and result lists (div.rprt).
 */
interface CitationLine {
  containerTitle?: string;
  date?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
}

/** "Psychoneuroendocrinology. 2015 Jun;56:120-31. doi: 10.1016/j.x. Epub 2015 Mar 12." */
export function parseCitationLine(line: string): CitationLine {
  const value = squish(line);
  const doi = /\bdoi:\s*(10\.\d{4,9}\/\S+?)\.?(?=\s|$)/i.exec(value)?.[1];
  const match = /^(?:(.+?)\.\s+)?((?:19|20)\d{2}(?:\s+[A-Za-z]{3}(?:-[A-Za-z]{3})?)?(?:\s+\d{1,2})?)\s*(?:;\s*([^(:;.\s]+)?\s*(?:\(([^)]+)\))?\s*(?::\s*([\w-]+))?)?/.exec(value);
  if (!match) return { doi };
  return { containerTitle: match[1], date: match[2], volume: match[3], issue: match[4], pages: match[5], doi };
}

function pmidFromHref(href: string | undefined): string | undefined {
  return href ? /(?:^|\/)(\d{5,9})\/?(?:[?#]|$)/.exec(href)?.[1] : undefined;
}

function articleUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}

/** A "docsum" block: search results and the similar-articles list of the current site. */
function docsumItem(node: Element, base: URL, position: number): ExtractedItem | undefined {
  const link = find(node, 'a.docsum-title');
  if (!link) return undefined;
  const pmid = attr(link, 'data-article-id') || squish(text(find(node, '.docsum-pmid'))) || pmidFromHref(attr(link, 'href'));
  const citation = parseCitationLine(text(find(node, '.full-journal-citation, .docsum-journal-citation')));
  const authors = squish(text(find(node, '.full-authors, .docsum-authors')));
  return {
    title: text(link),
    authors: authors ? authors.replace(/\.$/, '').split(/\s*,\s*/) : [],
    ...citation,
    platformId: pmid || undefined,
    url: pmid ? articleUrl(pmid) : absoluteUrl(attr(link, 'href'), base),
    position,
  };
}

function docsumItems(nodes: readonly Element[], base: URL): ExtractedItem[] {
  return itemsOfRows(innermost(nodes), (node, position) => docsumItem(node, base, position));
}

/** Keywords printed as a "Keywords:" paragraph in the abstract section. */
function keywordParagraph(root: ParentNode): string[] {
  for (const p of findAll(root, '#abstract p, .keywords p, .keywords')) {
    const value = squish(text(p));
    if (/^keywords?\s*:/i.test(value)) return value.replace(/^keywords?\s*:\s*/i, '').replace(/\.$/, '').split(/\s*;\s*/);
  }
  return [];
}

function currentArticle(doc: Document, url: URL): ExtractedItem {
  const pmid = squish(firstText(doc, '#full-view-identifiers .current-id, .current-id')) || pmidFromHref(url.pathname);
  const abstractNode = find(doc, '#eng-abstract, #abstract .abstract-content.selected, #abstract .abstract-content');
  const doiLink = find(doc, '#full-view-identifiers a.id-link[href*="doi.org"], .identifier.doi a');
  const journal = find(doc, '#full-view-journal-trigger');
  const citation = parseCitationLine(`x. ${text(find(doc, '#full-view-heading .cit, .article-source .cit'))}`);
  const authorLinks = findAll(find(doc, '#full-view-heading .authors-list, .authors-list'), 'a.full-name');
  const item: ExtractedItem = {
    title: firstText(doc, '#full-view-heading h1.heading-title', 'h1.heading-title'),
    authors: [...authorLinks].map((a) => text(a)),
    containerTitle: attr(journal, 'title') ?? text(journal),
    date: citation.date,
    volume: citation.volume,
    issue: citation.issue,
    pages: citation.pages,
    doi: text(doiLink) || citation.doi,
    abstract: textWithout(abstractNode, '.copyright, p.copyright, strong.sub-title + .keywords'),
    keywords: keywordParagraph(doc),
    platformId: pmid,
    url: pmid ? articleUrl(pmid) : url.href,
  };
  return withEmbeddedMetadata(doc, url, item);
}

/** The abstract paragraphs of the 2015 layout, without the copyright line. */
function legacyAbstract(node: Element | null): string | undefined {
  if (!node) return undefined;
  const paragraphs = [...findAll(node, 'p')].map((p) => squish(text(p))).filter((p) => p && !/^(?:copyright|©)/i.test(p));
  return paragraphs.length ? paragraphs.join(' ') : squish(textWithout(node, 'h3'));
}

function legacyArticle(doc: Document, url: URL): ExtractedItem {
  const report = find(doc, '.rprt.abstract') as Element;
  const citationNode = find(report, '.cit');
  const citation = parseCitationLine(text(citationNode));
  const journal = find(citationNode, 'a[alsec="jour"], a');
  const pmid = squish(text(find(report, '.rprtid dd'))) || pmidFromHref(url.pathname);
  return {
    title: text(find(report, 'h1')),
    authors: [...findAll(report, '.auths a')].map((a) => text(a)),
    ...citation,
    containerTitle: (attr(journal, 'title') ?? citation.containerTitle)?.replace(/\.$/, ''),
    abstract: legacyAbstract(find(report, '.abstr')),
    keywords: keywordParagraph(report),
    platformId: pmid,
    url: pmid ? articleUrl(pmid) : url.href,
  };
}

/** Result list of the 2015 layout: div.rprt blocks with p.title, p.desc (authors), p.details. */
function legacyResults(doc: Document, base: URL): ExtractedItem[] {
  return itemsOfRows(innermost(findAll(doc, 'div.rprt')), (block, position) => {
    const link = find(block, 'p.title a');
    if (!link) return undefined;
    const pmid = squish(text(find(block, '.rprtid dd'))) || pmidFromHref(attr(link, 'href'));
    const authors = squish(text(find(block, 'p.desc'))).replace(/\.$/, '');
    return {
      title: text(link),
      authors: authors ? authors.split(/\s*,\s*/) : [],
      ...parseCitationLine(text(find(block, 'p.details'))),
      platformId: pmid || undefined,
      url: pmid ? articleUrl(pmid) : absoluteUrl(attr(link, 'href'), base),
      position,
    };
  });
}

const SIMILAR = '#similar .articles-list .full-docsum, #similar-articles-list .full-docsum, .similar-articles .full-docsum';
const RESULTS = '.search-results-chunk .full-docsum, .search-results .full-docsum';

function isArticle(doc: Document): boolean {
  return find(doc, '#full-view-heading, .rprt.abstract') !== null;
}

export const pubmed: Extractor = {
  id: 'pubmed',
  hosts: ['pubmed.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov'],
  seenOn: [
    'https://pubmed.ncbi.nlm.nih.gov/25817406/',
    'https://pubmed.ncbi.nlm.nih.gov/?term=cortisol+fatigue',
    'http://www.ncbi.nlm.nih.gov/pubmed/25817406',
  ],

  canExtract(_doc, url) {
    return hostIs(url, 'pubmed.ncbi.nlm.nih.gov') || (hostIs(url, 'ncbi.nlm.nih.gov') && /^\/pubmed\b/i.test(url.pathname));
  },

  kind(doc) {
    return isArticle(doc) ? 'article' : 'list';
  },

  extract(doc, url) {
    if (find(doc, '#full-view-heading')) {
      // The article first, then its similar articles with their list positions.
      return [currentArticle(doc, url), ...docsumItems(findAll(doc, SIMILAR), url)];
    }
    if (find(doc, '.rprt.abstract')) return [legacyArticle(doc, url)];
    const current = docsumItems(findAll(doc, RESULTS), url);
    return current.length ? current : legacyResults(doc, url);
  },
};
