import { describe, expect, it } from 'vitest';
import { embeddedMetadata } from '@/lib/extractors/platforms/embedded-metadata';
import { parse, scrape, scrapeFixture } from '../fixtures';

describe('embedded metadata extractor', () => {
  it('reads schema.org JSON-LD from @graph past a broken script', () => {
    const { extraction, articles } = scrapeFixture('meta--jsonld.html');
    expect(extraction).toMatchObject({ platform: 'meta', kind: 'article', errors: [] });
    expect(articles[0]).toMatchObject({
      title: 'Soil carbon under cover crops: a meta-analysis',
      author: [{ family: 'Souza', given: 'Ana' }, { family: 'García', given: 'Tomás' }],
      'container-title': 'Example Journal of Soils',
      volume: '73',
      issue: '5',
      number: 'e13290',
      DOI: '10.5555/ejs.2022.0417',
      ISSN: '1234-5678',
      publisher: 'Example Society',
      keyword: 'cover crops; soil organic carbon; meta-analysis',
    });
  });

  it('makes several items from COinS spans, each with its record link, skipping a broken span', () => {
    const { extraction, articles } = scrapeFixture('meta--coins.html');
    expect(extraction.kind).toBe('list');
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: 'Groundwater recharge estimates for the Loess Plateau',
      author: [{ family: 'Wang', given: 'Hui' }, { family: 'Liu', given: 'Bo' }],
      DOI: '10.1016/j.jhydrol.2020.125912',
      URL: 'https://repository.example.edu/handle/123/4567',
    });
    expect(articles[1]).toMatchObject({ author: [{ family: 'Smith', given: 'Karen' }], page: '106001-106012' });
  });

  it('reads eprints tags', () => {
    const { articles } = scrapeFixture('meta--eprints.html');
    expect(articles[0]).toMatchObject({
      title: 'Flood risk perception in coastal towns',
      'container-title': 'Journal of Risk Research',
      issued: { 'date-parts': [[2019, 11]] },
      page: '1410-1428',
      DOI: '10.1080/13669877.2018.1476900',
      keyword: 'flood risk; risk perception; insurance',
    });
  });

  it('reads OJS-style Dublin Core with PRISM volume and issue', () => {
    const { articles } = scrapeFixture('meta--dublin-core.html');
    expect(articles[0]).toMatchObject({
      title: 'Calidad del agua en el río Lerma',
      author: [{ family: 'López', given: 'María' }],
      'container-title': 'Revista de Estudios Ambientales',
      issued: { 'date-parts': [[2020, 7, 1]] },
      DOI: '10.5555/rea.v12i2.2211',
      volume: '12',
      issue: '2',
    });
  });

  it('ignores COinS of a reference list when the page describes its own article', () => {
    const html = `<html><head><meta name="citation_title" content="The article itself"><meta name="citation_doi" content="10.1000/own"></head>
      <body><ol><li><span class="Z3988" title="rft.atitle=Cited+one&amp;rft.jtitle=J"></span></li><li><span class="Z3988" title="rft.atitle=Cited+two&amp;rft.jtitle=J"></span></li></ol></body></html>`;
    const { extraction, articles } = scrape(html, 'https://journal.example.org/a/1');
    expect(extraction.kind).toBe('article');
    expect(articles.map((a) => a.title)).toEqual(['The article itself']);
  });

  it('does not take Dublin Core alone (CMS plugins write it) or a plain Article of a news site', () => {
    const dcOnly = '<html><head><meta name="DC.title" content="My holiday photos"><meta name="DC.creator" content="Sam"></head><body></body></html>';
    const news = '<html><head><script type="application/ld+json">{"@type":"Article","headline":"Local team wins","author":{"name":"Reporter"}}</script></head><body></body></html>';
    for (const html of [dcOnly, news]) {
      expect(embeddedMetadata.extract(parse(html, 'https://example.com/p'), new URL('https://example.com/p'))).toEqual([]);
    }
  });

  it('survives malformed tags: empty and nameless metas, a non-DOI, broken JSON-LD and COinS', () => {
    const { extraction, articles } = scrapeFixture('negative--malformed-meta.html');
    expect(extraction.errors).toEqual([]);
    expect(articles).toEqual([]);
  });
});
