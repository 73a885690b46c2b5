import { literatumExtractor } from '../shared/atypon';

/** ACM Digital Library (Atypon Literatum): proceedings and journal tables of contents, search results. */
export const acm = literatumExtractor({
  id: 'acm',
  hosts: ['dl.acm.org'],
  seenOn: ['https://dl.acm.org/doi/10.1145/3313831.3376727', 'https://dl.acm.org/action/doSearch?AllField=similarity'],
  marks: 'meta[name="dc.Publisher"][content*="Association for Computing Machinery" i], meta[name="citation_publisher"][content*="ACM" i], a[href*="dl.acm.org"]',
});
