import { describe, expect, it } from 'vitest';
import { biorxiv } from '@/lib/extractors/platforms/biorxiv';
import { parse, readRealPage, scrape } from '../fixtures';

describe('biorxiv extractor', () => {
  const page = readRealPage('biorxiv--article.html');

  it('reads a preprint: the abstract as text without its heading or reference marks, no page, the posting date, type article', () => {
    const { extraction, articles } = scrape(page.html, page.url);
    expect(extraction).toMatchObject({ platform: 'biorxiv', kind: 'article' });
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article).toMatchObject({
      type: 'article',
      'container-title': 'bioRxiv',
      DOI: '10.1101/2020.03.22.002386',
      issued: { 'date-parts': [[2020, 3, 27]] },
      URL: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3',
      ids: expect.arrayContaining(['biorxiv:10.1101/2020.03.22.002386']),
    });
    expect(article.abstract).toMatch(/^An outbreak of the novel coronavirus SARS-CoV-2/);
    expect(article.abstract).toMatch(/social and economic disruption\. There are currently/);
    expect(article.abstract).not.toMatch(/ABSTRACT|<|&lt;/);
    // citation_firstpage repeats the preprint's id: no page.
    expect(article.page).toBeUndefined();
    expect(article.author).toHaveLength(100);
  });

  it('reads a medRxiv page by its host, and a copy served elsewhere by the Highwire site tag', () => {
    const medrxiv = page.html.replace(/biorxiv;2020/g, 'medrxiv;2020');
    const url = 'https://www.medrxiv.org/content/10.1101/2020.03.22.002386v3';
    const { extraction, articles } = scrape(medrxiv, url);
    expect(extraction.platform).toBe('biorxiv');
    expect(articles[0]).toMatchObject({ 'container-title': 'medRxiv', type: 'article' });
    const elsewhere = 'https://mirror.example.org/content/2020.03.22.002386v3';
    expect(biorxiv.canExtract(parse(page.html, elsewhere), new URL(elsewhere))).toBe(true);
  });

  it('leaves the site\'s other pages to the other readers', () => {
    const url = 'https://www.biorxiv.org/search/coronavirus';
    expect(biorxiv.canExtract(parse('<html><body></body></html>', url), new URL(url))).toBe(false);
  });
});
