import type { MessageKey, Translator } from '@/lib/i18n';
import type { CslType } from '@/lib/model/edit-fields';
import { IMPORT_PLATFORM } from '@/lib/model/article';

/** Every CSL type the editor offers, named; a type added there fails to compile here until named. */
const TYPE_LABELS: Record<CslType, MessageKey> = {
  'article-journal': 'libraryTypeArticleJournal',
  article: 'libraryTypeArticle',
  'paper-conference': 'libraryTypePaperConference',
  thesis: 'libraryTypeThesis',
  book: 'libraryTypeBook',
  chapter: 'libraryTypeChapter',
  report: 'libraryTypeReport',
  review: 'libraryTypeReview',
  'article-magazine': 'libraryTypeArticleMagazine',
  'article-newspaper': 'libraryTypeArticleNewspaper',
  patent: 'libraryTypePatent',
  standard: 'libraryTypeStandard',
  dataset: 'libraryTypeDataset',
  webpage: 'libraryTypeWebpage',
  manuscript: 'libraryTypeManuscript',
  'entry-encyclopedia': 'libraryTypeEncyclopediaEntry',
  document: 'libraryTypeDocument',
};

/** A CSL type in the reader's words; a type Simlit does not know (from an imported file) as it is. */
export function typeName(type: string, t: Translator['t']): string {
  const key = TYPE_LABELS[type as CslType];
  return key ? t(key) : type;
}

/**
 * Where an article came from, by the id of the extractor that read it. The generic readers
 * (page metadata, a lone DOI, a list of articles) name how the page was read, not a platform.
 */
const PLATFORM_LABELS: Record<string, MessageKey> = {
  cnki: 'libraryPlatformCnki',
  wanfang: 'libraryPlatformWanfang',
  cqvip: 'libraryPlatformCqvip',
  'baidu-scholar': 'libraryPlatformBaiduScholar',
  pubmed: 'libraryPlatformPubmed',
  arxiv: 'libraryPlatformArxiv',
  sciencedirect: 'libraryPlatformSciencedirect',
  scopus: 'libraryPlatformScopus',
  ssrn: 'libraryPlatformSsrn',
  ieee: 'libraryPlatformIeee',
  'semantic-scholar': 'libraryPlatformSemanticScholar',
  biorxiv: 'libraryPlatformBiorxiv',
  pmc: 'libraryPlatformPmc',
  'web-of-science': 'libraryPlatformWebOfScience',
  scholar: 'libraryPlatformScholar',
  qinyun: 'libraryPlatformQinyun',
  magtech: 'libraryPlatformMagtech',
  springer: 'libraryPlatformSpringer',
  nature: 'libraryPlatformNature',
  wiley: 'libraryPlatformWiley',
  tandfonline: 'libraryPlatformTandfonline',
  sage: 'libraryPlatformSage',
  acs: 'libraryPlatformAcs',
  acm: 'libraryPlatformAcm',
  mdpi: 'libraryPlatformMdpi',
  frontiers: 'libraryPlatformFrontiers',
  ojs: 'libraryPlatformOjs',
  meta: 'libraryPlatformMeta',
  doi: 'libraryPlatformDoi',
  list: 'libraryPlatformList',
  [IMPORT_PLATFORM]: 'libraryPlatformImport',
  '': 'libraryPlatformUnknown',
};

export function platformName(platform: string, t: Translator['t']): string {
  const key = PLATFORM_LABELS[platform];
  return key ? t(key) : platform;
}
