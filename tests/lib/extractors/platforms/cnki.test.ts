import { describe, expect, it } from 'vitest';
import { readRealPage, scrape, scrapeFixture } from '../fixtures';

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

  it('reads an older detail page of a master\'s thesis: DOI and keywords from their labels, typed thesis', () => {
    const { extraction, articles } = scrapeFixture('cnki--kcms-detail-master-thesis.html');
    expect(extraction).toMatchObject({ platform: 'cnki', kind: 'article' });
    expect(articles[0]).toMatchObject({
      type: 'thesis',
      title: '开放式实验管理系统的设计与实现',
      author: [{ literal: '熊一鸣' }],
      publisher: '江西财经大学',
      DOI: '10.27175/d.cnki.gjxcu.2019.000139',
      keyword: '开放式实验管理; 用例模型; 共享; 模块化设计; .NET框架',
      ids: expect.arrayContaining(['cnki:1020008317.nh']),
    });
    expect(articles[0].page).toBeUndefined();
  });

  it('reads the real older detail pages: a doctoral thesis, and a journal article\'s pages, ISSN and issue', () => {
    const thesis = readRealPage('cnki--kcms-detail-doctoral-thesis.html');
    expect(scrape(thesis.html, thesis.url).articles[0]).toMatchObject({ type: 'thesis', publisher: '中国科学技术大学' });
    const journal = readRealPage('cnki--kcms-detail-journal-2017.html');
    expect(scrape(journal.html, journal.url).articles[0]).toMatchObject({
      type: 'article-journal',
      ISSN: '1006-4052',
      issue: '15',
      page: '30-31+36',
      ids: expect.arrayContaining(['cnki:DNBC201715010']),
    });
    const old = readRealPage('cnki--kcms-detail-journal-1987.html');
    // "<正>" marks an abstract taken from the opening of the text; it is no part of it.
    expect(scrape(old.html, old.url).articles[0].abstract).toMatch(/^朱仁康\(中国中医研究院广安门医院\)/);
  });

  it('stores Latin names of a real result list the right way round (family name first in Chinese records)', () => {
    const { html, url } = readRealPage('cnki--kns8s-results-page1.html');
    const { articles } = scrape(html, url);
    expect(articles[0].author?.[5]).toEqual({ family: 'Shcheretskiy', given: 'Volodymyr' });
    expect(articles[10].author?.at(-1)).toEqual({ family: 'GARDNER', given: 'Leroy' });
    expect(articles[14].author?.slice(-2)).toEqual([
      { family: 'Remennik', given: 'Sergei' },
      { family: 'Shechtman', given: 'Dan' },
    ]);
  });

  it('reads the old result grid by its header: newspapers typed by database code, session links made permanent', () => {
    const { html, url } = readRealPage('cnki--kns-brief-newspapers.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction).toMatchObject({ platform: 'cnki', kind: 'list' });
    expect(articles[1]).toMatchObject({
      type: 'article-newspaper',
      title: '国际金融危机下的中国知识产权战略实施',
      'container-title': '中国知识产权报',
      URL: 'http://kns.cnki.net/KCMS/detail/detail.aspx?dbcode=CCND&dbname=CCND0911&filename=ZSCQ200905150041',
      ids: expect.arrayContaining(['cnki:ZSCQ200905150041']),
    });
    expect(articles[10].author).toBeUndefined();
  });

  it('reads copies of CNKI pages served elsewhere by their markup', () => {
    const list = readRealPage('cnki--kns8s-results-page2.html');
    expect(scrape(list.html, 'https://lib.example.edu.cn/kns8s/defaultresult/index').extraction).toMatchObject({ platform: 'cnki', kind: 'list' });
    const thesis = readRealPage('cnki--kcms-detail-doctoral-thesis.html');
    expect(scrape(thesis.html, 'https://mirror.example.org/KCMS/detail/detail.aspx?dbcode=CDFD').articles[0]).toMatchObject({ type: 'thesis' });
  });
});
