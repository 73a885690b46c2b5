import { literatumExtractor } from '../shared/atypon';

/** Taylor & Francis Online (Atypon Literatum). */
export const tandfonline = literatumExtractor({
  id: 'tandfonline',
  hosts: ['tandfonline.com'],
  seenOn: ['https://www.tandfonline.com/doi/full/10.1080/00268976.2013.788745', 'https://www.tandfonline.com/toc/tmph20/111/9-11'],
  marks: 'meta[name="dc.Publisher"][content*="Taylor" i], meta[name="citation_publisher"][content*="Taylor" i], a[href*="tandfonline.com"]',
});
