import { describe, expect, it } from 'vitest';
import { magtech } from '@/lib/extractors/platforms/magtech';
import { parse, readFixture, scrapeFixture } from '../fixtures';

describe('magtech extractor', () => {
  it('reads an article page from its tags, with the English title and abstract kept', () => {
    const { extraction, articles } = scrapeFixture('magtech--article.html');
    expect(extraction).toMatchObject({ platform: 'magtech', kind: 'article' });
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      altTitle: 'Research progress of nickel-based catalysts for hydrogen production by alkaline water electrolysis',
      'container-title': '化工进展',
      issued: { 'date-parts': [[2023, 4, 25]] },
      page: '1870-1884',
      DOI: '10.16085/j.issn.1000-6613.2022-0815',
      keyword: '电解水; 析氢反应; 镍基催化剂; 碱性介质',
      pdfUrl: 'http://www.hgjz.example.com.cn/CN/PDF/10.16085/j.issn.1000-6613.2022-0815',
    });
    expect(articles[0].altAbstract).toMatch(/^Alkaline water electrolysis/);
  });

  it('reads a table of contents with folded abstracts and issue lines, skipping the issue navigation', () => {
    const { extraction, articles } = scrapeFixture('magtech--toc.html');
    expect(extraction).toMatchObject({ platform: 'magtech', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual(['碱性电解水制氢镍基催化剂研究进展', '二氧化碳加氢制甲醇铜基催化剂失活机理']);
    expect(articles[1]).toMatchObject({
      author: [{ literal: '王磊' }, { literal: '陈静' }],
      volume: '42',
      issue: '4',
      page: '1885-1897',
      DOI: '10.16085/j.issn.1000-6613.2022-1033',
    });
    expect(articles[1].abstract).toMatch(/^围绕二氧化碳加氢制甲醇/);
  });

  it('does not claim a page with MagTech-like paths but no MagTech marker', () => {
    const { html, url } = readFixture('magtech--toc.html');
    const unmarked = html.replace(/magtech/gi, 'other').replace(/玛格泰克/g, '其他');
    expect(magtech.canExtract(parse(unmarked, url), new URL(url))).toBe(false);
  });
});
