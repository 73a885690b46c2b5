/**
 * CSL item types from what Chinese platforms call their records: the database column of a CNKI
 * result list ("期刊", "硕士", "报纸"), Wanfang's "[期刊论文]" / "[硕士论文]" / "[专利]" labels,
 * Baidu Scholar's "[图书]". Tried in order: "学位论文" is a thesis, not a journal article.
 */
const LABEL_TYPES: [RegExp, string][] = [
  [/博士|硕士|学位|毕业论文|thesis|dissertation/i, 'thesis'],
  [/会议|conference|proceedings/i, 'paper-conference'],
  [/报纸|newspaper/i, 'article-newspaper'],
  [/专利|patent/i, 'patent'],
  [/标准|standard/i, 'standard'],
  [/成果|报告|report/i, 'report'],
  [/年鉴|图书|专著|book|yearbook/i, 'book'],
  [/期刊|journal|periodical/i, 'article-journal'],
];

export function typeFromLabel(label: string | undefined): string | undefined {
  if (!label?.trim()) return undefined;
  return LABEL_TYPES.find(([pattern]) => pattern.test(label))?.[1];
}
