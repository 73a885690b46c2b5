import { describe, expect, it } from 'vitest';
import { readJsonLd } from '@/lib/extractors/metadata/json-ld';
import { parse } from '../fixtures';

const ld = (json: string) => parse(`<script type="application/ld+json">${json}</script>`, 'https://example.org/');

describe('JSON-LD reader', () => {
  it('reads a plain Article only when it names a DOI or a periodical', () => {
    expect(readJsonLd(ld('{"@type":"Article","headline":"News"}'))).toEqual([]);
    expect(readJsonLd(ld('{"@type":"Article","headline":"Paper","sameAs":"https://doi.org/10.1000/x"}'))[0]).toMatchObject({ title: 'Paper', doi: 'https://doi.org/10.1000/x' });
    expect(readJsonLd(ld('{"@type":["Article"],"name":"P","isPartOf":{"@type":"Periodical","name":"J"}}'))[0]).toMatchObject({ containerTitle: 'J' });
  });

  it('reads several articles of an ItemList and odd author shapes', () => {
    const items = readJsonLd(
      ld('{"@type":"ItemList","itemListElement":[{"item":{"@type":"ScholarlyArticle","name":"A","author":"Li Wei"}},{"@type":"ScholarlyArticle","name":"B","author":[{"name":"X Y"},null,42]}]}'),
    );
    expect(items.map((item) => [item.title, item.authors])).toEqual([
      ['A', ['Li Wei']],
      ['B', ['X Y']],
    ]);
  });

  it('skips invalid JSON', () => {
    expect(readJsonLd(ld('{"@type":"ScholarlyArticle",'))).toEqual([]);
  });
});
