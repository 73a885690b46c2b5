import { describe, expect, it } from 'vitest';
import { pmc } from '@/lib/extractors/platforms/pmc';
import { parse, readRealPage, scrape } from '../fixtures';

describe('pmc extractor', () => {
  const page = readRealPage('pmc--article.html');

  it('reads an article page: the abstract section, the printed page range, the PMCID', () => {
    const { extraction, articles } = scrape(page.html, page.url);
    expect(extraction).toMatchObject({ platform: 'pmc', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: 'GenBank',
      DOI: '10.1093/nar/gks1195',
      page: 'D36-D42',
      URL: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/',
      ids: expect.arrayContaining(['pmc:PMC3531190']),
    });
    expect(articles[0].abstract).toMatch(/^GenBank® \(http:\/\/www\.ncbi\.nlm\.nih\.gov\) is a comprehensive database/);
    expect(articles[0].abstract).not.toMatch(/^Abstract/);
  });

  it('falls back to the description when the page has no abstract section', () => {
    const { articles } = scrape(page.html.replace(/<section class="abstract"/g, '<section class="x"'), page.url);
    expect(articles[0].abstract).toMatch(/^GenBank® \(http:\/\/www\.ncbi\.nlm\.nih\.gov\) is a comprehensive database/);
  });

  it('reads keywords from a "Keywords:" group', () => {
    const html = page.html.replace('<section class="abstract"', '<section class="kwd-group"><p><strong>Keywords:</strong> Nucleotide sequence, GenBank; Databases</p></section><section class="abstract"');
    const { articles } = scrape(html, page.url);
    expect(articles[0].keyword).toBe('Nucleotide sequence; GenBank; Databases');
  });

  it('recognises the older address and a copy served elsewhere', () => {
    expect(pmc.canExtract(parse('<p></p>', 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/'), new URL('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/'))).toBe(true);
    const elsewhere = 'https://mirror.example.org/articles/PMC3531190/';
    expect(pmc.canExtract(parse(page.html, elsewhere), new URL(elsewhere))).toBe(true);
    const { extraction, articles } = scrape(page.html, elsewhere);
    expect(extraction.platform).toBe('pmc');
    expect(articles[0].URL).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC3531190/');
  });
});
