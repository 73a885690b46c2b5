import { literatumExtractor } from '../shared/atypon';

/** SAGE Journals (Atypon Literatum). */
export const sage = literatumExtractor({
  id: 'sage',
  hosts: ['journals.sagepub.com'],
  seenOn: ['https://journals.sagepub.com/doi/10.1177/0956797611417632', 'https://journals.sagepub.com/toc/pssa/22/11'],
  marks: 'meta[name="dc.Publisher"][content*="SAGE" i], meta[name="citation_publisher"][content*="SAGE" i], a[href*="journals.sagepub.com"]',
});
