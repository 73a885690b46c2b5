import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENIZER, tokenize, tokenizerVersion } from '@/lib/ranking/tokenize';

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
