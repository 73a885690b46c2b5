import type { ExtractedItem } from '../../model/article';
import { attr, find, findAll, firstText, hostIs, squish, text, textWithout } from '../dom';
import { fillMissing } from '../shared/merge';
import type { Extractor } from '../types';
import { readEmbeddedArticle } from './embedded-metadata';
import { itemsOfRows } from '../shared/list-items';
import { innermost } from '../shared/list-rows';

/**
 * arXiv. Abstract pages (/abs/ID: citation_* tags plus the page), listing pages (/list/...:
 * dt/dd pairs, with abstracts on "new" listings) and search results (arxiv.org/search:
 * li.arxiv-result). Every arXiv id has a DataCite DOI, 10.48550/arXiv.ID.
 */
const ID = /(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/i;

function arxivId(value: string | undefined): string | undefined {
  return value ? ID.exec(value)?.[1] : undefined;
}

function absUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

function doiOf(id: string): string {
  return `10.48550/arXiv.${id}`;
}

/** A list entry: what the list shows plus what every arXiv id implies. */
function preprint(id: string, position: number, shown: ExtractedItem): ExtractedItem {
  return { ...shown, containerTitle: 'arXiv', doi: doiOf(id), platformId: id, url: absUrl(id), type: 'article', position };
}

/** Drops the "Title:", "Authors:", "Abstract:" descriptors arXiv prints inside the fields. */
const DESCRIPTOR = '.descriptor, .search-hit-descriptor, script, style, a.is-size-7';

function absPage(doc: Document, url: URL): ExtractedItem {
  const id = arxivId(attr(find(doc, 'meta[name="citation_arxiv_id"]'), 'content')) ?? arxivId(url.pathname);
  const dom: ExtractedItem = {
    title: textWithout(find(doc, '#abs h1.title, h1.title'), DESCRIPTOR),
    authors: [...findAll(doc, '#abs .authors a, .authors a')].map((a) => text(a)),
    abstract: textWithout(find(doc, '#abs blockquote.abstract, blockquote.abstract'), DESCRIPTOR),
    date: firstText(doc, '.submission-history', '.dateline'),
  };
  const meta = readEmbeddedArticle(doc, url);
  // The first submission date is the one readers cite; citation_date holds it, the dateline may not.
  const item = fillMissing({ ...dom, date: meta?.date ?? dom.date }, meta);
  return {
    ...item,
    containerTitle: item.containerTitle ?? 'arXiv',
    doi: item.doi ?? (id ? doiOf(id) : undefined),
    platformId: id,
    url: id ? absUrl(id) : url.href,
    type: 'article',
  };
}

/** /list/ pages: each dt holds the id link, the dd after it the title, authors and abstract. */
function listing(doc: Document): ExtractedItem[] {
  return itemsOfRows(innermost(findAll(doc, 'dl dt'), (dt) => [dt, dt.nextElementSibling]), (dt, position) => {
    const dd = dt.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') return undefined;
    const idLink = find(dt, 'a[href*="/abs/"]');
    const id = arxivId(attr(idLink, 'href'));
    const title = squish(textWithout(find(dd, '.list-title'), DESCRIPTOR));
    if (!id || !title) return undefined;
    return preprint(id, position, {
      title,
      authors: findAll(dd, '.list-authors a').map((a) => text(a)),
      abstract: textWithout(find(dd, 'p.mathjax, .abstract'), DESCRIPTOR) || undefined,
    });
  });
}

/**
 * "Submitted 21 June, 2019; v1 submitted 7 February, 2019; originally announced February 2019.":
 * the first version's date is the one readers cite.
 */
function firstSubmission(line: string): string | undefined {
  const value = squish(line);
  return /\bv1 submitted\s+([^;]+)/i.exec(value)?.[1] ?? /\bSubmitted\s+([^;]+)/i.exec(value)?.[1];
}

/** arxiv.org/search results: the full abstract is on the page, hidden behind "More". */
function searchResults(doc: Document): ExtractedItem[] {
  return itemsOfRows(innermost(findAll(doc, 'li.arxiv-result')), (result, position) => {
    const id = arxivId(attr(find(result, '.list-title a[href*="/abs/"]'), 'href'));
    const title = squish(textWithout(find(result, 'p.title'), DESCRIPTOR));
    if (!id || !title) return undefined;
    const full = find(result, '.abstract-full');
    const abstract = full ? textWithout(full, 'a, .is-size-7') : textWithout(find(result, 'p.abstract'), `${DESCRIPTOR}, a, .abstract-short`);
    return preprint(id, position, {
      title,
      authors: findAll(result, 'p.authors a').map((a) => text(a)),
      abstract,
      date: firstSubmission(text(find(result, 'p.is-size-7'))),
    });
  });
}

export const arxiv: Extractor = {
  id: 'arxiv',
  hosts: ['arxiv.org'],
  seenOn: ['https://arxiv.org/abs/1902.02534', 'https://arxiv.org/list/cs.DL/new', 'https://arxiv.org/search/?query=open+citations&searchtype=all'],

  canExtract(_doc, url) {
    return hostIs(url, 'arxiv.org') && /^\/(?:abs|list|search)\//i.test(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
  },

  kind(_doc, url) {
    return url.pathname.startsWith('/abs/') ? 'article' : 'list';
  },

  extract(doc, url) {
    if (url.pathname.startsWith('/abs/')) return [absPage(doc, url)];
    if (url.pathname.startsWith('/list/')) return listing(doc);
    return searchResults(doc);
  },
};
