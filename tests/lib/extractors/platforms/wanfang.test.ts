import { describe, expect, it } from 'vitest';
import { scrapeFixture } from '../fixtures';

describe('wanfang extractor', () => {
  it('reads search results with the record id, type, source, issue, abstract and keywords', () => {
    const { extraction, articles } = scrapeFixture('wanfang--search-result.html');
    expect(extraction).toMatchObject({ platform: 'wanfang', kind: 'list' });
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      author: [{ literal: '刘洋' }, { literal: '韩雪' }, { literal: '孙志强' }],
      'container-title': '化工进展',
      issue: '4',
      keyword: '电解水; 析氢反应; 镍基催化剂',
      URL: 'https://d.wanfangdata.com.cn/periodical/hgjz202304016',
      ids: expect.arrayContaining(['wanfang:periodical_hgjz202304016']),
    });
    expect(articles[1]).toMatchObject({ type: 'thesis', publisher: '大连理工大学', URL: 'https://d.wanfangdata.com.cn/thesis/D02512345' });
  });

  it('reads an article page with its English title', () => {
    const { articles } = scrapeFixture('wanfang--article.html');
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      altTitle: 'Research progress of nickel-based catalysts for hydrogen production by alkaline water electrolysis',
      volume: '42',
      issue: '4',
      page: '1870-1884',
      DOI: '10.16085/j.issn.1000-6613.2022-0815',
      'container-title': '化工进展',
    });
  });
});
