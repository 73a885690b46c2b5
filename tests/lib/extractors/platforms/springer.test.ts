import { describe, expect, it } from 'vitest';
import { springer, springerDoi } from '@/lib/extractors/platforms/springer';
import { parse, readFixture, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('SpringerLink', () => {
  it('reads search result cards: DOI from the address, authors, container, content type as item type', () => {
    const { extraction, articles } = scrapeFixture('springer--search-results.html');
    expect(extraction).toMatchObject({ platform: 'springer', kind: 'list' });
    expect(articles.map((a) => a.type)).toEqual(['article-journal', 'chapter', 'paper-conference']);
    expect(articles[0]).toMatchObject({
      title: 'In Vitro Cytotoxicity of Amylose-Based Bioplastic for Packaging Applications',
      DOI: '10.1007/s10924-010-0192-1',
      'container-title': 'Journal of Polymers and the Environment',
      issued: { 'date-parts': [[2010, 5, 5]] },
    });
    expect(articles[0].author?.map((name) => name.family)).toEqual(['Bandyopadhyay-Ghosh', 'Jeng', 'Mukherjee', 'Sain']);
    expect(articles[1]).toMatchObject({ DOI: '10.1007/978-3-030-12345-6_7', 'container-title': 'Green Polymers for Packaging' });
  });

  it('keeps the author keywords an article page shows, not the subject headings of its tags', () => {
    const { html, url } = readRealPage('springer--article-2026-s10924.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction.platform).toBe('springer');
    expect(articles[0].keyword).toBe('Amylose; Biopolymer; Bioplastics; Biodegradable; Biocompatibility; Cytotoxicity; Packaging');
  });

  it('reads the abstract of the older article page, which has no abstract tag', () => {
    const { html, url } = readRealPage('springer--article-2019-s10924.html');
    expect(scrape(html, url).articles[0].abstract).toMatch(/^Amylose containing polysaccharides/);
  });

  it('recognises a copy served elsewhere by its cards, and knows its DOIs', () => {
    const { html } = readFixture('springer--search-results.html');
    const mirror = new URL('https://library.example.edu/cache/springer-search');
    expect(springer.canExtract(parse(html, mirror.href), mirror)).toBe(true);
    expect(springer.canExtract(parse('<body><ol><li><a href="/x">A page about springs</a></li></ol></body>', mirror.href), mirror)).toBe(false);
    expect(springerDoi('https://link.springer.com/referenceworkentry/10.1007/978-3-319-12345-6_1-1')).toBe('10.1007/978-3-319-12345-6_1-1');
  });

  it('gives nothing for result cards without a title link', () => {
    const url = new URL('https://link.springer.com/search?query=x');
    const doc = parse('<ol data-test="darwin-search"><li data-test="search-result-item"><h3 class="app-card-open__heading"></h3><span data-test="authors">A. Person</span></li></ol>', url.href);
    expect(springer.extract(doc, url)).toEqual([]);
  });
});
