import { describe, expect, it } from 'vitest';
import { SimilarityIndex } from '@/lib/ranking/similarity-index';
import { isTellingTerm } from '@/lib/ranking/explain';
import { tokenize } from '@/lib/ranking/tokenize';

describe('isTellingTerm', () => {
  it('turns down research boilerplate in both languages, as the tokenizer spells it', () => {
    for (const word of ['研究', '中的', '影响', '分析', '基础', 'method', 'methods', 'associated', 'association', 'increased', 'not', 'levels']) {
      for (const term of tokenize(word)) expect(isTellingTerm(term), word).toBe(false);
    }
    for (const word of ['问责', '避责', 'inflammasome', 'cortisol', '补肾活血汤']) {
      for (const term of tokenize(word)) expect(isTellingTerm(term), word).toBe(true);
    }
  });
});

const GOVERNANCE = [
  { id: 'g1', title: '问责压力下基层干部避责行为的生成机制', abstract: '问责是推动基层政策执行的重要手段,但问责泛化诱发了基层干部的避责行为。研究分析了留痕管理与形式主义。' },
  { id: 'g2', title: '基层治理中的形式主义与避责', abstract: '基层干部在问责压力下以留痕管理应对考核,形式主义由此而生。本研究分析其影响。' },
];
const OTHERS = [
  { id: 'm1', title: 'Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis', abstract: 'The NLRP3 inflammasome is associated with increased inflammation; A20 regulates it in macrophages. Results of the study are not shown.' },
  { id: 'm2', title: 'Circadian cortisol and fatigue severity in relapsing-remitting multiple sclerosis', abstract: 'Cortisol levels were associated with increased fatigue. The study method is not new; results show regulation of cortisol.' },
  { id: 'x1', title: '金属增材制造技术在钢结构与组合结构中的研究进展', abstract: '综述了金属增材制造技术的研究进展及其影响。' },
];

describe('the score and terms of a match', () => {
  const index = SimilarityIndex.create([...GOVERNANCE, ...OTHERS]);

  it('shares only telling terms, at most a dozen', () => {
    const [best] = index.similarTo(GOVERNANCE[0], { limit: 1 });
    expect(best.id).toBe('g2');
    expect(best.terms.length).toBeLessThanOrEqual(12);
    // The segmenter's halves stay (shared-words.ts joins them); 研究 and 分析, though shared, do not.
    expect(best.terms).toEqual(expect.arrayContaining(['基层', '干部', '问', '责', '避', '留', '痕']));
    expect(best.terms).not.toContain('研究');
    expect(best.terms).not.toContain('分析');
    for (const term of best.terms) expect(isTellingTerm(term), term).toBe(true);
    const [medicine] = index.similarTo(OTHERS[0], { limit: 1 });
    expect(medicine.terms).not.toEqual(expect.arrayContaining(['associ']));
    expect(medicine.terms).not.toContain('increas');
    expect(medicine.terms).not.toContain('not');
  });

  it('scores a match as the cosine with the query article, 0 to 1, whatever else is in the library', () => {
    const alone = SimilarityIndex.create([...GOVERNANCE]);
    const [inBig] = index.similarTo(GOVERNANCE[0], { limit: 1 });
    const [inSmall] = alone.similarTo(GOVERNANCE[0], { limit: 1 });
    for (const { score } of [inBig, inSmall]) expect(score).toBeGreaterThan(0);
    for (const { score } of [inBig, inSmall]) expect(score).toBeLessThanOrEqual(1);
    // Not relative to the best: the best match of an unrelated lot stays low.
    const [unrelated] = index.similarTo(OTHERS[2], { limit: 1, filter: (id) => id.startsWith('m') });
    expect(unrelated?.score ?? 0).toBeLessThan(0.17);
  });

  it('scores a neighbour of a list page by the page article closest to it', () => {
    const page = [GOVERNANCE[0], OTHERS[0]];
    const together = index.similarTo(page, { limit: 5 });
    const g2 = together.find((result) => result.id === 'g2')!;
    const [alone] = index.similarTo(GOVERNANCE[0], { limit: 1 });
    expect(g2.score).toBeCloseTo(alone.score, 10);
    expect(g2.terms).toEqual(alone.terms);
  });
});
