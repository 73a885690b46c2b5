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

/**
 * CSL item types from the English words publishers' metadata uses for what a record is:
 * `citation_article_type`, `DC.type` ("Text.Thesis.Doctoral"), `prism.genre`, `og:type`. Stricter
 * than `typeFromLabel`: a "Case Report" or "Research Article" is a journal article, so "report"
 * and "article" alone say nothing here; only whole phrases that name another kind count.
 */
const WORD_TYPES: [RegExp, string][] = [
  [/\b(?:thesis|dissertation)\b/i, 'thesis'],
  [/\b(?:pre-?print|e-?print|working paper)\b/i, 'article'],
  [/\bconference (?:paper|proceedings?|contribution)\b|\bproceedings? (?:paper|article)\b|\binproceedings\b/i, 'paper-conference'],
  [/\b(?:book )?chapter\b|\bbook ?section\b|\bbookitem\b/i, 'chapter'],
  [/^(?:text\.)?(?:technical |research )?report$|\btechnical report\b/i, 'report'],
  [/\bpatent\b/i, 'patent'],
  [/^(?:text\.)?standard$/i, 'standard'],
  [/\bdata ?set\b/i, 'dataset'],
  [/^(?:text\.)?book$/i, 'book'],
];

export function typeFromWords(value: string | undefined): string | undefined {
  const words = value?.trim();
  if (!words) return undefined;
  return WORD_TYPES.find(([pattern]) => pattern.test(words))?.[1];
}

/**
 * Preprint servers, by the name their pages give as journal, publisher or site, and by host:
 * their records are preprints (CSL `article`), whatever their tags call them.
 */
const PREPRINT_NAMES = /^(?:biorxiv|medrxiv|arxiv|ssrn|ssrn electronic journal|research square|preprints(?:\.org)?|chemrxiv|techrxiv|psyarxiv|socarxiv|eartharxiv|osf preprints|authorea|scielo preprints|engrxiv)$/i;
const PREPRINT_HOSTS = /(?:^|\.)(?:biorxiv\.org|medrxiv\.org|arxiv\.org|ssrn\.com|researchsquare\.com|preprints\.org|chemrxiv\.org|techrxiv\.org|authorea\.com)$/i;

export function isPreprintServer(names: (string | undefined)[], host?: string): boolean {
  if (host && PREPRINT_HOSTS.test(host)) return true;
  return names.some((name) => name !== undefined && PREPRINT_NAMES.test(name.trim()));
}
