import { describe, expect, it } from 'vitest';
import { readRealPage, scrape, scrapeFixture } from '../fixtures';

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

  it('reads the 2018-2020 result list: type and id from the entry, a thesis\'s university, a patent\'s date', () => {
    const { html, url } = readRealPage('wanfang--search-results-2020.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction).toMatchObject({ platform: 'wanfang', kind: 'list' });
    expect(articles).toHaveLength(50);
    expect(articles[0]).toMatchObject({
      type: 'article-journal',
      'container-title': '现代经济信息',
      issue: '10',
      URL: 'https://d.wanfangdata.com.cn/periodical/xdjjxx202010098',
      // The same id as the current layout gives the record, so the two sightings are one article.
      ids: expect.arrayContaining(['wanfang:periodical_xdjjxx202010098']),
    });
    // The list cuts abstracts short with "...": the cut is no part of the text.
    expect(articles[0].abstract).toMatch(/^煤炭资源是.*结合历史价格对煤炭价格进行综合预测\.$/);
    const thesis = articles.find((article) => article.type === 'thesis');
    expect(thesis).toMatchObject({ publisher: '电子科技大学', issued: { 'date-parts': [[2012]] }, URL: 'https://d.wanfangdata.com.cn/thesis/D771773' });
    expect(thesis?.['container-title']).toBeUndefined();
    const patent = articles.find((article) => article.type === 'patent');
    expect(patent).toMatchObject({ issued: { 'date-parts': [[2018, 4, 26]] }, URL: 'https://d.wanfangdata.com.cn/patent/CN201610915633.4' });
    expect(patent?.author).toBeUndefined();
  });

  it('reads the older article page by its captioned rows', () => {
    const { html, url } = readRealPage('wanfang--periodical-2017.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction).toMatchObject({ platform: 'wanfang', kind: 'article' });
    expect(articles[0]).toMatchObject({
      author: [{ literal: '孔朝霞' }],
      'container-title': '大连干部学刊',
      volume: '33',
      issue: '4',
      DOI: '10.3969/j.issn.1671-6183.2017.04.006',
      keyword: '中国梦; 大学生; 精神动力',
      ids: expect.arrayContaining(['wanfang:periodical_dlgbxk201704006']),
    });
  });

  it('reads copies of Wanfang pages served elsewhere by their markup', () => {
    const { html } = readRealPage('wanfang--search-results-2020.html');
    expect(scrape(html, 'https://lib.example.edu.cn/search/searchList.do').articles).toHaveLength(50);
  });
});
