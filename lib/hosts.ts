/**
 * Journal hosts where capture runs by default, as match patterns for the content script: every
 * extractor's `hosts` (a test checks) and the publishers whose pages carry embedded metadata.
 * Qinyun/E-Tiller journals live on thousands of their own domains; the shared hosting domains
 * are listed here, and any other site can be captured by a click (activeTab) or by opting in to
 * all sites in the options.
 */
export const KNOWN_JOURNAL_HOSTS: readonly string[] = [
  // Chinese platforms
  'cnki.net',
  'cnki.com.cn',
  'wanfangdata.com.cn',
  'cqvip.com',
  // Qinyun / E-Tiller and MagTech shared hosting
  'ijournal.cn',
  'ijournals.cn',
  'cnjournals.com',
  'cnjournals.net',
  'cnjournals.org',
  'alljournal.com.cn',
  'alljournals.cn',
  'magtechjournal.com',
  'magtech.com.cn',
  // Indexes and preprints
  'pubmed.ncbi.nlm.nih.gov',
  'ncbi.nlm.nih.gov',
  'arxiv.org',
  'scholar.google.com',
  'xueshu.baidu.com',
  'scopus.com',
  'ssrn.com',
  'semanticscholar.org',
  'pmc.ncbi.nlm.nih.gov',
  'webofscience.com',
  'webofscience.clarivate.cn',
  // Large publishers
  'nature.com',
  'biomedcentral.com',
  'springer.com',
  'link.springer.com',
  'sciencedirect.com',
  'onlinelibrary.wiley.com',
  'tandfonline.com',
  'journals.sagepub.com',
  'academic.oup.com',
  'cambridge.org',
  'science.org',
  'cell.com',
  'thelancet.com',
  'nejm.org',
  'jamanetwork.com',
  'bmj.com',
  'plos.org',
  'frontiersin.org',
  'mdpi.com',
  'ieeexplore.ieee.org',
  'dl.acm.org',
  'pubs.acs.org',
  'iopscience.iop.org',
  'aip.scitation.org',
  'royalsocietypublishing.org',
  'elifesciences.org',
  'peerj.com',
  'hindawi.com',
  'biorxiv.org',
  'medrxiv.org',
];

/** Match patterns for a host and its subdomains (`*.` matches the bare host too), http and https. */
export function matchPatterns(hosts: readonly string[] = KNOWN_JOURNAL_HOSTS): string[] {
  return hosts.map((host) => `*://*.${host}/*`);
}

export function isKnownJournalHost(hostname: string, hosts: readonly string[] = KNOWN_JOURNAL_HOSTS): boolean {
  const name = hostname.toLowerCase();
  return hosts.some((host) => name === host || name.endsWith(`.${host}`));
}
