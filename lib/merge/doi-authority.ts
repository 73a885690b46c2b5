/**
 * Which pages may speak for a DOI. A DOI's prefix names its registrant; the registrant's own
 * site, the resolver, and the platforms that list the article under their own id are believed
 * about it. Any other page claiming the DOI is believed to mean that article (the records are
 * linked) but not about what it says of it.
 *
 * The publisher table covers the publishers whose sites Simlit captures by default
 * (lib/hosts.ts); a prefix not in it has no publisher host, and its articles are refined only
 * by their home site and the listing platforms. Only https pages count: over plain http anyone
 * on the network path can write the page.
 */
import type { Article } from '../model/article';
import { isKnownJournalHost } from '../hosts';

/** DOI prefix → the registrant's hosts (a host covers its subdomains). */
export const PUBLISHER_HOSTS: Readonly<Record<string, readonly string[]>> = {
  '10.1001': ['jamanetwork.com'],
  '10.1002': ['onlinelibrary.wiley.com'],
  '10.1007': ['springer.com'],
  '10.1016': ['sciencedirect.com', 'cell.com', 'thelancet.com'],
  '10.1017': ['cambridge.org'],
  '10.1021': ['pubs.acs.org'],
  '10.1038': ['nature.com'],
  '10.1056': ['nejm.org'],
  '10.1063': ['aip.scitation.org', 'pubs.aip.org'],
  '10.1073': ['pnas.org'],
  '10.1080': ['tandfonline.com'],
  '10.1088': ['iopscience.iop.org'],
  '10.1093': ['academic.oup.com'],
  '10.1098': ['royalsocietypublishing.org'],
  '10.1101': ['biorxiv.org', 'medrxiv.org'],
  '10.1109': ['ieeexplore.ieee.org'],
  '10.1111': ['onlinelibrary.wiley.com'],
  '10.1126': ['science.org'],
  '10.1136': ['bmj.com'],
  '10.1145': ['dl.acm.org'],
  '10.1155': ['hindawi.com'],
  '10.1177': ['journals.sagepub.com'],
  '10.1186': ['biomedcentral.com', 'springer.com'],
  '10.1371': ['plos.org'],
  '10.3389': ['frontiersin.org'],
  '10.3390': ['mdpi.com'],
  '10.48550': ['arxiv.org'],
  '10.7554': ['elifesciences.org'],
  '10.7717': ['peerj.com'],
};

/** The DOI resolver: a page there is the registration agency's own record. */
const RESOLVER_HOSTS = ['doi.org'];

/**
 * Platforms that list articles of many publishers, each under its own id (extractor id → its
 * hosts). A record from such a platform's page that carries the platform's id for the article
 * (`pubmed:25817406`) is the platform's listing of it, DOI included.
 */
export const LISTING_PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  pubmed: ['pubmed.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov'],
  cnki: ['cnki.net', 'cnki.com.cn'],
  wanfang: ['wanfangdata.com.cn'],
  cqvip: ['cqvip.com'],
  arxiv: ['arxiv.org'],
};

function doiPrefix(doi: string): string {
  return doi.slice(0, doi.indexOf('/'));
}

/**
 * Whether the page that yielded `record` speaks for the record's DOI: https, and its host is the
 * DOI's publisher, the resolver, or a listing platform whose id the record carries.
 */
export function speaksForDoi(pageUrl: string, record: Pick<Article, 'DOI' | 'platform' | 'ids'>): boolean {
  if (!record.DOI) return false;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname;
  if (isKnownJournalHost(host, RESOLVER_HOSTS)) return true;
  const publisher = PUBLISHER_HOSTS[doiPrefix(record.DOI)];
  if (publisher && isKnownJournalHost(host, publisher)) return true;
  const listing = LISTING_PLATFORMS[record.platform];
  return Boolean(listing && isKnownJournalHost(host, listing) && record.ids.some((id) => id.startsWith(`${record.platform}:`)));
}
