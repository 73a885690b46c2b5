import { describe, expect, it } from 'vitest';
import { scrapeFixture } from '../fixtures';

describe('cnki extractor', () => {
  it('reads search results: authors as links or as a line, database as type, filename as id', () => {
    const { extraction, articles } = scrapeFixture('cnki--search-result.html');
    expect(extraction).toMatchObject({ platform: 'cnki', kind: 'list' });
    expect(articles).toHaveLength(3);
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      'container-title': '化工进展',
      issued: { 'date-parts': [[2023, 4, 25]] },
      type: 'article-journal',
      ids: expect.arrayContaining(['cnki:HGJZ202304016']),
    });
    expect(articles[1]).toMatchObject({
      type: 'thesis',
      publisher: '清华大学',
      author: [{ literal: '赵明宇' }, { literal: '郑雪' }, { literal: '何涛' }],
    });
    // "Li Na" shows its family name first ("Na" is no pinyin family name), so "Zhang Wei" beside it does too.
    expect(articles[2]).toMatchObject({ language: 'en', author: [{ family: 'Zhang', given: 'Wei' }, { family: 'Li', given: 'Na' }] });
    expect(articles.map((a) => a.sightings[0].position)).toEqual([1, 2, 3]);
  });

  it('reads a kcms2 article page: labelled rows, keywords without separators, source line', () => {
    const { extraction, articles } = scrapeFixture('cnki--article.html');
    expect(extraction).toMatchObject({ platform: 'cnki', kind: 'article' });
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      author: [{ literal: '刘洋' }, { literal: '韩雪' }, { literal: '孙志强' }],
      'container-title': '化工进展',
      issued: { 'date-parts': [[2023]] },
      volume: '42',
      issue: '4',
      page: '1870-1884',
      DOI: '10.16085/j.issn.1000-6613.2022-0815',
      keyword: '电解水; 析氢反应; 镍基催化剂; 碱性介质',
      ids: expect.arrayContaining(['cnki:HGJZ202304016']),
    });
    expect(articles[0].abstract).toMatch(/^碱性电解水制氢技术成熟/);
  });
});
