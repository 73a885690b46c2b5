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
});
