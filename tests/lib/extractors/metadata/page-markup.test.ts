import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageMarkup } from '@/lib/extractors/metadata/page-markup';
import { parse, readFixture, repoRoot, scrapeFixture } from '../fixtures';

describe('gaps in the tags filled from the page', () => {
  it('authors from given-name/surname spans, abstract from div.abstract, keywords; never the reference list', () => {
    const { extraction, articles } = scrapeFixture('meta--markup-authors-abstract.html');
    expect(extraction).toMatchObject({ platform: 'meta', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: 'Microplastics in river sediments of the Yangtze basin',
      author: [{ family: 'Zhang', given: 'Wei' }, { family: 'Müller', given: 'Anna' }],
      DOI: '10.1016/j.scitotenv.2020.138123',
      keyword: 'Microplastics; Sediment; Yangtze River',
      issued: { 'date-parts': [[2020, 7, 15]] },
    });
    expect(articles[0].abstract).toMatch(/^Microplastics were sampled in sediments at 42 sites/);
  });

  it('authors from a JSON data block, abstract after a "Summary" heading, DOI from a doi.org link, date from <time>', () => {
    const [article] = scrapeFixture('meta--markup-json-authors.html').articles;
    expect(article).toMatchObject({
      author: [{ family: 'Chen', given: 'Li' }, { family: 'Pérez', given: 'Jorge' }],
      DOI: '10.1016/j.jenvman.2021.112001',
      issued: { 'date-parts': [[2021, 4, 1]] },
    });
    expect(article.abstract).toMatch(/^Alternate wetting and drying cut nitrogen runoff/);
    expect(article.abstract).not.toMatch(/Rice is grown/);
  });

  it('keywords after 关键词 and a DOI in the text fill gaps; a present meta abstract is never overridden', () => {
    const [article] = scrapeFixture('meta--markup-zh.html').articles;
    expect(article).toMatchObject({
      abstract: '以北京市为例，分析了城市绿地斑块面积与形状对地表温度的影响。',
      author: [{ literal: '王小明' }],
      keyword: '城市绿地; 热岛效应; 地表温度',
      DOI: '10.11821/dlxb202105001',
    });
  });

  it('reads only the fields asked for', () => {
    const { html, url } = readFixture('meta--markup-authors-abstract.html');
    const item = readPageMarkup(parse(html, url), new Set(['keywords']));
    expect(item).toEqual({ keywords: ['Microplastics', 'Sediment', 'Yangtze River'] });
  });

  it('leaves blogs, news and search pages empty', () => {
    const negatives = readdirSync(path.join(repoRoot, 'tests/fixtures')).filter((name) => name.startsWith('negative--'));
    expect(negatives.length).toBeGreaterThan(0);
    for (const name of negatives) expect(scrapeFixture(name).articles, name).toEqual([]);
  });
});
