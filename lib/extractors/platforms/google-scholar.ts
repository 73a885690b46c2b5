import type { ExtractedItem } from '../../model/article';
import { absoluteUrl, attr, closest, find, findAll, squish, text, textWithout } from '../dom';
import type { Extractor } from '../types';
import { itemsOfRows } from '../shared/list-items';
import { innermost } from '../shared/list-rows';

/**
 * Google Scholar result lists (scholar.google.com and its country hosts). Each result shows a
 * title (with "[PDF]", "[HTML]", "[CITATION]" markers to drop), a grey line "authors - venue,
 * year - host", and a snippet. The snippet is a few matched lines, not the abstract, so it is
 * left out: taking it would pin a fragment to the article as if it were its abstract.
 */
function isScholarHost(url: URL): boolean {
  return /^scholar\.google\.[a-z.]+$/i.test(url.hostname);
}

/** "A Smith, B Jones… - Journal of X, 2019 - publisher.com" */
export function parseByline(line: string): Pick<ExtractedItem, 'authors' | 'containerTitle' | 'date'> {
  const parts = squish(line).split(/\s+[-‐–]\s+/);
  const authors = (parts[0] ?? '')
    .split(/\s*,\s*/)
    .map((name) => name.replace(/…$/, '').trim())
    .filter((name) => name && name !== '…');
  const venue = parts.length > 2 ? parts[1] : parts.length === 2 && /\d{4}/.test(parts[1]) ? parts[1] : '';
  // The year closes the venue ("arXiv preprint arXiv:1902.02534, 2019"): take the last one.
  const year = [...venue.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].at(-1)?.[0];
  const container = venue.replace(/,?\s*(?:19|20)\d{2}\s*$/, '').replace(/^…\s*/, '').trim();
  return { authors, containerTitle: container && !/^(?:19|20)\d{2}$/.test(container) ? container : undefined, date: year };
}

function resultItem(result: Element, base: URL, position: number): ExtractedItem | undefined {
  const heading = find(result, 'h3.gs_rt');
  const title = squish(textWithout(heading, '.gs_ctg2, .gs_ctc, .gs_ctu, .gs_ggs'));
  if (!title) return undefined;
  return {
    title,
    ...parseByline(text(find(result, '.gs_a'))),
    platformId: attr(result, 'data-cid') ?? attr(closest(result, '[data-cid]'), 'data-cid'),
    url: absoluteUrl(attr(find(heading, 'a[href]'), 'href'), base),
    position,
  };
}

export const googleScholar: Extractor = {
  id: 'scholar',
  hosts: ['scholar.google.com'],
  seenOn: ['https://scholar.google.com/scholar?q=open+citations'],

  canExtract(doc, url) {
    return isScholarHost(url) && find(doc, '.gs_r .gs_rt, .gs_ri .gs_rt') !== null;
  },

  kind() {
    return 'list';
  },

  extract(doc, url) {
    return itemsOfRows(innermost(findAll(doc, '.gs_r.gs_or, .gs_r:not(.gs_or) .gs_ri')), (result, position) => resultItem(result, url, position));
  },
};
