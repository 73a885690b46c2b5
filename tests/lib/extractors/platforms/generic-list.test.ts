import { describe, expect, it } from 'vitest';
import { genericList } from '@/lib/extractors/platforms/generic-list';
import { parse, scrapeFixture } from '../fixtures';

describe('generic list extractor', () => {
  it('reads repeated article blocks of an unknown journal, skipping a block without abstract', () => {
    const { extraction, articles } = scrapeFixture('list--journal-toc.html');
    expect(extraction).toMatchObject({ platform: 'list', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual([
      'Snowmelt timing shifts in high-elevation catchments of the Andes',
      'Groundwater depletion and land subsidence in a coastal delta',
      'Evaluating satellite precipitation products over mountainous terrain',
    ]);
    expect(articles[0]).toMatchObject({
      URL: 'https://www.example-hydrology.org/article/view/301',
      DOI: '10.5555/ehl.2024.301',
      volume: '14',
      issue: '2',
      page: '101-115',
      author: [{ family: 'Mendoza', given: 'Carla' }, { family: 'Hall', given: 'Peter' }],
    });
    expect(articles[0].abstract).toMatch(/^We analysed daily streamflow records/);
  });

  it('never fires on news lists, blog indexes or search engines', () => {
    for (const name of ['negative--news.html', 'negative--blog.html', 'negative--search-engine.html']) {
      const { extraction, articles } = scrapeFixture(name);
      expect(extraction.items).toEqual([]);
      expect(articles).toEqual([]);
    }
  });

  it('needs at least three qualifying blocks', () => {
    const block = (i: number) =>
      `<div class="e"><a href="/a/${i}">A title long enough to be one ${i}</a><p>Abstract: ${'measured values of the study area were compared '.repeat(6)}</p></div>`;
    const url = new URL('https://j.example.org/toc');
    expect(genericList.extract(parse(`<body><div>${block(1)}${block(2)}</div></body>`, url.href), url)).toEqual([]);
    expect(genericList.extract(parse(`<body><div>${block(1)}${block(2)}${block(3)}</div></body>`, url.href), url)).toHaveLength(3);
  });
  it('reads a definition list: <dt> title links, <dd> byline and abstract after them', () => {
    const { extraction, articles } = scrapeFixture('list--definition-list.html');
    expect(extraction).toMatchObject({ platform: 'list', kind: 'list' });
    expect(articles.map((a) => a.title)).toEqual([
      'Persistence of soil organic matter as an ecosystem property',
      'Quantifying the global stocks of mineral-associated organic carbon',
      'Microbial carbon use efficiency and soil organic carbon formation',
    ]);
    expect(articles[0]).toMatchObject({ DOI: '10.1038/nature10386', issued: { 'date-parts': [[2011]] } });
    expect(articles[0].abstract).toMatch(/^Globally, soil organic matter \(SOM\) contains/);
  });

  it('reads a table of references without abstracts: title, authors, year and a DOI cell', () => {
    const { extraction, articles } = scrapeFixture('list--table.html');
    expect(extraction.platform).toBe('list');
    expect(articles).toHaveLength(4);
    expect(articles[0]).toMatchObject({
      title: 'Ocean heat uptake in the Southern Ocean under strengthening westerlies',
      DOI: '10.1175/jcli-d-22-0401.1',
      issued: { 'date-parts': [[2023]] },
      URL: 'https://www.example-institute.org/publications/2023/ocean-heat-uptake',
      author: [{ family: 'Ortega', given: 'Lina' }, { family: 'Whitfield', given: 'James' }],
    });
    expect(articles[0].abstract).toBeUndefined();
  });

  it('reads a card grid with short snippets and DOI links', () => {
    const { articles } = scrapeFixture('list--card-grid.html');
    expect(articles.map((a) => a.DOI)).toEqual(['10.5555/jen.2024.0112', '10.5555/jen.2024.0087', '10.5555/jen.2023.1450']);
    expect(articles[2]).toMatchObject({ title: 'Cortical thickness and bilingual experience across the lifespan', issued: { 'date-parts': [[2023]] } });
    expect(articles[0].abstract).toMatch(/^Spindle density during stage 2 sleep/);
    expect(articles[0].author?.[0]).toEqual({ family: 'Ruiz', given: 'Ana' });
  });

  it('takes no year from inside a DOI', () => {
    const { articles } = scrapeFixture('list--journal-toc.html');
    expect(articles[0].DOI).toBe('10.5555/ehl.2024.301');
    expect(articles[0].issued).toBeUndefined();
  });

  it('does not take blog or news teasers that quote a DOI in their text for articles', () => {
    const post = (i: number) =>
      `<article class="post"><h2><a href="/2024/03/post-${i}">What a new study says about sleep and memory, part ${i}</a></h2><p class="date">12 March 2024</p><p>A team reported this week (doi:10.5555/jen.2024.011${i}) that spindles matter. We asked two researchers what it means for the rest of us.</p></article>`;
    const url = new URL('https://blog.example.net/');
    const doc = parse(`<body><main>${post(1)}${post(2)}${post(3)}${post(4)}</main></body>`, url.href);
    expect(genericList.extract(doc, url)).toEqual([]);
  });

  it('gives nothing for a table of rows that are not articles (no DOI, no abstract)', () => {
    const row = (i: number) => `<tr><td><a href="/product/${i}">Stainless steel water bottle model ${i}</a></td><td>2023</td><td>12.99</td></tr>`;
    const url = new URL('https://shop.example.com/list');
    const doc = parse(`<body><table><tbody>${row(1)}${row(2)}${row(3)}${row(4)}</tbody></table></body>`, url.href);
    expect(genericList.extract(doc, url)).toEqual([]);
  });
  it('takes no reference list for a list of articles: its links say "View Article", not titles', () => {
    const ref = (i: number) =>
      `<li><span class="order">${i}.</span> Smith J, Lee K (2011) A study of bone healing in model ${i}. J Orthop Res 29: 1-9. <a href="https://doi.org/10.1002/jor.2011${i}">View Article</a> <a href="https://scholar.google.com/x">Google Scholar</a></li>`;
    const url = new URL('https://journals.example.org/article?id=10.1371/x');
    const doc = parse(`<body><ol class="references">${ref(1)}${ref(2)}${ref(3)}${ref(4)}</ol></body>`, url.href);
    expect(genericList.extract(doc, url)).toEqual([]);
  });
});
