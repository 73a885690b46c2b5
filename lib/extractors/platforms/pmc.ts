import type { ExtractedItem } from '../../model/article';
import { attr, find, findAll, hostIs, metaValue, squish, text, textWithout } from '../dom';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * PubMed Central article pages (pmc.ncbi.nlm.nih.gov/articles/PMC…, formerly
 * www.ncbi.nlm.nih.gov/pmc/articles/PMC…). The citation_* tags hold no abstract and only the
 * first page: the abstract is the page's section.abstract (the description tag cut short
 * otherwise), keywords a "Keywords:" paragraph, the page range the citation line under the
 * banner ("2012 Nov 26;41(Database issue):D36–D42.").
 */
const PMCID = /\b(PMC\d{4,10})\b/;

function pmcidOf(value: string | undefined): string | undefined {
  return value ? PMCID.exec(value)?.[1] : undefined;
}

function articleUrl(pmcid: string): string {
  return `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`;
}

/** The first abstract section (not a graphical abstract or a lay summary), without its heading. */
function abstractOf(doc: Document): string | undefined {
  const sections = findAll(doc, 'section.abstract, div.abstract, #abstract-1');
  const node = sections.find((section) => !/graphical|lay summary|author summary/i.test(text(find(section, 'h2, h3')))) ?? sections[0];
  return node ? squish(textWithout(node, 'h2, h3, .kwd-group, section.kwd-group')) || undefined : undefined;
}

/** "Keywords: genome, sequence; database" → the keywords. */
function keywordsOf(doc: Document): string[] {
  const group = find(doc, 'section.kwd-group, div.kwd-group, .kwd-group');
  if (!group) return [];
  const value = squish(textWithout(group, 'strong, .kwd-title, h2, h3')).replace(/^key\s*words?\s*:?\s*/i, '');
  return value.split(/\s*[;,]\s*/).map((keyword) => keyword.replace(/\.$/, '')).filter(Boolean);
}

/** ":D36–D42." or ":1234-45." in the citation line under the banner. */
function pageRange(doc: Document): string | undefined {
  const line = squish(text(find(doc, '.pmc-layout__citation, .citation-default, .fm-vol-iss-date')));
  return /\)?:\s*([A-Za-z]?\d+[A-Za-z]?\s*[-–—]\s*[A-Za-z]?\d+[A-Za-z]?)\s*[.;]/.exec(line)?.[1];
}

function article(doc: Document, url: URL): ExtractedItem {
  const pmcid = pmcidOf(url.pathname) ?? pmcidOf(attr(find(doc, 'link[rel="canonical"]'), 'href'));
  const range = pageRange(doc);
  const item = withEmbeddedMetadata(doc, url, {
    abstract: abstractOf(doc) ?? metaValue(doc, 'description', 'og:description'),
    keywords: keywordsOf(doc),
    platformId: pmcid,
    url: pmcid ? articleUrl(pmcid) : undefined,
  });
  if (range) {
    // The printed range is the whole of what citation_firstpage begins.
    delete item.firstPage;
    delete item.lastPage;
    item.pages = range;
  }
  return item;
}

function isPmcPath(url: URL): boolean {
  return /\/(?:pmc\/)?articles\/PMC\d+/i.test(url.pathname);
}

export const pmc: Extractor = {
  id: 'pmc',
  hosts: ['pmc.ncbi.nlm.nih.gov'],
  seenOn: ['https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/'],

  canExtract(doc, url) {
    if (hostIs(url, 'ncbi.nlm.nih.gov') && isPmcPath(url)) return true;
    // Copies served elsewhere: PMC's own page tags.
    // Meta tags live in the head: no walk of the whole page for every page Simlit sees.
    return find(doc.head, 'meta[name="ncbi_db"][content="pmc"]') !== null && find(doc.head, 'meta[name="citation_title"]') !== null;
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const item = article(doc, url);
    return item.title || item.abstract || item.doi ? [item] : [];
  },
};
