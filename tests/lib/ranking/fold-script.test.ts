import { describe, expect, it } from 'vitest';
import { foldToSimplified } from '@/lib/ranking/fold-script';

describe('foldToSimplified', () => {
  it('replaces Traditional characters with Simplified ones, one for one', () => {
    expect(foldToSimplified('臺灣學術期刊：資訊與網絡')).toBe('台湾学术期刊：资讯与网络');
  });

  it('leaves Simplified Chinese, Latin text, kana, digits and emoji as they are', () => {
    for (const text of ['飞行器姿态控制系统', 'Graphene coatings (MRP), 2019', 'ひらがなとカタカナ', '🚀 ⚡️ 3.5%']) {
      expect(foldToSimplified(text)).toBe(text);
    }
  });

  it('handles characters outside the Basic Multilingual Plane without breaking their neighbours', () => {
    // 𡻕 (U+21ED5) folds to 岁 (one UTF-16 unit), 𠁞 to 𠀾 (two), 㜢 (one) to 𡞱 (two); 𠀀 (U+20000) has no other form.
    expect(foldToSimplified('A𡻕語𠁞𠀀b㜢c')).toBe('A岁语𠀾𠀀b𡞱c');
  });
});
