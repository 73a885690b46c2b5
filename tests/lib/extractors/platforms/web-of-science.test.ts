import { describe, expect, it } from 'vitest';
import { webOfScience } from '@/lib/extractors/platforms/web-of-science';
import { parse, readFixture, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('web-of-science extractor', () => {
  const results = readRealPage('web-of-science--results-page1.html');

  it('reads a result list: the record id, the DOI from the gateway link, source, volume, issue, pages, abstract', () => {
    const { extraction, articles } = scrape(results.html, results.url);
    expect(extraction).toMatchObject({ platform: 'web-of-science', kind: 'list' });
    expect(articles).toHaveLength(50);
    expect(articles[0]).toMatchObject({
      title: 'Hyporheic exchange due to in-stream geomorphic structures',
      author: [{ family: 'Feng', given: 'JH' }, { family: 'Liu', given: 'DF' }, { family: 'Dong', given: 'JW' }],
      issued: { 'date-parts': [[2022, 12, 31]] },
      'container-title': 'JOURNAL OF FRESHWATER ECOLOGY',
      volume: '37',
      issue: '1',
      page: '221-241',
      DOI: '10.1080/02705060.2022.2034673',
      URL: 'https://www.webofscience.com/wos/woscc/full-record/WOS:000765566200001',
      ids: expect.arrayContaining(['web-of-science:WOS:000765566200001']),
    });
    // The abstract, without the "Show less" button after it.
    expect(articles[0].abstract).toMatch(/^In-stream structures, such as channel spanning logs/);
    expect(articles[0].abstract).toMatch(/in river restoration\.$/);
    expect(articles.map((a) => a.sightings[0].position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('reads a copy of the list served elsewhere by its markup', () => {
    const url = 'https://wos.example.edu.cn/wos/woscc/summary/x/relevance/1';
    expect(webOfScience.canExtract(parse(results.html, url), new URL(url))).toBe(true);
    const { extraction, articles } = scrape(results.html, url);
    expect(extraction.platform).toBe('web-of-science');
    expect(articles[0].URL).toBe('https://www.webofscience.com/wos/woscc/full-record/WOS:000765566200001');
  });

  it('reads a full record: accession number, DOI, document type, author keywords (not Keywords Plus)', () => {
    const { extraction, articles } = scrapeFixture('web-of-science--full-record.html');
    expect(extraction).toMatchObject({ platform: 'web-of-science', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      type: 'article-journal',
      title: 'Hyporheic exchange due to in-stream geomorphic structures',
      author: [{ family: 'Feng', given: 'JH' }, { family: 'Liu', given: 'DF' }, { family: 'Dong', given: 'JW' }],
      'container-title': 'JOURNAL OF FRESHWATER ECOLOGY',
      volume: '37',
      issue: '1',
      page: '221-241',
      DOI: '10.1080/02705060.2022.2034673',
      issued: { 'date-parts': [[2022, 12, 31]] },
      keyword: 'Hyporheic exchange; weir',
      ids: expect.arrayContaining(['web-of-science:WOS:000765566200001']),
    });
  });

  it('types a proceedings paper and a book chapter by the record\'s document type', () => {
    const { html, url } = readFixture('web-of-science--full-record.html');
    const proceedings = scrape(html.replace('>Article</span>', '>Proceedings Paper</span>'), url);
    expect(proceedings.articles[0].type).toBe('paper-conference');
    const chapter = scrape(html.replace('>Article</span>', '>Book Chapter</span>'), url);
    expect(chapter.articles[0].type).toBe('chapter');
  });

  it('skips records without a title link and still reads the others', () => {
    const page = `<html><body><app-records-list><app-record><div>no link</div></app-record><app-record><a data-ta="summary-record-title-link" href="/wos/woscc/full-record/WOS:000000000000001">A title</a></app-record></app-records-list></body></html>`;
    const { articles } = scrape(page, 'https://www.webofscience.com/wos/woscc/summary/q/relevance/1');
    expect(articles.map((a) => a.title)).toEqual(['A title']);
    expect(articles[0].URL).toBe('https://www.webofscience.com/wos/woscc/full-record/WOS:000000000000001');
  });
});
