import { describe, expect, it } from 'vitest';
import { parseCitationLine } from '@/lib/extractors/platforms/pubmed';
import { scrapeFixture } from '../fixtures';

describe('pubmed extractor', () => {
  it('reads the current article page and its similar articles with their positions', () => {
    const { extraction, articles } = scrapeFixture('pubmed--article.html');
    expect(extraction).toMatchObject({ platform: 'pubmed', kind: 'article' });
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({
      title: 'Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis',
      'container-title': 'Psychoneuroendocrinology',
      issued: { 'date-parts': [[2015, 6]] },
      volume: '56',
      page: '120-31',
      DOI: '10.1016/j.psyneuen.2015.03.010',
      keyword: 'Cortisol; Fatigue; Hypothalamic–pituitary–adrenal axis; Multiple sclerosis',
      ids: expect.arrayContaining(['pubmed:25817406']),
    });
    expect(articles[0].author?.[0]).toEqual({ family: 'Powell', given: 'Daniel J A' });
    expect(articles[0].abstract).not.toMatch(/Copyright|Keywords/);
    expect(articles[0].sightings[0].position).toBeUndefined();
    expect(articles[1]).toMatchObject({
      title: 'Fatigue in multiple sclerosis: an example of cytokine mediated sickness behaviour?',
      'container-title': 'J Neurol Neurosurg Psychiatry',
      volume: '77',
      issue: '1',
      URL: 'https://pubmed.ncbi.nlm.nih.gov/22172389/',
    });
    expect(articles.slice(1).map((a) => a.sightings[0].position)).toEqual([1, 2]);
  });

  it('reads search results, with highlighted words joined back into the title', () => {
    const { extraction, articles } = scrapeFixture('pubmed--search-result.html');
    expect(extraction).toMatchObject({ platform: 'pubmed', kind: 'list' });
    expect(articles[0].title).toBe('Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis.');
    expect(articles[0].author?.[1]).toEqual({ family: 'Moss-Morris', given: 'R.' });
    // Snippets are not abstracts.
    expect(articles.every((a) => a.abstract === undefined)).toBe(true);
  });

  it('parses citation lines with and without issue, pages and DOI', () => {
    expect(parseCitationLine('J Neurol. 2006 Jan;77(1):34-9. doi: 10.1136/jnnp.2005.065805.')).toEqual({
      containerTitle: 'J Neurol',
      date: '2006 Jan',
      volume: '77',
      issue: '1',
      pages: '34-9',
      doi: '10.1136/jnnp.2005.065805',
    });
    expect(parseCitationLine('Nature. 2020.')).toMatchObject({ containerTitle: 'Nature', date: '2020', volume: undefined });
    expect(parseCitationLine('no citation here')).toEqual({ doi: undefined });
  });
});
