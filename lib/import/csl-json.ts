import type { CslItem, CslName } from '../model/article';

export interface Rejection {
  /** 0-based position of the entry in its file. */
  index: number;
  /** A short label of the entry as written in the file (key, title or first line). */
  entry: string;
  reason: string;
}

const TEXT_FIELDS = ['title', 'container-title', 'container-title-short', 'abstract', 'keyword', 'language', 'publisher', 'source', 'DOI', 'URL', 'ISSN', 'note'] as const;
const NUMBER_LIKE_FIELDS = ['volume', 'issue', 'page', 'number'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(value: Record<string, unknown>, index: number): string {
  const title = typeof value.title === 'string' ? value.title : '';
  return (title || (typeof value.id === 'string' ? value.id : '') || `item ${index + 1}`).slice(0, 80);
}

function checkNames(value: unknown): CslName[] | string {
  if (!Array.isArray(value)) return 'author must be a list of names';
  const names: CslName[] = [];
  for (const name of value) {
    if (!isRecord(name)) return 'an author is not a name object';
    const picked: CslName = {};
    for (const part of ['family', 'given', 'literal'] as const) {
      if (name[part] === undefined) continue;
      if (typeof name[part] !== 'string') return `an author's ${part} is not text`;
      picked[part] = name[part] as string;
    }
    if (picked.family || picked.given || picked.literal) names.push({ ...name, ...picked } as CslName);
  }
  return names;
}

function checkDate(value: unknown): string | undefined {
  if (!isRecord(value)) return 'issued must be a CSL date object';
  const parts = value['date-parts'];
  if (parts === undefined) return typeof value.raw === 'string' || typeof value.literal === 'string' ? undefined : 'issued has neither date-parts nor raw';
  if (!Array.isArray(parts) || !parts.every((p) => Array.isArray(p) && p.every((n) => Number.isFinite(Number(n))))) {
    return 'issued date-parts must be lists of numbers';
  }
  return undefined;
}

/** Checks one CSL-JSON item; returns the item (id and type filled in when missing) or a reason. */
export function validateCslItem(value: unknown, index: number): CslItem | string {
  if (!isRecord(value)) return 'not a JSON object';
  const item: Record<string, unknown> = { ...value };
  if (item.id === undefined || item.id === '') item.id = `item-${index + 1}`;
  else if (typeof item.id === 'number') item.id = String(item.id);
  else if (typeof item.id !== 'string') return 'id must be text or a number';
  if (item.type === undefined) item.type = 'article-journal';
  else if (typeof item.type !== 'string') return 'type must be text';
  for (const field of TEXT_FIELDS) {
    if (item[field] !== undefined && typeof item[field] !== 'string') return `${field} must be text`;
  }
  for (const field of NUMBER_LIKE_FIELDS) {
    if (typeof item[field] === 'number') item[field] = String(item[field]);
    else if (item[field] !== undefined && typeof item[field] !== 'string') return `${field} must be text or a number`;
  }
  if (item.author !== undefined) {
    const names = checkNames(item.author);
    if (typeof names === 'string') return names;
    item.author = names;
  }
  if (item.issued !== undefined) {
    const problem = checkDate(item.issued);
    if (problem) return problem;
  }
  const described = ['title', 'abstract', 'DOI'].some((field) => typeof item[field] === 'string' && (item[field] as string).trim());
  if (!described) return 'no title, abstract or DOI';
  return item as unknown as CslItem;
}

/** One value of a CSL-JSON array: the item, or its rejection labelled by title or position. */
export function validateCslEntry(value: unknown, index: number): { item: CslItem } | { rejection: Rejection } {
  const result = validateCslItem(value, index);
  if (typeof result !== 'string') return { item: result };
  return { rejection: { index, entry: isRecord(value) ? label(value, index) : `item ${index + 1}`, reason: result } };
}

/** Splits a parsed CSL-JSON array into valid items and rejections with reasons. */
export function validateCslItems(values: unknown[]): { items: CslItem[]; rejected: Rejection[] } {
  const items: CslItem[] = [];
  const rejected: Rejection[] = [];
  values.forEach((value, index) => {
    const result = validateCslEntry(value, index);
    if ('item' in result) items.push(result.item);
    else rejected.push(result.rejection);
  });
  return { items, rejected };
}
