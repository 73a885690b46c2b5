/**
 * Merge rules in one module: which records name the same article, and how a record merges into
 * the known one (rules.ts has the table, merge-articles.ts applies it, doi-authority.ts says
 * which pages speak for a DOI, alternatives.ts keeps the versions the reader may choose).
 * Extractors' fill-in of one page's sources (lib/extractors/shared/merge.ts) is simpler: it
 * combines what one page says in several places.
 */
export { addAlternative, chooseAlternative, dismissAlternative, MAX_ALTERNATIVES } from './alternatives';
export { LISTING_PLATFORMS, PUBLISHER_HOSTS, speaksForDoi } from './doi-authority';
export {
  captureStanding,
  dedupeArticles,
  mergeArticles,
  mergeSightings,
  ownedByReader,
  presentFields,
  sameArticle,
  type MergeSource,
  type Standing,
} from './merge-articles';
export { combineField, compareField, FIELD_RULES, type FieldRule } from './rules';
