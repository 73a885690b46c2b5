import { describe, expect, it } from 'vitest';
import { semanticScholar } from '@/lib/extractors/platforms/semantic-scholar';
import { parse, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('semantic-scholar extractor', () => {
  const crosswalk = readRealPage('semantic-scholar--paper-crosswalk.html');
  const meow = readRealPage('semantic-scholar--paper-meow.html');

  it('reads a paper page: DOI, the date shown, the abstract, the paper id', () => {
    const { extraction, articles } = scrape(crosswalk.html, crosswalk.url);
    expect(extraction).toMatchObject({ platform: 'semantic-scholar', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      DOI: '10.1177/23998083221081530',
      issued: { 'date-parts': [[2022, 4, 4]] },
      ids: expect.arrayContaining(['semantic-scholar:704dde842312c5eabb8c76ecf86b48e9fe68e4fe']),
    });
    expect(articles[0].abstract).toMatch(/^Marked crosswalks are the primary means/);
  });

  it('never takes the TLDR for the abstract, though the description and JSON-LD repeat it', () => {
    const { articles } = scrape(meow.html, meow.url);
    expect(articles[0]).toMatchObject({ DOI: '10.3390/ani10122390', 'container-title': 'Animals' });
    expect(articles[0].abstract).toBeUndefined();
    // Every author of the citation tags, though the page folds the list.
    expect(articles[0].author).toHaveLength(9);
  });

  it('reads a copy of a paper page served elsewhere by its markup', () => {
    const url = 'https://mirror.example.org/paper/704dde842312c5eabb8c76ecf86b48e9fe68e4fe';
    expect(semanticScholar.canExtract(parse(crosswalk.html, url), new URL(url))).toBe(true);
    expect(scrape(crosswalk.html, url).extraction.platform).toBe('semantic-scholar');
  });

  it('reads search results once the list has appeared, without TLDRs', () => {
    const { extraction, articles } = scrapeFixture('semantic-scholar--search-results.html');
    expect(extraction).toMatchObject({ platform: 'semantic-scholar', kind: 'list' });
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: 'Where the Crosswalk Ends: Mapping Crosswalk Coverage via Satellite Imagery in San Francisco',
      author: [{ family: 'Moran', given: 'Marcel E.' }],
      'container-title': 'Environment and Planning B Urban Analytics and City Science',
      issued: { 'date-parts': [[2022, 4, 4]] },
      DOI: '10.1177/23998083221081530',
      URL: 'https://www.semanticscholar.org/paper/704dde842312c5eabb8c76ecf86b48e9fe68e4fe',
    });
    expect(articles[0].abstract).toMatch(/^Marked crosswalks/);
    expect(articles[0].abstract).not.toMatch(/Expand/);
    expect(articles[1].abstract).toBeUndefined();
    expect(articles[1].author?.map((a) => a.family)).toEqual(['Prato-Previde', 'Cannas']);
  });
});
