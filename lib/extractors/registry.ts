import type { PageExtraction } from '../model/article';
import { resolveProxy, withPublisherUrls } from '../urls/proxy';
import { arxiv } from './platforms/arxiv';
import { baiduScholar } from './platforms/baidu-scholar';
import { cnki } from './platforms/cnki';
import { embeddedMetadata } from './platforms/embedded-metadata';
import { cqvip } from './platforms/cqvip';
import { frontiers } from './platforms/frontiers';
import { genericList } from './platforms/generic-list';
import { googleScholar } from './platforms/google-scholar';
import { loneDoi } from './platforms/lone-doi';
import { magtech } from './platforms/magtech';
import { pubmed } from './platforms/pubmed';
import { qinyun } from './platforms/qinyun';
import { wanfang } from './platforms/wanfang';
import { springer } from './platforms/springer';
import { nature } from './platforms/nature';
import { wiley } from './platforms/wiley';
import { tandfonline } from './platforms/tandfonline';
import { sage } from './platforms/sage';
import { acs } from './platforms/acs';
import { acm } from './platforms/acm';
import { mdpi } from './platforms/mdpi';
import { ojs } from './platforms/ojs';
import { MAX_ITEMS_PER_PAGE } from './limits';
import { publisherView } from './proxied-page';
import { resetSelectorCache } from './selector';
import { sciencedirect } from './platforms/sciencedirect';
import { scopus } from './platforms/scopus';
import { ssrn } from './platforms/ssrn';
import { ieeeXplore } from './platforms/ieee-xplore';
import { semanticScholar } from './platforms/semantic-scholar';
import { biorxiv } from './platforms/biorxiv';
import { pmc } from './platforms/pmc';
import { webOfScience } from './platforms/web-of-science';
import type { Extractor } from './types';

/**
 * Extractors in the order they are tried: platforms recognised by host or page markers first,
 * then the embedded-metadata reader behind them, then a page's lone DOI, and the generic list
 * extractor last. The first that yields items wins; one that throws is skipped.
 */
export const EXTRACTORS: readonly Extractor[] = [
  // Recognised by host, or by markup only they carry (mirrors, library portals): the page layouts
  // of one site. The Chinese platforms come first: their markup is tested off their hosts too.
  cnki,
  wanfang,
  cqvip,
  baiduScholar,
  pubmed,
  arxiv,
  googleScholar,
  // Indexes, preprint servers and publishers' own platforms, by host or by markup only they carry.
  sciencedirect,
  webOfScience,
  pmc,
  biorxiv,
  semanticScholar,
  ieeeXplore,
  ssrn,
  scopus,
  // Recognised by page markers on the journals' own domains.
  qinyun,
  magtech,
  // International publishers (hosts, or their markup on mirrors and proxies), then Open Journal
  // Systems journals, recognised by markup on their own domains.
  springer,
  nature,
  wiley,
  tandfonline,
  sage,
  acs,
  acm,
  mdpi,
  frontiers,
  ojs,
  // Any scholarly page: embedded metadata, then a lone DOI, then repeated article blocks.
  embeddedMetadata,
  loneDoi,
  genericList,
];

export { MAX_ITEMS_PER_PAGE };

export interface ExtractionResult extends PageExtraction {
  /** Extractors that threw, with their message: reported, never fatal. */
  errors: { extractor: string; message: string }[];
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export function extractPage(doc: Document, pageUrl: string, extractors: readonly Extractor[] = EXTRACTORS): ExtractionResult {
  const errors: ExtractionResult['errors'] = [];
  // The page may have changed since the last run (content scripts run again on mutations).
  resetSelectorCache();
  // Through a campus proxy, extractors read the publisher's page at the publisher's address, and
  // the links they return come back to it.
  const page = resolveProxy(pageUrl);
  let url: URL;
  try {
    url = new URL(page.proper);
  } catch {
    return { platform: '', kind: 'article', items: [], errors: [{ extractor: 'registry', message: `not a URL: ${pageUrl.slice(0, 200)}` }] };
  }
  if (page.via) doc = publisherView(doc, pageUrl);
  for (const extractor of extractors) {
    try {
      if (!extractor.canExtract(doc, url)) continue;
      const found = extractor.extract(doc, url);
      if (!Array.isArray(found) || found.length === 0) continue;
      const items = withPublisherUrls(found.slice(0, MAX_ITEMS_PER_PAGE), page);
      return { platform: extractor.id, kind: extractor.kind(doc, url, items), items, errors };
    } catch (error) {
      errors.push({ extractor: extractor.id, message: message(error) });
    }
  }
  return { platform: '', kind: 'article', items: [], errors };
}
