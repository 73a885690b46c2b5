import type { ExtractedItem } from '../model/article';
import { MESSAGE_LIMITS } from '../messages';
import { LIMITS } from './limits';

/**
 * Fields as the content script sends them: clipped to what normalization could ever keep (it
 * cleans at most twice a field's cap before collapsing whitespace), so that one megabyte-long
 * field on a hostile page neither gets the whole capture refused by the background's size
 * checks nor swells the message past the browser's limit. Whole items beyond the message budget
 * are left out.
 */
const FIELD_CAPS: Partial<Record<keyof ExtractedItem, number>> = {
  title: LIMITS.title * 2,
  altTitle: LIMITS.title * 2,
  abstract: LIMITS.abstract * 2,
  altAbstract: LIMITS.abstract * 2,
  url: Math.min(LIMITS.url * 2, MESSAGE_LIMITS.urlLength),
  // normalizeDoi cleans at most 1000 characters.
  doi: 2000,
};
const SHORT_FIELD_CAP = LIMITS.shortField * 2;
const LIST_ENTRY_CAP = 2000;
/** Characters in one capture message, well under Chrome's 64 MiB message limit even as UTF-8. */
export const MESSAGE_CHAR_BUDGET = 8_000_000;

function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  // Never cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(value[max - 1]) ? max - 1 : max;
  return value.slice(0, end);
}

function clipItem(item: ExtractedItem): { item: ExtractedItem; chars: number } {
  const out: ExtractedItem = {};
  let chars = 0;
  for (const [field, value] of Object.entries(item) as [keyof ExtractedItem, unknown][]) {
    if (typeof value === 'string') {
      const clipped = clip(value, FIELD_CAPS[field] ?? SHORT_FIELD_CAP);
      (out as Record<string, unknown>)[field] = clipped;
      chars += clipped.length;
    } else if (Array.isArray(value)) {
      const cap = field === 'authors' ? LIMITS.authors : field === 'keywords' ? LIMITS.keywords * 4 : MESSAGE_LIMITS.listLength;
      const list = value.slice(0, Math.min(cap, MESSAGE_LIMITS.listLength)).filter((entry) => typeof entry === 'string').map((entry: string) => clip(entry, LIST_ENTRY_CAP));
      (out as Record<string, unknown>)[field] = list;
      chars += list.reduce((sum, entry) => sum + entry.length, 0);
    } else if (value !== undefined) {
      (out as Record<string, unknown>)[field] = value;
    }
  }
  return { item: out, chars };
}

/** The items of one page, clipped for the capture message, in page order. */
export function clipItemsForMessage(items: readonly ExtractedItem[]): ExtractedItem[] {
  const kept: ExtractedItem[] = [];
  let total = 0;
  for (const raw of items) {
    const { item, chars } = clipItem(raw);
    if (total + chars > MESSAGE_CHAR_BUDGET) break;
    total += chars;
    kept.push(item);
  }
  return kept;
}
