import { describe, expect, it } from 'vitest';
import { GENERIC_TERMS } from '@/lib/ranking/generic-terms';
import { DEFAULT_TOKENIZER, tokenize } from '@/lib/ranking/tokenize';

/** The generic words as a reader writes them: GENERIC_TERMS must be these as the tokenizer spells them. */
const GENERIC_WORDS = [
  // Chinese, as the word segmenter cuts them (中的, 下的 are its fragments).
  '研究', '中的', '下的', '上的', '影响', '分析', '基础', '方法', '问题', '发展', '提高', '作用', '应用', '进展',
  '技术', '重要', '关系', '相关', '方面', '情况', '过程', '因素', '特征', '效果', '显著', '水平', '条件', '实验',
  '数据', '模型', '系统', '理论', '探讨', '不同', '有效', '明显', '增加', '降低', '变化', '改善', '作为', '形成',
  '存在', '实现', '建立', '我国', '国内外', '现状', '意义', '价值', '措施', '对策', '基本', '一般', '整体', '重点',
  '目的', '方式', '内容', '领域', '方向', '视角', '框架', '背景', '一些', '作者', '相比', '对比', '比较', '评价',
  '评估', '探究', '探索', '调查', '显示', '常规', '性能', '机制', '方案', '策略', '路径', '提升', '促进', '推进',
  '不足', '完善', '手段', '生成', '加强', '强化', '需要', '可能', '从而', '只能', '面临', '之间', '导致', '引起',
  '出现', '进一步', '不断', '仍然', '不仅', '而且', '然而', '因而', '所以', '此外', '当前', '有关', '更加', '逐步',
  '具体', '多种', '各种', '作出', '提供', '采取', '取得', '开展', '构建', '探析', '初探', '浅析', '试论', '推动',
  // English, stemmed below as the tokenizer stems them.
  'studies', 'research', 'method', 'methodology', 'analysis', 'analyze', 'associated', 'association', 'increase',
  'decrease', 'reduce', 'effect', 'significant', 'significantly', 'level', 'model', 'modelling', 'data',
  'approach', 'role', 'activity', 'active', 'not', 'no', 'high', 'low', 'large', 'small', 'important', 'novel',
  'total', 'evidence', 'suggest', 'demonstrate', 'indicate', 'investigate', 'examine', 'compare', 'comparison',
  'relationship', 'related', 'relation', 'factor', 'case', 'group', 'time', 'period', 'process', 'system',
  'function', 'problem', 'application', 'develop', 'development', 'performance', 'improve', 'value', 'rate',
  'number', 'type', 'form', 'mechanism', 'condition', 'parameter', 'experiment', 'experimental', 'measure',
  'effective', 'impact', 'influence', 'change', 'report', 'observe', 'current', 'status', 'key', 'further',
  'during', 'therefore', 'include', 'provide', 'possible', 'general', 'specific', 'main', 'major', 'recent',
  'recently', 'potential', 'state', 'order', 'term', 'part', 'work', 'review', 'discuss', 'describe', 'enhance',
  'consider', 'known', 'lead', 'due', 'second', 'year', 'mean', 'average', 'higher', 'lower',
];

describe('GENERIC_TERMS', () => {
  it('are the generic words as the tokenizer spells them (a word it cuts in pieces joined again), each once, in order', () => {
    const spelled = [...new Set(GENERIC_WORDS.map((word) => tokenize(word, DEFAULT_TOKENIZER).join('')).filter(Boolean))];
    expect(GENERIC_TERMS).toEqual(spelled);
  });
});
