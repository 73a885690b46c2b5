import type { ExtractedItem } from '../../model/article';
import { find, findAll, hostIs, queryParam, squish, text, textWithout } from '../dom';
import type { Extractor } from '../types';
import { withEmbeddedMetadata } from './embedded-metadata';

/**
 * SSRN abstract pages (papers.ssrn.com/sol3/papers.cfm?abstract_id=N, ssrn.com/abstract=N).
 * The citation_* tags name the paper; the page shows the abstract (div.abstract-text under an
 * "Abstract" heading), a "Keywords:" line, the posting date and the SSRN DOI (10.2139/ssrn.N).
 * SSRN papers are working papers and preprints: CSL `article`, as arXiv's are.
 */
const HOSTS = ['ssrn.com'];

function ssrnId(url: URL): string | undefined {
  return queryParam(url.href, 'abstract_id', url) ?? queryParam(url.href, 'abstractid', url) ?? /\/abstract=(\d+)/i.exec(url.pathname)?.[1];
}

function abstractUrl(id: string): string {
  return `https://papers.ssrn.com/sol3/papers.cfm?abstract_id=${id}`;
}

/** "Keywords: a, b; c" in the paragraph that starts with it. */
function keywordsOf(doc: Document): string[] {
  for (const p of findAll(doc, '.box-abstract-main p, .abstract-text ~ p, p')) {
    const label = squish(text(find(p, 'strong, b')));
    if (!/^key\s*words?\s*:?$/i.test(label)) continue;
    return squish(textWithout(p, 'strong, b')).replace(/^:\s*/, '').split(/\s*[,;]\s*/).map((k) => k.replace(/\.$/, '')).filter(Boolean);
  }
  return [];
}

/** "Posted: 15 Mar 2019" on the page's note line. */
function postedDate(doc: Document): string | undefined {
  for (const span of findAll(doc, '.note-list span, p.note span')) {
    const match = /^posted:\s*(.+)$/i.exec(squish(text(span)));
    if (match) return match[1];
  }
  return undefined;
}

function paper(doc: Document, url: URL): ExtractedItem {
  const id = ssrnId(url);
  const abstract = find(doc, 'div.abstract-text');
  const doiLink = findAll(doc, 'a[href*="10.2139/ssrn."]')[0];
  const item = withEmbeddedMetadata(doc, url, {
    title: squish(text(find(doc, '.box-abstract-main h1, h1'))) || undefined,
    authors: findAll(doc, '.box-abstract-main .authors h2 a, .authors h2 a').map((a) => squish(text(a))).filter(Boolean),
    abstract: abstract ? squish(textWithout(abstract, 'h2, h3')) || undefined : undefined,
    keywords: keywordsOf(doc),
    date: postedDate(doc),
    doi: /10\.2139\/ssrn\.\d+/i.exec(doiLink?.getAttribute('href') ?? '')?.[0] ?? (id ? `10.2139/ssrn.${id}` : undefined),
    platformId: id,
    url: id ? abstractUrl(id) : undefined,
  });
  return { ...item, containerTitle: item.containerTitle ?? 'SSRN', type: 'article' };
}

export const ssrn: Extractor = {
  id: 'ssrn',
  hosts: HOSTS,
  seenOn: ['https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3270329'],

  canExtract(doc, url) {
    if (hostIs(url, ...HOSTS)) return ssrnId(url) !== undefined;
    // Copies served elsewhere: SSRN's abstract box and its own DOI prefix.
    return find(doc, '.box-abstract-main div.abstract-text') !== null;
  },

  kind() {
    return 'article';
  },

  extract(doc, url) {
    const item = paper(doc, url);
    return item.title || item.abstract ? [item] : [];
  },
};
