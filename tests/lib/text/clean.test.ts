import { describe, expect, it } from 'vitest';
import {
  abstractFingerprint,
  cleanText,
  decodeEntities,
  detectLanguage,
  LANGUAGE_SAMPLE,
  foldFullWidth,
  hasCjk,
  normalizeDoi,
  stripFieldLabel,
  titleKey,
} from '@/lib/text/clean';

describe('cleanText', () => {
  it('collapses whitespace, including ideographic spaces and non-breaking spaces', () => {
    expect(cleanText('  基层\u3000治理 \n\t研究\u00a0 ')).toBe('基层 治理 研究');
  });
  it('decodes entities, including double-encoded ones left in meta tags', () => {
    expect(cleanText('&quot;价值一工具&quot; &amp;#8220;x&#x201d; &lt;b&gt;')).toBe('"价值一工具" &#8220;x” <b>');
    expect(decodeEntities('A &amp; B &#20013;&#25991;')).toBe('A & B 中文');
  });
  it('removes control characters, zero-width marks and lone surrogates', () => {
    expect(cleanText('a\u0000b\u200bc\ufeffd\ud800e')).toBe('abcde');
  });
  it('caps length', () => {
    expect(cleanText('x'.repeat(50_000), 100)).toHaveLength(100);
  });
  it('returns an empty string for nothing', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(null)).toBe('');
  });
});

describe('identifiers', () => {
  it('folds full-width characters to half-width', () => {
    expect(foldFullWidth('ＤＯＩ：１０．１０００／ａｂｃ')).toBe('DOI:10.1000/abc');
  });
  it.each([
    ['doi:10.1038/nature13322', '10.1038/nature13322'],
    ['https://doi.org/10.1016/J.PSYNEUEN.2015.03.010', '10.1016/j.psyneuen.2015.03.010'],
    ['http://dx.doi.org/10.1186/1746-6148-10-144.', '10.1186/1746-6148-10-144'],
    ['DOI：１０．１３０００／j.cnki.sample.2018.04.002', '10.13000/j.cnki.sample.2018.04.002'],
    ['https://doi.org/10.1000%2Fabc(1)', '10.1000/abc(1)'],
    ['no doi here', ''],
    ['"doi:10.1000/abc"', '10.1000/abc'],
    ['10.1000.10/abc', '10.1000.10/abc'],
  ])('normalizes %s', (input, expected) => {
    expect(normalizeDoi(input)).toBe(expected);
  });
  it.each([
    ['BibTeX entry injection', '10.1234/a}}@misc{injected,title={INJECTED},howpublished={https://evil.example},note={x'],
    ['a backslash', '10.1234/a\\textbf{x}'],
    ['an at sign', '10.1234/a@b'],
    ['a quote inside', '10.1234/a"b'],
    ['a backtick', '10.1234/a`b`'],
    ['an invisible format character', '10.1234/a\u202eb'],
  ])('refuses a DOI with %s whole, never cut short', (_case, input) => {
    expect(normalizeDoi(input)).toBe('');
  });
  it('drops control characters as all page text loses them', () => {
    expect(normalizeDoi('10.1234/a\u0007b')).toBe('10.1234/ab');
  });
  it('keeps the characters real DOIs have (SICI DOIs: parentheses, colons, semicolons, angle brackets stay out of text matches)', () => {
    expect(normalizeDoi('10.1002/(SICI)1097-4636(199812)43:4;2-I')).toBe('10.1002/(sici)1097-4636(199812)43:4;2-i');
    expect(normalizeDoi('10.5555/中文-123')).toBe('10.5555/中文-123');
  });
});

describe('labels and language', () => {
  it.each([
    ['摘要：目的 观察疗效', '目的 观察疗效'],
    ['【摘要】 研究发现', '研究发现'],
    ['Abstract: We study', 'We study'],
    ['ABSTRACT We study', 'We study'],
    ['关键词：补肾活血汤', '补肾活血汤'],
    ['Abstracts of talks', 'Abstracts of talks'],
  ])('strips the label of %s', (input, expected) => {
    expect(stripFieldLabel(input)).toBe(expected);
  });
  it('tells Chinese from English, mixed text by its share of ideographs', () => {
    expect(detectLanguage('基于“压力-回应”的分析框架对农村基层治理考察发现')).toBe('zh');
    expect(detectLanguage('Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis')).toBe('en');
    expect(detectLanguage('基于深度学习的 WAAM 增材制造组织性能研究')).toBe('zh');
    expect(detectLanguage('12345 ---')).toBe('');
  });
  it('weighs an ideograph as three Latin letters, over the first LANGUAGE_SAMPLE characters only', () => {
    expect(detectLanguage('中abc')).toBe('zh');
    expect(detectLanguage('中abcd')).toBe('en');
    expect(detectLanguage('中文ABCDEF')).toBe('zh');
    expect(detectLanguage(`${'a'.repeat(LANGUAGE_SAMPLE)}${'中'.repeat(LANGUAGE_SAMPLE)}`)).toBe('en');
    expect(detectLanguage(`${' '.repeat(LANGUAGE_SAMPLE - 1)}中${'a'.repeat(100)}`)).toBe('zh');
  });
  it('counts the ideograph ranges it names and no letters beyond ASCII', () => {
    // Extension A starts at U+3400, the unified block ends at U+9FFF, compatibility ideographs U+F900-U+FAFF.
    expect(detectLanguage('\u3400\u9fff\ufaff')).toBe('zh');
    expect(detectLanguage('\u33ff\ua000\ufb00 ぁア한')).toBe('');
    expect(detectLanguage('éüßø [`{@')).toBe('');
    expect(detectLanguage('Zz')).toBe('en');
  });
  it('finds Chinese in a text by the same ideograph ranges', () => {
    expect(hasCjk('Wang 王小明')).toBe(true);
    expect(hasCjk('\u3400')).toBe(true);
    expect(hasCjk('\ufaff')).toBe(true);
    expect(hasCjk('\u33ff\ua000\ufb00 かな 한글 Zoë')).toBe(false);
    expect(hasCjk('')).toBe(false);
  });
});

describe('identity keys', () => {
  it('matches titles that differ only in case, width, spacing and punctuation', () => {
    expect(titleKey('Circadian cortisol and fatigue severity.')).toBe(titleKey('CIRCADIAN  cortisol, and fatigue severity'));
    expect(titleKey('补肾活血汤对老年（肾虚血瘀证）患者')).toBe(titleKey('补肾活血汤对老年(肾虚血瘀证)患者'));
    expect(titleKey('Circadian cortisol')).not.toBe(titleKey('Circadian rhythm'));
  });
  it('gives no key for titles too short to identify an article', () => {
    expect(titleKey('前言')).toBe('');
    expect(titleKey('Notes')).toBe('');
  });
  it('fingerprints an abstract the same whatever its spacing, width and punctuation', () => {
    const abstract = '精准规范运用行政问责机制,纠正防范问责泛化、简单化、随意化等乱象,是基层政府治理的题 中之义.从价值一工具的二分法出发';
    const respaced = abstract.replace(/,/g, '，').replace(/ /g, '').replace(/\./g, '。');
    expect(abstractFingerprint(abstract)).toMatch(/^[0-9a-f]{16}$/);
    expect(abstractFingerprint(respaced)).toBe(abstractFingerprint(abstract));
    expect(abstractFingerprint(`${abstract}另`)).not.toBe(abstractFingerprint(abstract));
    expect(abstractFingerprint('too short')).toBe('');
  });
});
