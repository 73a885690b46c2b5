import { describe, expect, it } from 'vitest';
import { ojs, parseIssueHeading } from '@/lib/extractors/platforms/ojs';
import { parse, readRealPage, scrape, scrapeFixture } from '../fixtures';

describe('Open Journal Systems', () => {
  it('reads an OJS 3 issue table of contents: journal, volume, issue, year, pages, article id', () => {
    const { extraction, articles } = scrapeFixture('ojs--issue-toc.html');
    expect(extraction).toMatchObject({ platform: 'ojs', kind: 'list' });
    expect(articles).toHaveLength(3);
    expect(articles[2]).toMatchObject({
      title: 'Seagrass recovery after dredging in a tropical bay',
      'container-title': 'Jurnal Ekologi Tropis',
      volume: '12',
      issue: '2',
      issued: { 'date-parts': [[2023]] },
      page: '129-140',
      URL: 'https://journals.example.ac.id/index.php/jurnal-ekologi/article/view/1503',
    });
    expect(articles[2].author?.map((name) => name.family)).toEqual(['Lestari', 'Pratama', 'Kusuma']);
  });

  it('reads an OJS 2 table of contents (tocArticle tables)', () => {
    const row = (n: number) =>
      `<table class="tocArticle"><tr><td class="tocTitle"><a href="/index.php/jhs/article/view/${n}">Oral histories of a fishing village, part ${n}</a></td><td class="tocGalleys"><a href="/index.php/jhs/article/view/${n}/${n}0">PDF</a></td></tr><tr><td class="tocAuthors">Ana Souza, Pedro Lima</td><td class="tocPages">${n}-${n + 9}</td></tr></table>`;
    const url = 'https://revistas.example.br/index.php/jhs/issue/view/7';
    const { extraction, articles } = scrape(`<html><head><title>Vol 5, No 1 (2012) | Journal of Historical Studies</title></head><body>${row(1)}${row(20)}</body></html>`, url);
    expect(extraction.platform).toBe('ojs');
    expect(articles.map((a) => a.page)).toEqual(['1-10', '20-29']);
    expect(articles[0]).toMatchObject({ volume: '5', issue: '1', issued: { 'date-parts': [[2012]] }, 'container-title': 'Journal of Historical Studies' });
  });

  it('reads a real OJS article page from its tags, with the article id', () => {
    const { html, url } = readRealPage('ojs--article-first-monday.html');
    const { extraction, articles } = scrape(html, url);
    expect(extraction).toMatchObject({ platform: 'ojs', kind: 'article' });
    expect(articles[0].DOI).toBe('10.5210/fm.v25i10.10274');
  });

  it('reads issue headings in their several forms', () => {
    expect(parseIssueHeading('Vol. 25 No. 10 (2020)')).toEqual({ volume: '25', issue: '10', date: '2020' });
    expect(parseIssueHeading('Volume 7, Issue 2, 2021')).toEqual({ volume: '7', issue: '2', date: '2021' });
  });

  it('is not fooled by an address alone, and gives nothing for summaries without article links', () => {
    const url = new URL('https://blog.example.com/index.php/news/article/view/3');
    expect(ojs.canExtract(parse('<body><p>A blog post</p></body>', url.href), url)).toBe(false);
    const toc = new URL('https://j.example.org/index.php/j/issue/view/1');
    const doc = parse('<div class="obj_article_summary"><h3 class="title"><a href="/index.php/j/about">About the journal</a></h3></div>', toc.href);
    expect(ojs.extract(doc, toc)).toEqual([]);
  });
});
