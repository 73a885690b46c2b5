import { describe, expect, it } from 'vitest';
import { readFixture, scrape, scrapeFixture } from '../fixtures';

describe('qinyun extractor', () => {
  it('reads the current article template: DOM fields, meta date, bilingual title and abstract', () => {
    const { extraction, articles } = scrapeFixture('qinyun--article-current.html');
    expect(extraction).toMatchObject({ platform: 'qinyun', kind: 'article' });
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: '基于无人机多光谱影像的冬小麦叶面积指数反演',
      altTitle: 'Inversion of winter wheat leaf area index from UAV multispectral imagery',
      author: [{ literal: '陈晓东' }, { literal: '周雨晴' }, { literal: '欧阳明' }],
      'container-title': '中国农机化学报',
      issued: { 'date-parts': [[2023, 3, 15]] },
      volume: '44',
      issue: '3',
      page: '152-159',
      DOI: '10.13733/j.jcam.issn.2095-5553.2023.03.021',
      ISSN: '2095-5553',
      keyword: '无人机; 多光谱; 冬小麦; 叶面积指数',
      language: 'zh',
      URL: 'http://www.zgnjxb.cn/ch/reader/view_abstract.aspx?file_no=20230315',
      pdfUrl: 'http://www.zgnjxb.cn/ch/reader/create_pdf.aspx?file_no=20230315&flag=1&journal_id=zgnjhxb',
      ids: ['qinyun:20230315', 'url:http://www.zgnjxb.cn/ch/reader/view_abstract.aspx?file_no=20230315'],
    });
    expect(articles[0].abstract).toMatch(/^为快速、无损地获取冬小麦叶面积指数/);
    expect(articles[0].altAbstract).toMatch(/^To obtain the leaf area index/);
  });

  it('reads the old template without meta tags, dropping affiliation marks and reading the reference line', () => {
    const { articles } = scrapeFixture('qinyun--article-old.html');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: '太湖梅梁湾沉积物磷形态的季节变化',
      altTitle: 'Seasonal variation of phosphorus forms in the sediments of Meiliang Bay, Lake Taihu',
      author: [{ literal: '王立志' }, { literal: '李芳' }, { literal: '张伟' }],
      'container-title': '环境科学',
      issued: { 'date-parts': [[2012]] },
      volume: '33',
      issue: '4',
      page: '1130-1136',
      DOI: '10.13227/j.hjkx.2012.04.008',
      keyword: '太湖; 沉积物; 磷形态; 季节变化',
    });
    expect(articles[0].altAbstract).toMatch(/^Surface sediments of Meiliang Bay/);
  });

  it('reads an issue table of contents: one entry per article across its rows, the abstract link merged', () => {
    const { extraction, articles } = scrapeFixture('qinyun--issue-list.html');
    expect(extraction).toMatchObject({ platform: 'qinyun', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual([
      '玉米籽粒直收割台损失检测装置设计与试验',
      '丘陵山区履带拖拉机坡地稳定性分析',
      '基于无人机多光谱影像的冬小麦叶面积指数反演',
    ]);
    expect(articles[0]).toMatchObject({
      author: [{ literal: '张宏伟' }, { literal: '刘晨' }, { literal: '赵一鸣' }],
      volume: '44',
      issue: '3',
      page: '1-8',
      URL: 'http://www.zgnjxb.cn/ch/reader/view_abstract.aspx?file_no=20230301',
    });
    expect(articles[0].abstract).toMatch(/^针对玉米籽粒直收过程中/);
    // The third entry has no abstract row: the missing field stays missing.
    expect(articles[2].abstract).toBeUndefined();
    expect(articles.map((a) => a.sightings[0].position)).toEqual([1, 2, 3]);
  });

  it('reads search results with journal, issue line and abstract', () => {
    const { articles } = scrapeFixture('qinyun--search-results.html');
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({
      title: '植保无人机雾滴沉积分布影响因素研究',
      'container-title': '中国农机化学报',
      issued: { 'date-parts': [[2022]] },
      volume: '43',
      issue: '6',
      page: '77-83',
      ids: expect.arrayContaining(['qinyun:20220611']),
    });
  });

  it('reads the similar-literature list with titles and merges an article listed twice', () => {
    const { extraction, articles } = scrapeFixture('qinyun--similar-titled.html');
    expect(extraction.items).toHaveLength(3);
    expect(extraction.items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(articles).toHaveLength(2);
    expect(articles[0].title).toBe('植保无人机雾滴沉积分布影响因素研究');
    expect(articles[0].URL).toBe('http://www.zgnjxb.cn/ch/reader/view_abstract.aspx?file_no=20220611');
  });

  it('keeps abstract-only entries of the untitled list and drops an entry with nothing in it', () => {
    const { extraction, articles } = scrapeFixture('qinyun--similar-untitled.html');
    expect(extraction.items.map((item) => item.position)).toEqual([1, 3]);
    expect(articles).toHaveLength(2);
    expect(articles.every((a) => a.title === undefined && a.abstract)).toBe(true);
    expect(articles[1].URL).toBe('http://www.zgnjxb.cn/ch/reader/view_abstract.aspx?file_no=20230120');
  });

  it('reads the newest template (/article/abstract/ID) from its tags, with its id and address', () => {
    const { extraction, articles } = scrapeFixture('qinyun--article-newest.html');
    expect(extraction).toMatchObject({ platform: 'qinyun', kind: 'article' });
    expect(articles[0]).toMatchObject({
      title: '丘陵山区履带拖拉机坡地稳定性分析',
      author: [{ literal: '李明轩' }, { literal: '王芳' }],
      'container-title': '中国农机装备',
      issued: { 'date-parts': [[2023, 11, 20]] },
      page: '1-7',
      ids: ['qinyun:202311001', 'url:http://zgnjzz.ijournals.cn/zgnjzz/article/abstract/202311001'],
    });
    // Served from a journal's own domain, it is recognised by its footer.
    const { html } = readFixture('qinyun--article-newest.html');
    expect(scrape(html, 'https://www.zgnjzz.com/zgnjzz/article/abstract/202311001').extraction.platform).toBe('qinyun');
  });
});
