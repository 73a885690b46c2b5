import { describe, expect, it } from 'vitest';
import { dateText, draftOf, readDate, readDoi, readDraft, readKeywords, readNames, readUrl } from '@/lib/model/edit-fields';
import { makeArticle } from '../db/library-fixtures';

describe('reading what the reader typed', () => {
  it('reads dates written as a year, a month or a day, in numbers or Chinese, and refuses others', () => {
    expect(readDate('2021')).toEqual({ ok: true, value: { 'date-parts': [[2021]] } });
    expect(readDate('2021-5')).toEqual({ ok: true, value: { 'date-parts': [[2021, 5]] } });
    expect(readDate('２０２１/05/03')).toEqual({ ok: true, value: { 'date-parts': [[2021, 5, 3]] } });
    expect(readDate('2021年5月3日')).toEqual({ ok: true, value: { 'date-parts': [[2021, 5, 3]] } });
    expect(readDate(' ')).toEqual({ ok: true, value: undefined });
    for (const bad of ['2021-13', '2021-02-30', 'May 2021', '21', '2021-05-03 and more']) expect(readDate(bad)).toEqual({ ok: false, problem: 'date' });
    expect(dateText({ 'date-parts': [[2021, 5, 3]] })).toBe('2021-05-03');
    expect(dateText({ raw: 'Spring 2021' })).toBe('Spring 2021');
  });

  it('reads a DOI with or without its prefixes, canonical, and refuses text that only holds one', () => {
    expect(readDoi('10.1038/NATURE13322')).toEqual({ ok: true, value: '10.1038/nature13322' });
    expect(readDoi('doi: 10.1038/nature13322')).toEqual({ ok: true, value: '10.1038/nature13322' });
    expect(readDoi('https://doi.org/10.1038%2Fnature13322')).toEqual({ ok: true, value: '10.1038/nature13322' });
    expect(readDoi('see 10.1038/nature13322 online')).toEqual({ ok: false, problem: 'doi' });
    expect(readDoi('nature13322')).toEqual({ ok: false, problem: 'doi' });
  });

  it('reads web addresses, adding https to a bare one, and refuses others', () => {
    expect(readUrl('www.example.cn/a?b=1')).toEqual({ ok: true, value: 'https://www.example.cn/a?b=1' });
    expect(readUrl('http://万方.cn/x')).toEqual({ ok: true, value: 'http://xn--chqp19c.cn/x' });
    for (const bad of ['javascript:alert(1)', 'not an address', 'ftp://example.org/x', 'localhost']) expect(readUrl(bad)).toEqual({ ok: false, problem: 'url' });
  });

  it('keeps Chinese names whole and Latin ones as family and given, in order', () => {
    expect(
      readNames([
        { whole: true, literal: ' 欧阳修 ', family: '', given: '' },
        { whole: false, literal: '', family: 'van Loo', given: 'Geert' },
        { whole: false, literal: '', family: '王', given: '小明' },
        { whole: false, literal: '', family: '', given: '' },
        { whole: false, literal: '', family: 'Plato', given: '' },
      ]),
    ).toEqual([{ literal: '欧阳修' }, { family: 'van Loo', given: 'Geert' }, { literal: '王小明' }, { family: 'Plato' }]);
    expect(readNames([])).toBeUndefined();
  });

  it('splits keywords on any separator readers use', () => {
    expect(readKeywords('问责，避责、基层治理; 问责\nMRI')).toBe('问责; 避责; 基层治理; MRI');
  });

  it('turns an unchanged draft into a patch that changes nothing, a raw date included', () => {
    const article = makeArticle('x', { issued: { raw: 'Spring 2021' }, author: [{ literal: '张伟' }], keyword: 'a; b', DOI: '10.1/x' });
    const { patch, problems } = readDraft(draftOf(article), article);
    expect(problems).toEqual({});
    expect(patch).toMatchObject({ title: article.title, issued: { raw: 'Spring 2021' }, author: [{ literal: '张伟' }], keyword: 'a; b', DOI: '10.1/x', type: 'article-journal' });
  });
});
