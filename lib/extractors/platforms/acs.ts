import { literatumExtractor } from '../shared/atypon';

/** ACS Publications (Atypon Literatum): the "Cite This" line gives the year, volume and pages. */
export const acs = literatumExtractor({
  id: 'acs',
  hosts: ['pubs.acs.org'],
  seenOn: ['https://pubs.acs.org/doi/10.1021/jp003647e', 'https://pubs.acs.org/toc/nalefd/11/11'],
  marks: 'meta[name="dc.Publisher"][content*="American Chemical Society" i], input[name="journalCodeForjhpLink"], a[href*="pubs.acs.org"]',
});
