import { describe, expect, it } from 'vitest';
import { sciencedirect } from '@/lib/extractors/platforms/sciencedirect';
import { parse, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('sciencedirect extractor', () => {
  const open = readRealPage('sciencedirect--article-2023-open.html');

  it('reads an article page without citation_author: names from the banner, the author abstract, keywords, the PII', () => {
    const { extraction, articles } = scrape(open.html, open.url);
    expect(extraction).toMatchObject({ platform: 'sciencedirect', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      author: [{ family: 'Yazar', given: 'Mahir' }, { family: 'York', given: 'Abigail' }],
      URL: 'https://www.sciencedirect.com/science/article/pii/S146290112300117X',
      ids: expect.arrayContaining(['sciencedirect:S146290112300117X']),
    });
    // The abstract, not the highlights printed above it.
    expect(articles[0].abstract).toMatch(/^Urban climate adaptation through nature-based solutions/);
    expect(articles[0].abstract).not.toMatch(/Highlights|Just NBS positions/);
  });

  it('takes the names from the page\'s data block when the banner has none', () => {
    const withoutBanner = open.html.replace(/class="react-xocs-alternative-link"/g, 'class="x"');
    const { articles } = scrape(withoutBanner, open.url);
    expect(articles[0].author).toEqual([
      { family: 'Yazar', given: 'Mahir' },
      { family: 'York', given: 'Abigail' },
    ]);
  });

  it('keeps the article when the data block is broken or hostile', () => {
    const page = (block: string) =>
      `<html><head><meta name="citation_title" content="A title"><meta name="citation_pii" content="S0000000000000001"><meta name="citation_doi" content="10.1016/j.x.2020.1"></head><body><h1 id="screen-reader-main-title"><span class="title-text">A title</span></h1><script type="application/json" data-iso-key="_0">${block}</script></body></html>`;
    const deep = `${'{"authors":{"content":['.slice(0, 0)}${'['.repeat(5000)}${']'.repeat(5000)}`;
    for (const block of ['{not json', 'null', '{"authors":{"content":{"#name":"author","$$":"x"}}}', deep, '{"authors":{"content":[' + '{"$$":[],"#name":"x"},'.repeat(20000) + '{}]}}']) {
      const { extraction, articles } = scrape(page(block), 'https://www.sciencedirect.com/science/article/pii/S0000000000000001');
      expect(extraction.errors).toEqual([]);
      expect(articles).toHaveLength(1);
      expect(articles[0]).toMatchObject({ title: 'A title', DOI: '10.1016/j.x.2020.1' });
    }
  });

  it('recognises a copy of an article page served elsewhere by its markup', () => {
    const doc = parse(open.html, 'https://library.example.edu/mirror/S146290112300117X');
    expect(sciencedirect.canExtract(doc, new URL('https://library.example.edu/mirror/S146290112300117X'))).toBe(true);
    const { extraction, articles } = scrape(open.html, 'https://library.example.edu/mirror/S146290112300117X');
    expect(extraction.platform).toBe('sciencedirect');
    expect(articles[0].URL).toBe('https://www.sciencedirect.com/science/article/pii/S146290112300117X');
  });

  it('reads search results once the list has appeared: DOI, journal, date, authors, book chapters', () => {
    const { extraction, articles } = scrapeFixture('sciencedirect--search-results.html');
    expect(extraction).toMatchObject({ platform: 'sciencedirect', kind: 'list' });
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({
      title: 'Nature-based solutions through collective actions for spatial justice in urban green commons',
      author: [{ family: 'Yazar', given: 'Mahir' }, { family: 'York', given: 'Abigail' }],
      'container-title': 'Environmental Science & Policy',
      issued: { 'date-parts': [[2023, 7]] },
      DOI: '10.1016/j.envsci.2023.04.016',
      URL: 'https://www.sciencedirect.com/science/article/pii/S146290112300117X',
    });
    // "102530" is an article number, not a year.
    expect(articles[1].issued).toEqual({ 'date-parts': [[2022, 9]] });
    expect(articles[2]).toMatchObject({ type: 'chapter', 'container-title': 'Encyclopedia of the Anthropocene' });
    expect(articles.map((a) => a.sightings[0].position)).toEqual([1, 2, 3]);
  });

  it('shows nothing of a page that is neither an article nor a result list', () => {
    const { articles } = scrape('<html><body><p>Sign in</p></body></html>', 'https://www.sciencedirect.com/user/login');
    expect(articles).toEqual([]);
  });
});
