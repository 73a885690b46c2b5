import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import zhCN from '@/public/_locales/zh_CN/messages.json';
import { localeFor, translator } from '@/lib/i18n';

describe('UI strings', () => {
  it('has every key in both languages, with the same substitutions', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const slots = (text: string) => [...new Set(text.match(/\$\d/g))].sort();
      expect(slots(zhCN[key].message), key).toEqual(slots(en[key].message));
    }
  });
  it('follows the browser language', () => {
    expect(localeFor('zh-CN')).toBe('zh_CN');
    expect(localeFor('zh-TW')).toBe('zh_CN');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('de')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });
  it('substitutes values', () => {
    expect(translator('en').t('popupCount', 19, 3)).toBe('19 articles on this page: 3 new');
    expect(translator('zh_CN').t('popupCount', 19, 3)).toBe('本页 19 篇文献，其中新文献 3 篇');
  });
  it('says one article, and many articles, in English', () => {
    const { t } = translator('en');
    expect(t('popupCount', 1, 1)).toBe('1 article on this page: 1 new');
    expect(t('popupCount', 0, 0)).toBe('0 articles on this page: 0 new');
    expect(t('optStoredCounts', '1,202', 1, 1, 1)).toBe('1,202 articles (1 saved), 1 collection, 1 page record.');
    expect(t('optStoredCounts', '1', 0, '2', 0)).toBe('1 article (0 saved), 2 collections, 0 page records.');
    expect(translator('zh_CN').t('libCount', 1)).toBe(translator('zh_CN').t('libCount', 2).replace('2', '1'));
  });
});
