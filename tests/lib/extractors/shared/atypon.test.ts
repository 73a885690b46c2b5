import { describe, expect, it } from 'vitest';
import { acm } from '@/lib/extractors/platforms/acm';
import { acs } from '@/lib/extractors/platforms/acs';
import { sage } from '@/lib/extractors/platforms/sage';
import { tandfonline } from '@/lib/extractors/platforms/tandfonline';
import { wiley } from '@/lib/extractors/platforms/wiley';
import { doiOfHref } from '@/lib/extractors/shared/atypon';
import { parse, readFixture, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('Atypon Literatum sites (Wiley, Taylor & Francis, SAGE, ACS, ACM)', () => {
  it('reads the DOI an article link names, whatever the view', () => {
    expect(doiOfHref('/doi/10.1002/andp.19263851302')).toBe('10.1002/andp.19263851302');
    expect(doiOfHref('https://pubs.acs.org/doi/abs/10.1021/jp003647e?src=recsys')).toBe('10.1021/jp003647e');
    expect(doiOfHref('/doi/full/10.1080/00268976.2013.788745#abstract')).toBe('10.1080/00268976.2013.788745');
    expect(doiOfHref('/doi/epdf/10.1177/0956797611417632')).toBe('10.1177/0956797611417632');
    expect(doiOfHref('/action/doSearch?AllField=x')).toBeUndefined();
  });

  it('reads a Wiley table of contents: titles, authors, year and DOI of each issue item', () => {
    const { extraction, articles } = scrapeFixture('wiley--toc.html');
    expect(extraction).toMatchObject({ platform: 'wiley', kind: 'list' });
    expect(articles.map((a) => a.DOI)).toEqual(['10.1002/andp.19263851302', '10.1002/andp.19263851303', '10.1002/andp.19263851304']);
    expect(articles[1]).toMatchObject({
      title: 'Über den Einfluß der Temperatur auf die Leitfähigkeit von Metallen',
      author: [{ family: 'Grüneisen', given: 'E.' }, { family: 'Goens', given: 'E.' }],
      issued: { 'date-parts': [[1926]] },
      URL: 'https://onlinelibrary.wiley.com/doi/10.1002/andp.19263851303',
    });
  });

  it('reads ACM search results with venue, year and abstract', () => {
    const { extraction, articles } = scrapeFixture('acm--search-results.html');
    expect(extraction.platform).toBe('acm');
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({
      title: 'code2vec: learning distributed representations of code',
      DOI: '10.1145/3290353',
      'container-title': 'Proceedings of the ACM on Programming Languages',
      issued: { 'date-parts': [[2019]] },
      author: [{ family: 'Alon', given: 'Uri' }, { family: 'Zilberstein', given: 'Meital' }],
    });
    expect(articles[1].abstract).toMatch(/^We present a neural model/);
  });

  it('takes an ACS article\u2019s journal and issue year from the page\u2019s "Cite This" line', () => {
    const { html, url } = readRealPage('acs--article-combsci-review.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction.platform).toBe('acs');
    expect(articles[0]).toMatchObject({
      'container-title': 'ACS Combinatorial Science',
      issued: { 'date-parts': [[2016]] },
      volume: '18',
      issue: '1',
      page: '1-14',
    });
    // An article in press prints placeholders: none of them is kept.
    const asap = readRealPage('acs--article-asap.html');
    const inPress = scrape(asap.html, asap.url).articles[0];
    expect(inPress.volume).toBeUndefined();
    expect(inPress.page).toBeUndefined();
  });

  it('reads the abstract of a Taylor & Francis page without its "Abstract" heading', () => {
    const { html, url } = readRealPage('tandfonline--article-2019-cogent.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction.platform).toBe('tandfonline');
    expect(articles[0].abstract).toMatch(/^Food packaging as a vital part/);
  });

  it('recognises a mirrored copy by Literatum markup and the publisher\u2019s own marks, and nothing else', () => {
    const { html } = readFixture('wiley--toc.html');
    const mirror = new URL('https://mirror.example.edu/wol/toc/15213889/1926/385/13');
    const withMark = html.replace('<main>', '<main><a href="https://onlinelibrary.wiley.com/">Wiley Online Library</a>');
    expect(wiley.canExtract(parse(withMark, mirror.href), mirror)).toBe(true);
    // Literatum markup of another publisher is not Wiley's.
    expect(wiley.canExtract(parse(html, mirror.href), mirror)).toBe(false);
    const acsCopy = readRealPage('acs--article-jpca-2001.html');
    const acsMirror = new URL('https://cache.example.org/pubs/10.1021/jp003647e');
    expect(acs.canExtract(parse(acsCopy.html, acsMirror.href), acsMirror)).toBe(true);
    for (const extractor of [wiley, sage, tandfonline, acm]) expect(extractor.canExtract(parse(acsCopy.html, acsMirror.href), acsMirror)).toBe(false);
  });

  it('reads a SAGE table of contents through an EZproxy host', () => {
    const row = (n: number) =>
      `<div class="issue-item"><h5 class="issue-item__title"><a href="/doi/10.1177/09567976231100${n}">Attention and memory in everyday multitasking, study ${n}</a></h5><ul class="loa"><li>Jane Doe${n}</li></ul><div class="issue-item__detail">First published 3 May 2023</div></div>`;
    const url = 'https://journals-sagepub-com.ezproxy.example.edu.cn/toc/pssa/34/5';
    const { extraction, articles } = scrape(`<body><form action="/action/doSearch"></form>${row(1)}${row(2)}</body>`, url);
    expect(extraction.platform).toBe('sage');
    expect(articles.map((a) => a.URL)).toEqual(['https://journals.sagepub.com/doi/10.1177/095679762311001', 'https://journals.sagepub.com/doi/10.1177/095679762311002']);
    expect(articles[0].issued).toEqual({ 'date-parts': [[2023]] });
  });

  it('gives nothing for issue items without a DOI link, rather than guessing', () => {
    const url = new URL('https://www.tandfonline.com/toc/tmph20/111/9-11');
    const doc = parse('<body><div class="issue-item"><h5 class="issue-item__title"><a href="/action/showFeed">RSS feed of this journal</a></h5></div><div class="issue-item"><span>Editorial board</span></div></body>', url.href);
    expect(tandfonline.extract(doc, url)).toEqual([]);
  });
});
