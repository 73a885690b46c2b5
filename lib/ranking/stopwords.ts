/**
 * Words that say nothing about what an article is about. The general lists come from the
 * `stopword` package; the scholarly boilerplate ("本文", "propose") is ours, since abstracts of
 * every field share it and it would crowd out the distinctive terms kept for each article.
 */
import { eng, zho } from 'stopword';

const ENGLISH_BOILERPLATE = [
  'paper', 'article', 'propose', 'proposed', 'present', 'presented', 'show', 'shown', 'shows',
  'result', 'results', 'study', 'studied', 'using', 'use', 'used', 'based', 'also', 'however',
  'new', 'two', 'one', 'three', 'first', 'find', 'found', 'obtain', 'obtained', 'give', 'given',
  'well', 'can', 'may', 'within', 'without', 'via', 'thus', 'its', 'it', 'which', 'these', 'here',
  'we', 'our', 'et', 'al', 'respectively', 'different', 'several', 'various',
];

/** Already lower-case; matched before stemming. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([...eng, ...ENGLISH_BOILERPLATE]);

/**
 * Function characters at which a Han run is cut before making bigrams, so that "模型的建立"
 * yields 模型 and 建立 but not 型的 or 的建. Characters that also start or end common technical
 * words (对 in 对称, 并 in 并行, 和 in 饱和, 被 in 植被, 中 in 中心) are deliberately left out.
 */
export const CHINESE_BREAK_CHARS: ReadonlySet<string> = new Set([...'的了与及或之而其是在于也都就即但把从将着很又']);

const CHINESE_BOILERPLATE = [
  '本文', '文章', '提出', '进行', '通过', '采用', '利用', '基于', '表明', '结果', '我们', '以及', '对于', '由于',
  '其中', '一种', '一个', '具有', '可以', '能够', '并且', '因此', '同时', '主要', '分别', '为了', '研究表明',
  '发现', '认为', '得到', '根据', '关于', '这些', '这种', '还是', '如何', '已经', '一定', '目前', '然后',
];

/** Single function characters (from the `stopword` list) and whole boilerplate words. */
export const CHINESE_STOPWORDS: ReadonlySet<string> = new Set([...zho, ...CHINESE_BOILERPLATE]);
