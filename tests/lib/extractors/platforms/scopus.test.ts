import { describe, expect, it } from 'vitest';
import { scopus } from '@/lib/extractors/platforms/scopus';
import { parse, readFixture, scrape, scrapeFixture } from '../fixtures';

describe('scopus extractor', () => {
  it('reads a result list once it has appeared: EID, authors, year, source, volume, issue, pages', () => {
    const { extraction, articles } = scrapeFixture('scopus--search-results.html');
    expect(extraction).toMatchObject({ platform: 'scopus', kind: 'list' });
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({
      title: 'Hyporheic exchange due to in-stream geomorphic structures',
      author: [{ family: 'Feng', given: 'J.' }, { family: 'Liu', given: 'D.' }, { family: 'Dong', given: 'J.' }],
      issued: { 'date-parts': [[2022]] },
      'container-title': 'Journal of Freshwater Ecology',
      volume: '37',
      issue: '1',
      page: '221-241',
      URL: 'https://www.scopus.com/record/display.uri?eid=2-s2.0-85125578712&origin=resultslist',
      ids: expect.arrayContaining(['scopus:2-s2.0-85125578712']),
    });
    // "17(1 January)": the issue without its month.
    expect(articles[2]).toMatchObject({ volume: '17', issue: '1' });
    expect(articles.map((a) => a.sightings[0].position)).toEqual([1, 2, 3]);
  });

  it('reads a copy of the list served elsewhere by its markup, and skips rows without a title', () => {
    const { html } = readFixture('scopus--search-results.html');
    const elsewhere = 'https://scopus-com.ezproxy.example.edu.cn.example.org/results';
    expect(scopus.canExtract(parse(html, 'https://mirror.example.org/r'), new URL('https://mirror.example.org/r'))).toBe(true);
    const broken = html.replace(/<a class="ddmDocTitle"[^>]*>Flipping[^<]*<\/a>/, '');
    const { articles } = scrape(broken, elsewhere);
    expect(articles.map((a) => a.title)).toEqual([
      'Hyporheic exchange due to in-stream geomorphic structures',
      'Hyporheic hydraulic geometry: Conceptualizing relationships among hyporheic exchange, storage, and water age',
    ]);
  });
});
