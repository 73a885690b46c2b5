import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { foldToSimplified } from '@/lib/ranking/fold-script';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from '@/lib/ranking/stopwords';
import { DEFAULT_TOKENIZER, isCjkTerm, tokenize, tokenizerVersion } from '@/lib/ranking/tokenize';

/** The words of text without CJK as the rules say: runs of letters, marks and digits, then stopwords, length and stems. */
function latinOracle(text: string, stem: boolean): string[] {
  const words = [...text.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map(([word]) => word);
  return words
    .filter((word) => word.length >= 2 && word.length <= 40 && !/^\p{N}+$/u.test(word) && !ENGLISH_STOPWORDS.has(word))
    .map((word) => (stem && /^[a-z]+$/.test(word) ? stemmer(word) : word));
}

/** Mixed text in 'words' mode as the rules say: the segmenter's words, CJK ones kept unless stopwords, the others split as latinOracle splits them. */
function wordsOracle(text: string): string[] {
  const normalized = foldToSimplified(text.normalize('NFKC').toLowerCase());
  const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(normalized)].filter((segment) => segment.isWordLike);
  return segments.flatMap(({ segment }) => {
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(segment)) return CHINESE_STOPWORDS.has(segment) ? [] : [segment];
    // Runs mixing CJK and other letters are split further: not made here.
    return isCjkTerm(segment) ? [] : latinOracle(segment, true);
  });
}

// Words, stopwords, digits, accents (composed and not), other scripts, emoji, astral letters and lone surrogates.
const PIECES = ['graph', 'Networks', 'the', 'AND', '19', 'x', 'é', 'e\u0301', '１２３', 'ＡＢＣ', 'ภาษาไทย', 'ΣΑΣ', 'İ', "don't", '3.14', '\u{1d400}', '\u{1F600}', '\uD800', '\uDC00', '\u200d', 'ﬁ', 'Ⅻ', '-', ' ', '\n', 'a'.repeat(41)];

describe('tokenize', () => {
  it('splits Chinese into words and drops function characters', () => {
    const terms = tokenize('飞行器姿态控制系统的数学模型', { ...DEFAULT_TOKENIZER, cjk: 'words' });
    expect(terms).toContain('姿态');
    expect(terms).toContain('控制');
    expect(terms).toContain('模型');
    expect(terms).not.toContain('的');
  });

  it('makes bigrams that never straddle a function character', () => {
    const terms = tokenize('模型的建立', { ...DEFAULT_TOKENIZER, cjk: 'bigram' });
    expect(terms).toEqual(['模型', '建立']);
  });

  it('lower-cases, stems and drops English stopwords', () => {
    expect(tokenize('The Networks of Learning')).toEqual(['network', 'learn']);
  });

  it('folds full-width letters and digits to ASCII', () => {
    expect(tokenize('ＬＳＴＭ网络')).toEqual(tokenize('LSTM网络'));
  });

  it('gives a Traditional and a Simplified spelling of the same phrase the same terms', () => {
    const simplified = '建立了飞行器姿态控制系统的数学模型，并与传统方法对比';
    const traditional = '建立了飛行器姿態控制系統的數學模型，並與傳統方法對比';
    expect(tokenize(traditional)).toEqual(tokenize(simplified));
    expect(tokenize(traditional)).toEqual(expect.arrayContaining(['姿态', '系统', '数学', '传统']));
    // Without folding the two scripts share hardly a term.
    expect(tokenize(traditional, { ...DEFAULT_TOKENIZER, foldScript: false })).not.toEqual(tokenize(simplified));
    expect(tokenize('基於LSTM網絡的預測')).toEqual(tokenize('基于LSTM网络的预测'));
  });

  it('leaves Latin text as it was when folding Chinese script', () => {
    const text = 'Graphene coatings: the Rodrigues parameters (MRP) of COVID-19 networks';
    expect(tokenize(text)).toEqual(tokenize(text, { ...DEFAULT_TOKENIZER, foldScript: false }));
    expect(tokenize(text)).toEqual(['graphen', 'coat', 'rodrigu', 'paramet', 'mrp', 'covid', 'network']);
  });

  it('separates Latin and CJK parts of one run', () => {
    const terms = tokenize('基于LSTM的预测');
    expect(terms).toContain('lstm');
    expect(terms).toContain('预测');
  });

  it('gives a mixed text the terms of its parts, though the segmenter reads it in one pass', () => {
    const parts = ['采用修正的Rodrigues参数(MRP)', '建立了COVID-19疫情下飞行器姿态控制系统的数学模型', "Alzheimer's 3.5% 患者", '第3章 2019年', '日本語のテキスト'];
    const joined = parts.join('，');
    expect(tokenize(joined)).toEqual(parts.flatMap((part) => tokenize(part)));
    expect(tokenize(joined)).toEqual(expect.arrayContaining(['rodrigu', 'mrp', 'covid', '飞行', '姿态', 'alzheim', '患者']));
  });

  it('ignores emoji, control characters and lone numbers', () => {
    expect(tokenize('🚀\u0000 2019 ⚡️')).toEqual([]);
    expect(tokenize('graphene🚀\u0007coating')).toEqual(['graphen', 'coat']);
  });

  it('splits text without CJK into the words its rules name, remembered or not (random texts)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((pieces) => pieces.join('')));
    fc.assert(
      fc.property(text, fc.boolean(), (sample, stem) => {
        fc.pre(!isCjkTerm(sample.normalize('NFKC')));
        const options = { ...DEFAULT_TOKENIZER, stem };
        // Twice: the first call computes each word's term, the second finds it remembered.
        expect(tokenize(sample, options)).toEqual(latinOracle(sample, stem));
        expect(tokenize(sample, options)).toEqual(latinOracle(sample, stem));
      }),
      { numRuns: 500 },
    );
  });

  it("gives mixed text the segmenter's words as its rules pick them (random texts)", () => {
    const cjkPieces = ['控制', '系统', '的', '本文', '臺灣', 'カタカナ', 'ひらがな', 'ー', '\u{20000}', '\u{2A700}字', '〇', '々', '⼀', '，', '。'];
    const text = fc.array(fc.constantFrom(...PIECES, ...cjkPieces), { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        const normalized = sample.normalize('NFKC').toLowerCase();
        fc.pre(isCjkTerm(normalized));
        // Mixed runs ("MRP参数") are split by other rules (tested above): left out here.
        fc.pre([...new Intl.Segmenter('zh', { granularity: 'word' }).segment(foldToSimplified(normalized))].every(({ segment }) => !isCjkTerm(segment) || /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(segment)));
        expect(tokenize(sample)).toEqual(wordsOracle(sample));
      }),
      { numRuns: 300 },
    );
  });

  it('returns nothing for empty text', () => {
    expect(tokenize(undefined)).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });

  it('names its options in its version, so a changed tokenizer is noticed', () => {
    expect(tokenizerVersion({ ...DEFAULT_TOKENIZER, cjk: 'bigram' })).not.toBe(tokenizerVersion({ ...DEFAULT_TOKENIZER, cjk: 'words' }));
    expect(tokenizerVersion({ ...DEFAULT_TOKENIZER, stem: false })).not.toBe(tokenizerVersion(DEFAULT_TOKENIZER));
    expect(tokenizerVersion({ ...DEFAULT_TOKENIZER, foldScript: false })).not.toBe(tokenizerVersion({ ...DEFAULT_TOKENIZER, foldScript: true }));
  });
});
