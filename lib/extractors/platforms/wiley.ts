import { literatumExtractor } from '../shared/atypon';

/** Wiley Online Library (Atypon Literatum), society subdomains included (agupubs, besjournals, …). */
export const wiley = literatumExtractor({
  id: 'wiley',
  hosts: ['onlinelibrary.wiley.com'],
  seenOn: ['https://onlinelibrary.wiley.com/doi/10.1002/andp.19263851302', 'https://onlinelibrary.wiley.com/toc/15213889/1926/385/13'],
  marks: 'meta[name="citation_publisher"][content*="Wiley" i], meta[name="dc.Publisher"][content*="Wiley" i], a[href*="onlinelibrary.wiley.com"]',
});
