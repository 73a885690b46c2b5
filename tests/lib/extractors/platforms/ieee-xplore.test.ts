import { describe, expect, it } from 'vitest';
import { ieeeXplore, objectAfter } from '@/lib/extractors/platforms/ieee-xplore';
import { parse, readFixture, scrape, scrapeFixture } from '../fixtures';

describe('ieee-xplore extractor', () => {
  it('reads the document metadata the page carries as JSON: authors, abstract, pages, author keywords, arnumber', () => {
    const { extraction, articles } = scrapeFixture('ieee--document.html');
    expect(extraction).toMatchObject({ platform: 'ieee', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      type: 'article-journal',
      title: 'Control algorithm based on limit cycle oscillator-FLL for UPQC-S with optimized PI gains',
      author: [
        { family: 'Arya', given: 'Sabha Raj' },
        { family: 'Alam', given: 'Sayed Javed' },
        { family: 'Ray', given: 'Papia' },
      ],
      'container-title': 'CSEE Journal of Power and Energy Systems',
      volume: '6',
      issue: '3',
      page: '649-661',
      DOI: '10.17775/cseejpes.2019.01030',
      issued: { 'date-parts': [[2020, 9]] },
      keyword: 'JAYA; MSE; LCO-FLL; PI Tuning; Sag; unbalanced; VSC',
      ISSN: '2096-0042',
      URL: 'https://ieeexplore.ieee.org/document/9056993/',
      ids: expect.arrayContaining(['ieee:9056993']),
    });
    expect(articles[0].abstract).toMatch(/^This paper involves a limit cycle oscillator/);
  });

  it('types conference papers and reduces markup in the JSON strings to text', () => {
    const { html, url } = readFixture('ieee--document.html');
    const changed = html
      .replace('"isConference":false', '"isConference":true')
      .replace('"isJournal":true', '"isJournal":false')
      .replace('"abstract":"This paper', '"abstract":"<p>This <i>paper</i> \\"quoted\\" {braces}');
    const { articles } = scrape(changed, url);
    expect(articles[0].type).toBe('paper-conference');
    expect(articles[0].abstract).toMatch(/^This paper "quoted" \{braces\} involves/);
  });

  it('keeps to the page\'s other data when the JSON is broken, cut short or hostile, and never throws', () => {
    const { html, url } = readFixture('ieee--document.html');
    for (const broken of [
      html.replace('xplGlobal.document.metadata={', 'xplGlobal.document.metadata={,'),
      html.replace(/\};\n<\/script>/, '\n</script>'),
      html.replace('xplGlobal.document.metadata={', 'xplGlobal.document.metadata=[1];x={'),
      html.replace('"authors":[', '"authors":"nobody","x":[').replace('"keywords":[', '"keywords":{"a":1},"y":['),
    ]) {
      const { extraction, articles } = scrape(broken, url);
      expect(extraction.errors).toEqual([]);
      expect(articles.length).toBeLessThanOrEqual(1);
      // Whatever is read is this page's.
      if (articles.length) expect(articles[0].title).toMatch(/^Control algorithm based on limit cycle/);
    }
  });

  it('finds the object by matching braces outside strings', () => {
    expect(objectAfter('a.m={"x":"}{","y":{"z":1}};rest', 'a.m')).toBe('{"x":"}{","y":{"z":1}}');
    expect(objectAfter('a.m = {"x":"\\"}"} ;', 'a.m')).toBe('{"x":"\\"}"}');
    expect(objectAfter('a.m={"x":1', 'a.m')).toBeUndefined();
    expect(objectAfter('a.m.other={"x":1}', 'a.m')).toBeUndefined();
  });

  it('recognises a copy of the page served elsewhere by its data script', () => {
    const { html } = readFixture('ieee--document.html');
    const url = 'https://mirror.example.edu/document/9056993/';
    expect(ieeeXplore.canExtract(parse(html, url), new URL(url))).toBe(true);
    const { extraction, articles } = scrape(html, url);
    expect(extraction.platform).toBe('ieee');
    expect(articles[0].URL).toBe('https://ieeexplore.ieee.org/document/9056993/');
  });
});
