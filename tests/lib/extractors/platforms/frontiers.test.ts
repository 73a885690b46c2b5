import { describe, expect, it } from 'vitest';
import { frontiersArticleNumber } from '@/lib/extractors/platforms/frontiers';
import { extractPage } from '@/lib/extractors/registry';
import { parse } from '../fixtures';

const PAGE = `<html><head>
<meta name="citation_title" content="A test of numbers">
<meta name="citation_author" content="Lakens, Daniël">
<meta name="citation_journal_title" content="Frontiers in Psychology">
<meta name="citation_publisher" content="Frontiers">
<meta name="citation_publication_date" content="2014">
<meta name="citation_volume" content="5">
<meta name="citation_firstpage" content="85883">
<meta name="citation_doi" content="10.3389/fpsyg.2014.00781">
</head><body><p>Front. Psychol. 5:781.</p></body></html>`;

describe('Frontiers', () => {
  it('takes the article number from the DOI, and the internal id in citation_firstpage for nothing', () => {
    for (const url of ['https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full', 'https://www-frontiersin-org.ezproxy.example.edu/articles/10.3389/fpsyg.2014.00781/full']) {
      const { platform, items } = extractPage(parse(PAGE, url), url);
      expect(platform).toBe('frontiers');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ number: '781', volume: '5', doi: '10.3389/fpsyg.2014.00781' });
      expect(items[0].firstPage ?? items[0].pages).toBeUndefined();
    }
  });

  it('reads the number only from a Frontiers DOI', () => {
    expect(frontiersArticleNumber('10.3389/fnins.2021.012345')).toBe('12345');
    expect(frontiersArticleNumber('10.1038/nature13322')).toBeUndefined();
    expect(frontiersArticleNumber(undefined)).toBeUndefined();
  });
});
