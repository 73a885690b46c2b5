import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/capture/limits';
import { normalizeItem } from '@/lib/capture/normalize-item';
import { article, PAGE } from './fixtures';

describe('normalizeItem', () => {
  it('cleans every field of a Chinese article page', () => {
    const result = article({
      title: '  补肾活血汤对老年单纯收缩期高血压患者血管内皮功能的影响 ',
      authors: ['刘杰', '李 秀英', 'Wang Li1,2*'],
      containerTitle: '农业经济问题',
      date: '2018/04/15',
      volume: '１４',
      issue: '4',
      firstPage: '24',
      lastPage: '42',
      doi: 'DOI：10.13000/J.CNKI.SAMPLE.2018.04.002',
      abstract: '摘要：目的 观察补肾活血汤治疗老年单纯收缩期高血压患者的临床疗效。',
      keywords: ['补肾活血汤; 单纯收缩期高血压', '老年', '老年'],
      url: '/ch/reader/view_abstract.aspx?file_no=20230502#top',
      pdfUrl: 'create_pdf.aspx?file_no=20230502',
      platformId: '20230502',
    });
    expect(result).toMatchObject({
      type: 'article-journal',
      title: '补肾活血汤对老年单纯收缩期高血压患者血管内皮功能的影响',
      author: [{ literal: '刘杰' }, { literal: '李秀英' }, { family: 'Li', given: 'Wang' }],
      'container-title': '农业经济问题',
      issued: { 'date-parts': [[2018, 4, 15]] },
      volume: '14',
      page: '24-42',
      DOI: '10.13000/j.cnki.sample.2018.04.002',
      abstract: '目的 观察补肾活血汤治疗老年单纯收缩期高血压患者的临床疗效。',
      keyword: '补肾活血汤; 单纯收缩期高血压; 老年',
      language: 'zh',
      URL: 'http://journal.example.cn/ch/reader/view_abstract.aspx?file_no=20230502',
      pdfUrl: 'http://journal.example.cn/ch/reader/create_pdf.aspx?file_no=20230502',
      ids: ['qinyun:20230502', 'url:http://journal.example.cn/ch/reader/view_abstract.aspx?file_no=20230502'],
      sightings: [{ pageUrl: PAGE, platform: 'qinyun', capturedAt: 1_700_000_000_000 }],
      collections: [],
      tags: [],
    });
    expect(result.titleKey).not.toBe('');
    expect(result.savedAt).toBeUndefined();
  });

  it('keeps an abstract-only item, and drops an item with nothing to describe it', () => {
    const context = { pageUrl: PAGE, platform: 'qinyun', capturedAt: 1 };
    expect(normalizeItem({ abstract: '在科层制体系中,自上而下的行政考核在增强任务压力的同时,也催生出基层多样化的减负回应方式' }, context)?.title).toBeUndefined();
    expect(normalizeItem({ authors: ['张三'], volume: '3' }, context)).toBeUndefined();
    expect(normalizeItem({ title: '   ', abstract: '摘要：' }, context)).toBeUndefined();
  });

  it('writes page ranges as first-last, whatever dash the page used', () => {
    expect(article({ title: 'A long enough title', pages: '24 — 42' }).page).toBe('24-42');
    expect(article({ title: 'A long enough title', pages: 'pp. 5～9' }).page).toBe('5-9');
    // An e-locator is an article number, not a page (lib/text/pages.ts).
    expect(article({ title: 'A long enough title', firstPage: 'e1002', lastPage: 'e1002' })).toMatchObject({ number: 'e1002' });
    expect(article({ title: 'A long enough title', firstPage: 'e1002', lastPage: 'e1002' }).page).toBeUndefined();
  });

  it('caps hostile field sizes and refuses non-web URLs', () => {
    const result = article({ title: 'T'.repeat(10_000), abstract: 'word '.repeat(20_000), authors: Array(1000).fill('Smith J'), url: 'javascript:alert(1)', pdfUrl: 'javascript:alert(2)' });
    expect(result.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(result.abstract!.length).toBeLessThanOrEqual(LIMITS.abstract);
    expect(result.author).toHaveLength(LIMITS.authors);
    expect(result.URL).toBeUndefined();
    expect(result.pdfUrl).toBeUndefined();
  });

  it('reads Latin names by the order the page states, and as printed without one', () => {
    const names = ['Shcheretskiy Volodymyr', '刘莉'];
    expect(article({ title: 'T', authors: names, nameOrder: 'family-first' }).author).toEqual([{ family: 'Shcheretskiy', given: 'Volodymyr' }, { literal: '刘莉' }]);
    expect(article({ title: 'T', authors: names }).author?.[0]).toEqual({ family: 'Volodymyr', given: 'Shcheretskiy' });
  });

  it('takes the language the page states over detection', () => {
    expect(article({ title: 'A title in English about rice', language: 'zh-CN' }).language).toBe('zh');
    expect(article({ title: 'A title in English about rice' }).language).toBe('en');
  });

  it('gives the same article the same id on every capture', () => {
    expect(article({ doi: '10.1000/abc', title: 'Same article' }).id).toBe(article({ doi: 'doi:10.1000/ABC', title: 'Same article' }, 'meta', 5).id);
  });
});
