import { describe, expect, it } from 'vitest';
import { nature, natureId } from '@/lib/extractors/platforms/nature';
import { parse, scrape, readFixture, scrapeFixture } from '../fixtures';

describe('nature.com', () => {
  it('reads search result cards with their DOIs built from the article ids', () => {
    const { extraction, articles } = scrapeFixture('nature--search-results.html');
    expect(extraction).toMatchObject({ platform: 'nature', kind: 'list' });
    expect(articles.map((a) => a.DOI)).toEqual(['10.1038/s41586-021-03819-2', '10.1038/s41592-021-01380-4', '10.1038/d41586-020-03348-4']);
    expect(articles[0]).toMatchObject({
      title: 'Highly accurate protein structure prediction with AlphaFold',
      'container-title': 'Nature',
      issued: { 'date-parts': [[2021, 7, 15]] },
    });
    expect(articles[0].author?.map((name) => name.family)).toEqual(['Jumper', 'Evans', 'Hassabis']);
    expect(articles[1]['container-title']).toBe('Nature Methods');
  });

  it('knows article ids of every era', () => {
    expect(natureId('https://www.nature.com/articles/s41586-021-03819-2')).toBe('s41586-021-03819-2');
    expect(natureId('/articles/nature13322?foo=1')).toBe('nature13322');
    expect(natureId('http://www.nature.com/nature/journal/v511/n7510/full/nature13322.html')).toBe('nature13322');
    expect(natureId('/subjects/protein-structure')).toBeUndefined();
  });

  it('recognises a proxied copy of a result list and reads the publisher\u2019s addresses', () => {
    const { html } = readFixture('nature--search-results.html');
    const { extraction, articles } = scrape(html, 'https://www-nature-com.ezproxy.example.ac.uk/search?q=protein');
    expect(extraction.platform).toBe('nature');
    expect(articles[0].URL).toBe('https://www.nature.com/articles/s41586-021-03819-2');
    const mirror = new URL('https://mirror.example.org/n/search');
    expect(nature.canExtract(parse(html, mirror.href), mirror)).toBe(true);
  });

  it('gives nothing for cards that link nowhere', () => {
    const url = new URL('https://www.nature.com/search?q=x');
    const doc = parse('<ul><li class="app-article-list-row__item"><article class="c-card"><h3 class="c-card__title">No link here</h3></article></li></ul>', url.href);
    expect(nature.extract(doc, url)).toEqual([]);
  });
});
