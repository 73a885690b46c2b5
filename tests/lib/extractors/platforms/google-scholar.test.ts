import { describe, expect, it } from 'vitest';
import { parseByline } from '@/lib/extractors/platforms/google-scholar';
import { scrapeFixture } from '../fixtures';

describe('google scholar extractor', () => {
  it('reads results without the [PDF]/[CITATION] markers, keeping a result that has no link', () => {
    const { extraction, articles } = scrapeFixture('scholar--results.html');
    expect(extraction).toMatchObject({ platform: 'scholar', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual([
      'Crowdsourcing open citations with CROCI--An analysis of the current status of open citations, and a proposal',
      'Coverage of citation indexes: a comparison of Google Scholar, Microsoft Academic, Scopus and Web of Science',
      'Open citations: an introduction',
    ]);
    expect(articles[1]).toMatchObject({ 'container-title': 'Scientometrics', issued: { 'date-parts': [[2021]] } });
    expect(articles[2].URL).toBeUndefined();
    expect(articles[2].ids).toEqual(['scholar:Qq1Ww2Ee3RrT']);
    expect(articles.every((a) => a.abstract === undefined)).toBe(true);
  });

  it('parses the grey byline', () => {
    expect(parseByline('A Smith, B Jones… - Journal of X, 2019 - publisher.com')).toEqual({
      authors: ['A Smith', 'B Jones'],
      containerTitle: 'Journal of X',
      date: '2019',
    });
    expect(parseByline('I Heibi, S Peroni - arXiv preprint arXiv:1902.02534, 2019 - arxiv.org').date).toBe('2019');
    expect(parseByline('D Shotton - 2013')).toEqual({ authors: ['D Shotton'], containerTitle: undefined, date: '2013' });
  });
});
