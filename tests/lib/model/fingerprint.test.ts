import { describe, expect, it } from 'vitest';
import { identityFingerprint, recordFingerprint } from '@/lib/model/fingerprint';
import type { Article } from '@/lib/model/article';
import { abstractFingerprint } from '@/lib/text/clean';

const essay: Partial<Article> = {
  title: '走第三条路',
  author: [{ literal: '李陀' }],
  issued: { 'date-parts': [[2019, 3]] },
  'container-title': '读书',
  issue: '3',
  page: '12-15',
  titleKey: '',
};

describe('recordFingerprint', () => {
  it('is the same for the same record typed with other width, case or spacing', () => {
    const retyped = { ...essay, title: '走第三条路 ', 'container-title': '《读书》', author: [{ literal: '李 陀' }] };
    expect(recordFingerprint(essay)).toMatch(/^[0-9a-f]{16}$/);
    expect(recordFingerprint(retyped)).toBe(recordFingerprint(essay));
  });

  it('differs when any field of the record does', () => {
    const others: Partial<Article>[] = [
      { ...essay, title: '迷狂的北京' },
      { ...essay, author: [{ literal: '王蒙' }] },
      { ...essay, issued: { 'date-parts': [[2020, 3]] } },
      { ...essay, 'container-title': '天涯' },
      { ...essay, volume: '41' },
      { ...essay, issue: '4' },
      { ...essay, page: '16-19' },
      { ...essay, number: 'e7' },
    ];
    const prints = new Set([essay, ...others].map(recordFingerprint));
    expect(prints.size).toBe(others.length + 1);
  });

  it('says nothing for a bare title, which many unrelated records share', () => {
    expect(recordFingerprint({ title: '前言' })).toBe('');
    expect(recordFingerprint({ title: '前言', issued: { 'date-parts': [[2019]] } })).not.toBe('');
    expect(recordFingerprint({ ...essay, title: undefined })).toBe('');
  });
});

describe('identityFingerprint', () => {
  it("is the abstract's fingerprint when there is an abstract to take it from", () => {
    const abstract = '本文讨论了城市景观的含义及其在当代文化中的位置，并追溯了这一概念的来历与变化。'.repeat(2);
    expect(identityFingerprint({ ...essay, abstract })).toBe(abstractFingerprint(abstract));
  });

  it('is the whole record only when nothing else identifies the article', () => {
    expect(identityFingerprint(essay)).toBe(recordFingerprint(essay));
    expect(identityFingerprint({ ...essay, DOI: '10.1000/x' })).toBe('');
    expect(identityFingerprint({ ...essay, ids: ['cnki:DUSU201903004'] })).toBe('');
    expect(identityFingerprint({ ...essay, titleKey: 'walkingthethirdway' })).toBe('');
  });
});
