import { describe, expect, it } from 'vitest';
import { mdpi, mdpiId, parseMdpiLine } from '@/lib/extractors/platforms/mdpi';
import { parse, readFixture, scrapeFixture } from '../fixtures';

describe('MDPI', () => {
  it('reads search results: the citation line, the full abstract without its links, the article path as id', () => {
    const { extraction, articles } = scrapeFixture('mdpi--search-results.html');
    expect(extraction).toMatchObject({ platform: 'mdpi', kind: 'list' });
    expect(articles).toHaveLength(3);
    expect(articles[1]).toMatchObject({
      title: 'Monitoring Volcanic Unrest with Satellite Radar: A Review',
      DOI: '10.3390/geosciences9020077',
      'container-title': 'Geosciences',
      volume: '9',
      issue: '2',
      issued: { 'date-parts': [[2019]] },
      URL: 'https://www.mdpi.com/2076-3263/9/2/77',
      author: [{ family: 'Bianchi', given: 'Laura' }],
    });
    expect(articles[0].abstract).toMatch(/regional fault trend\.$/);
    // An article number is no page.
    expect(articles[0].page).toBeUndefined();
    expect(articles[1].number).toBe('77');
  });

  it('reads the older citation line and the article path', () => {
    expect(parseMdpiLine('Geosciences 2018, 8(4), 103; doi:10.3390/geosciences8040103 (registering DOI) - 21 March 2018')).toEqual({
      containerTitle: 'Geosciences',
      date: '2018',
      volume: '8',
      issue: '4',
      number: '103',
      doi: '10.3390/geosciences8040103',
    });
    expect(mdpiId('/2076-3263/8/4/103', new URL('https://www.mdpi.com/'))).toBe('2076-3263/8/4/103');
    expect(mdpiId('/journal/geosciences', new URL('https://www.mdpi.com/'))).toBeUndefined();
  });

  it('recognises a copy served elsewhere by its article items; nothing from items without a title link', () => {
    const { html } = readFixture('mdpi--search-results.html');
    const mirror = new URL('https://archive.example.org/mdpi/search');
    expect(mdpi.canExtract(parse(html, mirror.href), mirror)).toBe(true);
    const url = new URL('https://www.mdpi.com/search?q=x');
    expect(mdpi.extract(parse('<div class="generic-item article-item"><div class="authors">by Nobody</div></div>', url.href), url)).toEqual([]);
  });
});
