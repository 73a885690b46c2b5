import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, closest, find, findAll, hostIs, metaIndex, squish, type MetaIndex } from '../dom';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * bioRxiv and medRxiv preprint pages (/content/10.1101/2020.03.22.002386v3, .abstract, .full),
 * both Highwire sites. Their citation_abstract holds escaped HTML with an "ABSTRACT" heading,
 * citation_firstpage repeats the preprint's id, and citation_publication_date is often only the
 * year's first day: the page's abstract section, DC.Date (the posting date) and the DOI say it
 * right. A preprint is CSL `article`, as arXiv's are.
 */
const HOSTS = ['biorxiv.org', 'medrxiv.org'];

/** Reference marks in the abstract ("disruption<sup>1,2</sup>") are links, not text. */
function isReferenceMark(element: Element): boolean {
  if (element.localName === 'a') return element.classList.contains('xref-bibr');
  return element.localName === 'sup' && find(element, 'a.xref-bibr') !== null && !squish(element.textContent).replace(/[\d,\s–-]/g, '');
}

/** The abstract section's text without its heading and reference marks. */
function abstractText(section: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (/^h[1-6]$/.test(element.localName) || isReferenceMark(element)) continue;
        // Paragraphs are separate sentences: keep a space between them.
        walk(element);
        if (element.localName === 'p') parts.push(' ');
      }
    }
  };
  walk(section);
  return squish(parts.join(''));
}

function abstractOf(doc: Document): string | undefined {
  const section = findAll(doc, 'div.section.abstract, div.abstract').find((node) => !closest(node, '#ref-list-1, .ref-list'));
  return section ? abstractText(section) || undefined : undefined;
}

/** "10.1101/2020.03.22.002386" from the DOI tag, or the page's address. */
function doiOf(meta: MetaIndex, url: URL): string | undefined {
  return meta.get('citation_doi')?.[0] ?? meta.get('dc.identifier')?.[0] ?? /\/content\/(10\.1101\/[\d.]+)/.exec(url.pathname)?.[1];
}

function preprint(doc: Document, url: URL): ExtractedItem {
  // One pass over the meta tags (a preprint page has hundreds: every author's institutions).
  const tags = metaIndex(doc);
  const doi = doiOf(tags, url);
  const canonical = absoluteUrl(attr(find(doc, 'link[rel="canonical"]'), 'href'), url);
  // citation_firstpage holds the preprint's id, which normalization drops as no page (lib/text/pages.ts).
  const item = withEmbeddedMetadata(doc, url, {
    title: squish(find(doc, 'h1#page-title, h1.highwire-cite-title')?.textContent) || undefined,
    abstract: abstractOf(doc),
    date: tags.get('dc.date')?.[0] ?? tags.get('article:published_time')?.[0],
    containerTitle: hostIs(url, 'medrxiv.org') ? 'medRxiv' : hostIs(url, 'biorxiv.org') ? 'bioRxiv' : undefined,
    doi,
    platformId: doi,
    url: canonical ?? url.href.replace(/\.(?:abstract|full|full-text|article-info|article-metrics)$/, ''),
  });
  return { ...item, type: 'article' };
}

function isPreprintPage(doc: Document): boolean {
  // Meta tags live in the head: no walk of the whole page for every page Simlit sees.
  return find(doc.head, 'meta[name="HW.pisa"][content^="biorxiv;"], meta[name="HW.pisa"][content^="medrxiv;"]') !== null;
}

export const biorxiv: Extractor = {
  id: 'biorxiv',
  hosts: HOSTS,
  seenOn: ['https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3', 'https://www.medrxiv.org/content/10.1101/2020.02.27.20028647v2'],

  canExtract(doc, url) {
    if (hostIs(url, ...HOSTS)) return /^\/content\/10\.1101\//.test(url.pathname);
    // Copies served elsewhere: the Highwire site tag names the server.
    return isPreprintPage(doc);
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const item = preprint(doc, url);
    return item.title || item.abstract || item.doi ? [item] : [];
  },
};
