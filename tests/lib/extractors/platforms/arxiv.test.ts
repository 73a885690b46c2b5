import { describe, expect, it } from 'vitest';
import { scrapeFixture } from '../fixtures';

describe('arxiv extractor', () => {
  it('reads an abstract page without the "Title:" and "Abstract:" descriptors, with the arXiv DOI', () => {
    const { extraction, articles } = scrapeFixture('arxiv--abs.html');
    expect(extraction).toMatchObject({ platform: 'arxiv', kind: 'article' });
    expect(articles[0]).toMatchObject({
      type: 'article',
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      'container-title': 'arXiv',
      issued: { 'date-parts': [[2021, 6, 17]] },
      DOI: '10.48550/arxiv.2106.09685',
      URL: 'https://arxiv.org/abs/2106.09685',
      pdfUrl: 'http://arxiv.org/pdf/2106.09685',
      ids: expect.arrayContaining(['arxiv:2106.09685']),
    });
    expect(articles[0].author?.[0]).toEqual({ family: 'Hu', given: 'Edward J.' });
    expect(articles[0].abstract).toMatch(/^An important paradigm/);
  });

  it('reads a listing page, with an entry that has no abstract', () => {
    const { extraction, articles } = scrapeFixture('arxiv--list.html');
    expect(extraction).toMatchObject({ platform: 'arxiv', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual(['Measuring the coverage of open citation indexes', 'A dataset of retracted articles and their citations']);
    expect(articles[0].author?.[1]).toEqual({ family: 'van Dijk', given: 'Jan' });
    expect(articles[0].abstract).toMatch(/^We compare the coverage/);
    expect(articles[1].abstract).toBeUndefined();
  });

  it('reads search results with the full abstract and the first submission date', () => {
    const { articles } = scrapeFixture('arxiv--search.html');
    expect(articles).toHaveLength(2);
    expect(articles[0].title).toBe('Crowdsourcing open citations with CROCI -- An analysis of the current status of open citations, and a proposal');
    expect(articles[0].issued).toEqual({ 'date-parts': [[2019, 2, 7]] });
    expect(articles[0].abstract).toMatch(/persistent gap in the coverage of the currently available open citation data\.$/);
    expect(articles[0].abstract).not.toMatch(/More|Less/);
    expect(articles[1].issued).toEqual({ 'date-parts': [[2024, 5, 2]] });
  });
});
