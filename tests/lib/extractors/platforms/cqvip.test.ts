import { describe, expect, it } from 'vitest';
import { readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('cqvip extractor', () => {
  it('reads search results with the Chinese issue line ("2023年第4期1870-1884,共15页")', () => {
    const { extraction, articles } = scrapeFixture('cqvip--search-result.html');
    expect(extraction).toMatchObject({ platform: 'cqvip', kind: 'list' });
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      'container-title': '化工进展',
      issued: { 'date-parts': [[2023]] },
      issue: '4',
      page: '1870-1884',
      URL: 'https://qikan.cqvip.com/Qikan/Article/Detail?id=7109876543',
    });
    expect(articles[1]).toMatchObject({ author: [{ literal: '许晨' }], issue: '18', page: '61-69' });
  });

  it('reads an article page, dropping labels and title marks', () => {
    const { articles } = scrapeFixture('cqvip--article.html');
    expect(articles[0]).toMatchObject({
      title: '碱性电解水制氢镍基催化剂研究进展',
      'container-title': '化工进展',
      DOI: '10.16085/j.issn.1000-6613.2022-0815',
      keyword: '电解水; 析氢反应; 镍基催化剂',
      author: [{ literal: '刘洋' }, { literal: '韩雪' }, { literal: '孙志强' }],
    });
    expect(articles[0].abstract).toMatch(/^碱性电解水制氢技术成熟/);
    expect(articles[0].altAbstract).toMatch(/^Alkaline water electrolysis/);
  });

  it('reads the older www.cqvip.com article page: source line, pages, keywords, no placeholder volume', () => {
    const { html, url } = readRealPage('cqvip--qk-article-2017.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction).toMatchObject({ platform: 'cqvip', kind: 'article' });
    expect(articles[0]).toMatchObject({
      author: [{ literal: '花君林' }],
      'container-title': '电脑编程技巧与维护',
      issue: '15',
      page: '30-31',
      keyword: '网络爬虫; PYTHON语言; Selenium技术',
      ids: expect.arrayContaining(['cqvip:672817447']),
    });
    expect(articles[0].volume).toBeUndefined();
    expect(articles[0].abstract).toMatch(/^随着大数据时代的到来.*高效地爬取所需要的数据\.$/);
  });
});
