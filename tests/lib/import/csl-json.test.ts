import { describe, expect, it } from 'vitest';
import { validateCslItem, validateCslItems } from '@/lib/import/csl-json';

describe('validateCslItem', () => {
  it('fills in a missing id and type and turns numbers into text', () => {
    expect(validateCslItem({ title: 'T', volume: 3, page: 12, id: 7 }, 0)).toEqual({ id: '7', type: 'article-journal', title: 'T', volume: '3', page: '12' });
    expect(validateCslItem({ DOI: '10.1000/x' }, 4)).toMatchObject({ id: 'item-5' });
  });

  it.each([
    [{ title: 'T', author: [{ family: 1 }] }, "an author's family is not text"],
    [{ title: 'T', author: ['Smith'] }, 'an author is not a name object'],
    [{ title: 'T', issued: { 'date-parts': [['20x0']] } }, 'issued date-parts must be lists of numbers'],
    [{ title: 'T', issued: '2020' }, 'issued must be a CSL date object'],
    [{ title: 'T', type: 3 }, 'type must be text'],
    [{ title: 'T', id: {} }, 'id must be text or a number'],
    [{ abstract: '  ' }, 'no title, abstract or DOI'],
    [[1, 2], 'not a JSON object'],
  ])('refuses %j: %s', (value, reason) => {
    expect(validateCslItem(value, 0)).toBe(reason);
  });

  it('drops empty names and keeps raw dates', () => {
    expect(validateCslItem({ title: 'T', author: [{}, { literal: 'WHO' }], issued: { raw: 'spring 2020' } }, 0)).toMatchObject({
      author: [{ literal: 'WHO' }],
      issued: { raw: 'spring 2020' },
    });
  });
});

it('validateCslItems labels rejected items by title or position', () => {
  const { items, rejected } = validateCslItems([{ title: 'Good' }, { title: 'Bad', issued: 5 }, 42]);
  expect(items).toHaveLength(1);
  expect(rejected).toEqual([
    { index: 1, entry: 'Bad', reason: 'issued must be a CSL date object' },
    { index: 2, entry: 'item 3', reason: 'not a JSON object' },
  ]);
});
