/**
 * Why two articles are similar, as the reader sees it.
 *
 * The ranker compares tf-idf vectors; its score is the cosine of the query article's vector and
 * the neighbour's, and the terms that weigh most in that cosine explain it. Two corrections make
 * that explanation true to the reader:
 * - words every research abstract uses (研究, 分析, 影响, "results", "associated") weigh in the
 *   cosine but say nothing about why two articles belong together: they are never shown;
 * - a list page is many articles: a neighbour is as similar to the page as it is to the page's
 *   article closest to it, and shares words with that article (a cosine against all the page's
 *   words together reads lower the longer the page, and could not be read the same way in any
 *   library; see calibration.ts).
 *
 * The terms stay tokens here (English stems, Chinese words); lib/ranking/shared-words.ts finds
 * the words they stand for in the article's own text.
 */
import { DEFAULT_TOKENIZER, tokenize } from './tokenize';
import type { TermSpace, TermVector } from './vectors';

/**
 * Research boilerplate in both languages: words any abstract may use, whatever its field. They
 * still count in the score (removing them is a ranking decision, measured separately); they are
 * only never offered as the reason two articles are similar.
 */
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

let generic: ReadonlySet<string> | undefined;

/**
 * The generic words as the tokenizer spells them (built once: stemming is not free). A word the
 * segmenter cuts in pieces (构建 → 构 + 建) is kept whole: its pieces alone may be telling.
 */
function genericTerms(): ReadonlySet<string> {
  generic ??= new Set(GENERIC_WORDS.map((word) => tokenize(word, DEFAULT_TOKENIZER).join('')).filter(Boolean));
  return generic;
}

/**
 * A term (or a word joined from terms) that may explain a match: anything but research
 * boilerplate (stopwords are never terms). A single Han character stays: it may be half of a word
 * the segmenter did not know (问责 → 问 + 责), which shared-words.ts joins again where both
 * articles have the whole.
 */
export function isTellingTerm(term: string): boolean {
  return !genericTerms().has(term);
}

/** Shared terms offered per match: enough for the words shown after joining and filtering. */
const EXPLAINED_TERMS = 12;

export interface ExplainedMatch {
  /** Cosine similarity to the query article closest to it (0..1). */
  score: number;
  /** Telling terms the two share, largest part of the cosine first. */
  terms: string[];
}

/**
 * For each candidate: its similarity to the closest of the query articles and the telling terms
 * it shares with that one. `queries` holds one vector per query article (one for an article page).
 */
export function explainMatches(space: TermSpace, queries: TermVector[], candidates: TermVector[]): ExplainedMatch[] {
  const cosines = queries.map((query) => space.cosines(query, candidates));
  return candidates.map((candidate, c) => {
    let closest = 0;
    for (let q = 1; q < queries.length; q++) if (cosines[q][c] > cosines[closest][c]) closest = q;
    return { score: cosines[closest][c], terms: space.sharedTerms(queries[closest], candidate, EXPLAINED_TERMS, isTellingTerm) };
  });
}
