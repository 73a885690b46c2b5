import { describe, expect, it } from 'vitest';
import { readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('baidu-scholar extractor', () => {
  const results = readRealPage('baidu-scholar--results-computer.html');

  it('reads a result list: the paper page as URL, books by their label, a book\'s publisher, the year', () => {
    const { extraction, articles } = scrape(results.html, results.url);
    expect(extraction).toMatchObject({ platform: 'baidu-scholar', kind: 'list' });
    expect(articles).toHaveLength(9);
    expect(articles[0]).toMatchObject({
      type: 'article-journal',
      title: '神经网络与神经计算机:第二讲 神经网络的学习算法',
      author: [{ literal: '庄镇泉' }, { literal: '王东生' }],
      'container-title': '电子技术应用',
      issued: { 'date-parts': [[1990]] },
      URL: 'https://xueshu.baidu.com/usercenter/paper/show?paperid=97c9188f3539ce8cc47e95c264bfb225',
      ids: expect.arrayContaining(['baidu-scholar:97c9188f3539ce8cc47e95c264bfb225']),
    });
    expect(articles[2]).toMatchObject({ type: 'book', title: '计算机密码学:计算机网络中的数据保密与安全', publisher: '清华大学出版社' });
    expect(articles[2]['container-title']).toBeUndefined();
    expect(articles.map((article) => article.sightings[0].position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('splits a link that holds several Latin names and reads them by their initials', () => {
    const { articles } = scrape(results.html, results.url);
    expect(articles[3].author?.slice(0, 3)).toEqual([
      { family: 'Shampine', given: 'L.F.' },
      { family: 'Gordon', given: 'M.K' },
      { family: 'Shampine', given: 'L.F.' },
    ]);
  });

  it('reads a copy of the list served elsewhere by its markup', () => {
    const { extraction, articles } = scrape(results.html, 'https://xueshu.example.edu.cn/s?wd=%E8%AE%A1%E7%AE%97%E6%9C%BA');
    expect(extraction.platform).toBe('baidu-scholar');
    expect(articles).toHaveLength(9);
  });

  it('reads a paper page: authors, abstract, keywords, DOI, journal, issue and year', () => {
    const { extraction, articles } = scrapeFixture('baidu-scholar--paper.html');
    expect(extraction).toMatchObject({ platform: 'baidu-scholar', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: '基于Selenium的Python网络爬虫的实现',
      author: [{ literal: '花君林' }],
      DOI: '10.16184/j.cnki.comprg.2017.15.010',
      keyword: '网络爬虫; Python语言; Selenium技术',
      'container-title': '电脑编程技巧与维护',
      issue: '15',
      issued: { 'date-parts': [[2017]] },
      URL: 'https://xueshu.baidu.com/usercenter/paper/show?paperid=1225ce5f09afb0415da27b99038024fd',
    });
    expect(articles[0].abstract).toMatch(/^随着大数据时代的到来/);
  });
});
