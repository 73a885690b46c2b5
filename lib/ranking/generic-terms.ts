/**
 * Research boilerplate in both languages: words any abstract may use, whatever its field. They
 * still count in the score (removing them is a ranking decision, measured separately); they are
 * only never offered as the reason two articles are similar (explain.ts).
 *
 * Spelled as the tokenizer spells them (the test holds them as words and checks the spelling),
 * so that the ranker compares them with terms as they are: English stemmed ("studi" for studies,
 * "associ" for associated and association), a Chinese word the segmenter cuts in pieces kept
 * whole (构建: its pieces 构 + 建 alone may be telling), 下 and 上 for what it leaves of 下的 and
 * 上的. Spelling readable words at run time made the first question of a fresh background start
 * the word segmenter (its dictionary) for these words alone: the question's own terms come stored.
 */
export const GENERIC_TERMS: readonly string[] = [
  // Chinese, as the word segmenter cuts them (中的 is one of its fragments).
  '研究', '中的', '下', '上', '影响', '分析', '基础', '方法', '问题', '发展', '提高', '作用',
  '应用', '进展', '技术', '重要', '关系', '相关', '方面', '情况', '过程', '因素', '特征',
  '效果', '显著', '水平', '条件', '实验', '数据', '模型', '系统', '理论', '探讨', '不同',
  '有效', '明显', '增加', '降低', '变化', '改善', '作为', '形成', '存在', '实现', '建立',
  '我国', '国内外', '现状', '意义', '价值', '措施', '对策', '基本', '一般', '整体', '重点',
  '目的', '方式', '内容', '领域', '方向', '视角', '框架', '背景', '一些', '作者', '相比',
  '对比', '比较', '评价', '评估', '探究', '探索', '调查', '显示', '常规', '性能', '机制',
  '方案', '策略', '路径', '提升', '促进', '推进', '不足', '完善', '手段', '生成', '加强',
  '强化', '需要', '可能', '从而', '只能', '面临', '之间', '导致', '引起', '出现', '进一步',
  '不断', '仍然', '不仅', '而且', '然而', '因而', '所以', '此外', '当前', '有关', '更加',
  '逐步', '具体', '多种', '各种', '作出', '提供', '采取', '取得', '开展', '构建', '探析',
  '初探', '浅析', '试论', '推动',
  // English, stemmed.
  'studi', 'research', 'method', 'methodolog', 'analysi', 'analyz', 'associ', 'increas',
  'decreas', 'reduc', 'effect', 'signific', 'significantli', 'level', 'model', 'data', 'approach',
  'role', 'activ', 'not', 'no', 'high', 'low', 'larg', 'small', 'import', 'novel', 'total',
  'evid', 'suggest', 'demonstr', 'indic', 'investig', 'examin', 'compar', 'comparison',
  'relationship', 'relat', 'factor', 'case', 'group', 'time', 'period', 'process', 'system',
  'function', 'problem', 'applic', 'develop', 'perform', 'improv', 'valu', 'rate', 'number',
  'type', 'form', 'mechan', 'condit', 'paramet', 'experi', 'experiment', 'measur', 'impact',
  'influenc', 'chang', 'report', 'observ', 'current', 'statu', 'kei', 'further', 'dure',
  'therefor', 'includ', 'provid', 'possibl', 'gener', 'specif', 'main', 'major', 'recent',
  'potenti', 'state', 'order', 'term', 'part', 'work', 'review', 'discuss', 'describ', 'enhanc',
  'consid', 'known', 'lead', 'due', 'second', 'year', 'mean', 'averag', 'higher', 'lower',
];
