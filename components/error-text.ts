import type { MessageKey, Translator } from '@/lib/i18n';

/**
 * The reader's sentence for an error that the library (lib/) or the browser reports in English.
 * The English text is matched by what it says; tests feed these functions what lib/ really
 * returns, so a reworded lib message fails a test rather than reaching the reader in English.
 */
type Rule = [RegExp, MessageKey];

function explain(rules: Rule[], fallback: MessageKey, raw: string, t: Translator['t']): string {
  const rule = rules.find(([pattern]) => pattern.test(raw));
  return t(rule ? rule[1] : fallback);
}

/** Why the browser would not let Simlit read a tab (chrome.scripting, activeTab). */
const CAPTURE_RULES: Rule[] = [
  [/cannot access|cannot be scripted|chrome:\/\/|edge:\/\/|about:|chrome-extension:|extensions gallery|webstore|missing host permission|permission/i, 'libraryCaptureRestricted'],
  [/no tab|closed|receiving end does not exist|could not establish connection|frame/i, 'libraryCaptureGone'],
];

export function captureErrorText(raw: string, t: Translator['t']): string {
  return explain(CAPTURE_RULES, 'libraryCaptureFailed', raw, t);
}

/** Why a file could not be imported as a whole (lib/import). */
const IMPORT_RULES: Rule[] = [
  [/file is empty/i, 'libraryImportEmpty'],
  [/not a BibTeX, RIS or CSL-JSON file/i, 'libraryImportUnknown'],
  [/not valid JSON/i, 'libraryImportBadJson'],
  [/more than \d+ (entries|records|items)/i, 'libraryImportTooMany'],
  [/the collection .* does not exist/i, 'libraryImportNoCollection'],
];

export function importErrorText(raw: string, t: Translator['t']): string {
  return explain(IMPORT_RULES, 'libraryImportBroken', raw, t);
}

/** Why one entry of an imported file was left out (lib/import). */
const ENTRY_RULES: Rule[] = [
  [/cannot be parsed/i, 'libraryEntryUnreadable'],
  [/no title, abstract or DOI/i, 'libraryEntryEmpty'],
  [/more than one entry|holds no entry/i, 'libraryEntryUnreadable'],
  [/no TY line|not closed/i, 'libraryEntryCut'],
  [/must be|is not|has neither/i, 'libraryEntryBadField'],
];

export function entryErrorText(raw: string, t: Translator['t']): string {
  return explain(ENTRY_RULES, 'libraryEntryUnreadable', raw, t);
}

/** Why a backup could not be restored (lib/backup). */
const RESTORE_RULES: Rule[] = [
  [/newer Simlit/i, 'libraryRestoreNewer'],
  [/not a Simlit backup|no valid format version|has no \w+ list|an article|a collection|a setting|a capture|article .+/i, 'libraryRestoreNotBackup'],
];

export function restoreErrorText(raw: string, t: Translator['t']): string {
  return explain(RESTORE_RULES, 'libraryRestoreBroken', raw, t);
}
