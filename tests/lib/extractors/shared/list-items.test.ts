import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_PAGE } from '@/lib/extractors/limits';
import { itemsOfRows } from '@/lib/extractors/shared/list-items';

describe('itemsOfRows', () => {
  it('gives each item the position it takes, skipping rows that are no article', () => {
    const rows = ['a', '', 'b', 'c'];
    const items = itemsOfRows(rows, (row, position) => (row ? { title: row, position } : undefined));
    expect(items).toEqual([
      { title: 'a', position: 1 },
      { title: 'b', position: 2 },
      { title: 'c', position: 3 },
    ]);
  });

  it('stops reading rows at the page cap', () => {
    let read = 0;
    const rows = Array.from({ length: MAX_ITEMS_PER_PAGE * 10 }, (_, i) => i);
    const items = itemsOfRows(rows, (row, position) => {
      read++;
      return { title: `row ${row}`, position };
    });
    expect(items).toHaveLength(MAX_ITEMS_PER_PAGE);
    expect(read).toBe(MAX_ITEMS_PER_PAGE);
  });
});
