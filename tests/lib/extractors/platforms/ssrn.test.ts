import { describe, expect, it } from 'vitest';
import { ssrn } from '@/lib/extractors/platforms/ssrn';
import { parse, readFixture, scrape, scrapeFixture } from '../fixtures';

describe('ssrn extractor', () => {
  it('reads an abstract page: the abstract without its heading, keywords, the SSRN DOI and id, type article', () => {
    const { extraction, articles } = scrapeFixture('ssrn--abstract.html');
    expect(extraction).toMatchObject({ platform: 'ssrn', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      type: 'article',
      title: 'Learning Curves in Index Investing',
      author: [{ family: 'Example', given: 'Anna' }, { family: 'Sample', given: 'Ben' }],
      abstract: 'We study how investors learn about index funds. Using account-level data, we show that the first year of holding shapes later trading.',
      keyword: 'index funds; learning; household finance',
      DOI: '10.2139/ssrn.3270329',
      'container-title': 'SSRN',
      issued: { 'date-parts': [[2018, 10, 15]] },
      URL: 'https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3270329',
      ids: expect.arrayContaining(['ssrn:3270329']),
    });
  });

  it('recognises the short address and a copy served elsewhere; leaves SSRN\'s other pages alone', () => {
    const { html } = readFixture('ssrn--abstract.html');
    const short = scrape(html, 'https://ssrn.com/abstract=3270329');
    expect(short.extraction.platform).toBe('ssrn');
    expect(short.articles[0].URL).toBe('https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3270329');
    const elsewhere = 'https://library.example.edu/ssrn-copy';
    expect(ssrn.canExtract(parse(html, elsewhere), new URL(elsewhere))).toBe(true);
    const home = 'https://www.ssrn.com/index.cfm/en/';
    expect(ssrn.canExtract(parse('<p></p>', home), new URL(home))).toBe(false);
  });
});
