import { describe, expect, it } from 'vitest';
import { EXTRACTORS, MAX_ITEMS_PER_PAGE, extractPage } from '@/lib/extractors/registry';
import type { Extractor } from '@/lib/extractors/types';
import { parse, scrape, scrapeFixture } from './fixtures';

function fake(id: string, behaviour: Partial<Extractor>): Extractor {
  return { id, hosts: [], seenOn: [], canExtract: () => true, kind: () => 'list', extract: () => [], ...behaviour };
}

describe('extractor registry', () => {
  it('states the order: site extractors, embedded metadata, lone DOI, generic list last', () => {
    const ids = EXTRACTORS.map((e) => e.id);
    expect(ids).toEqual(['cnki', 'wanfang', 'cqvip', 'baidu-scholar', 'pubmed', 'arxiv', 'scholar', 'sciencedirect', 'web-of-science', 'pmc', 'biorxiv', 'semantic-scholar', 'ieee', 'ssrn', 'scopus', 'qinyun', 'magtech', 'springer', 'nature', 'wiley', 'tandfonline', 'sage', 'acs', 'acm', 'mdpi', 'frontiers', 'ojs', 'meta', 'doi', 'list']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const extractor of EXTRACTORS) expect(extractor.seenOn.length).toBeGreaterThan(0);
  });

  it('prefers a site extractor over the embedded metadata the same page carries', () => {
    // The current Qinyun page has citation_* tags, but the Qinyun reader adds the English fields.
    const { extraction } = scrapeFixture('qinyun--article-current.html');
    expect(extraction.platform).toBe('qinyun');
    expect(extraction.items[0].altTitle).toBeTruthy();
  });

  it('goes on past an extractor that throws, and reports it', () => {
    const doc = parse('<p>x</p>', 'https://example.org/');
    const thrower = fake('boom', {
      extract: () => {
        throw new Error('broken markup');
      },
    });
    const detector = fake('bad-detect', {
      canExtract: () => {
        throw new TypeError('no');
      },
    });
    const working = fake('ok', { extract: () => [{ title: 'Found anyway' }] });
    const result = extractPage(doc, 'https://example.org/', [thrower, detector, working]);
    expect(result.platform).toBe('ok');
    expect(result.items).toEqual([{ title: 'Found anyway' }]);
    expect(result.errors).toEqual([
      { extractor: 'boom', message: 'broken markup' },
      { extractor: 'bad-detect', message: 'no' },
    ]);
  });

  it('goes on past an extractor that finds nothing or returns something that is not a list', () => {
    const doc = parse('<p>x</p>', 'https://example.org/');
    const empty = fake('empty', {});
    const odd = fake('odd', { extract: () => undefined as unknown as [] });
    const working = fake('ok', { extract: () => [{ title: 'T' }], kind: () => 'article' });
    expect(extractPage(doc, 'https://example.org/', [empty, odd, working])).toMatchObject({ platform: 'ok', kind: 'article' });
  });

  it('caps the items taken from one page', () => {
    const doc = parse('<p>x</p>', 'https://example.org/');
    const flood = fake('flood', { extract: () => Array.from({ length: 5000 }, (_, i) => ({ title: `T${i}`, position: i + 1 })) });
    const result = extractPage(doc, 'https://example.org/', [flood]);
    expect(result.items).toHaveLength(MAX_ITEMS_PER_PAGE);
    expect(result.items.at(-1)?.position).toBe(MAX_ITEMS_PER_PAGE);
  });

  it('caps a real list page of a thousand results', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<tr><td class="seq">${i + 1}</td><td class="name"><a class="fz14" href="/kcms2/article/abstract?v=${i}">第${i}篇 电弧增材制造研究</a></td><td class="author">作者${i}</td></tr>`,
    ).join('');
    const url = 'https://kns.cnki.net/kns8s/defaultresult/index?kw=x';
    const { extraction, articles } = scrape(`<table class="result-table-list"><tbody>${rows}</tbody></table>`, url);
    expect(extraction.items).toHaveLength(MAX_ITEMS_PER_PAGE);
    expect(articles).toHaveLength(MAX_ITEMS_PER_PAGE);
  });

  it('reports a page URL it cannot read instead of throwing', () => {
    const result = extractPage(parse('<p>x</p>', 'https://example.org/'), 'not a url');
    expect(result.items).toEqual([]);
    expect(result.errors[0].extractor).toBe('registry');
  });

  it('yields nothing for ordinary pages: news, a blog, a search engine, broken markup', () => {
    for (const name of ['negative--news.html', 'negative--blog.html', 'negative--search-engine.html', 'negative--malformed-meta.html']) {
      const { extraction, articles } = scrapeFixture(name);
      expect(extraction.errors).toEqual([]);
      expect(articles).toEqual([]);
    }
  });

  it('never throws on broken or hostile markup', { timeout: 30_000 }, () => {
    const pages = [
      '',
      '<html><body><table><tr><td><a href="view_abstract.aspx?file_no=1">未闭合的标题很长很长<td></table>',
      '<span class="Z3988" title="rft.atitle=%E0%A4%A"></span><meta name="citation_title" content="&#0;&#xD800;">',
      `<div>${'<div>'.repeat(400)}<a href="/x">A deeply nested title link</a>${'</div>'.repeat(400)}</div>`,
      '<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[{"@type":"ScholarlyArticle","author":[null,{},[]]}]}]}]}</script>',
    ];
    for (const html of pages) {
      for (const url of ['http://j.example.cn/ch/reader/view_abstract.aspx?file_no=1', 'https://kns.cnki.net/kcms2/article/abstract?v=1', 'https://example.org/']) {
        const result = extractPage(parse(html, url), url);
        expect(result.errors).toEqual([]);
      }
    }
  });
});
