import { describe, expect, it } from 'vitest';
import { loneDoi } from '@/lib/extractors/platforms/lone-doi';
import { parse, scrapeFixture } from '../fixtures';

const url = new URL('https://site.example.org/page');

describe('lone DOI extractor', () => {
  it('takes the DOI shown under the heading of a page that carries nothing else', () => {
    const { extraction, articles } = scrapeFixture('doi--landing-page.html');
    expect(extraction).toMatchObject({ platform: 'doi', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: 'Bridge monitoring with low-cost accelerometers', DOI: '10.5555/pes.2021.0042' });
  });

  it('yields nothing for several DOIs (a reference list) or a DOI far below the heading (a citation)', () => {
    const several = '<body><h1>Notes</h1><p>doi:10.1000/a1</p><p>doi:10.1000/b2</p></body>';
    const far = `<body><h1>My trip</h1><p>${'words '.repeat(800)}</p><p>https://doi.org/10.1000/a1</p></body>`;
    for (const html of [several, far]) expect(loneDoi.extract(parse(html, url.href), url)).toEqual([]);
  });

  it('yields nothing on a web search engine', () => {
    const html = '<body><h1>Results</h1><p>DOI: 10.1000/a1</p></body>';
    const bing = new URL('https://www.bing.com/search?q=x');
    expect(loneDoi.canExtract(parse(html, bing.href), bing)).toBe(false);
  });
});
