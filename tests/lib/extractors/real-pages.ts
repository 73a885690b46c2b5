import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CslName } from '@/lib/model/article';
import { repoRoot } from './fixtures';

/**
 * Real pages that others saved from the live sites (tests/fixtures/real/<platform>--<case>.html),
 * each with the facts a reader sees on it, written by reading the page
 * (<platform>--<case>.facts.json beside it). See tests/fixtures/README.md.
 */
export const realDir = path.join(repoRoot, 'tests/fixtures/real');

/** One article as the page shows it. Only the fields given are checked. */
export interface ArticleFacts {
  title: string;
  /** A Chinese name whole ("张三"), or a Latin name's parts as the page means them. */
  firstAuthor?: string | { family: string; given?: string };
  year?: number;
  doi?: string;
  /** The first 20 characters of the abstract, as the page shows it (whitespace collapsed). */
  abstractStart?: string;
  keywords?: string[];
  /** CSL type, where the page says what the item is (thesis, paper-conference, ...). */
  type?: string;
  containerTitle?: string;
  page?: string;
  /** CSL `number`: an article number or e-locator. */
  number?: string;
}

export interface PageFacts {
  /** How many unique articles the page shows. */
  articles: number;
  kind: 'article' | 'list';
  /** Up to three of them. */
  items: ArticleFacts[];
  /** Decoding the saved file needs, when it is not UTF-8 (e.g. "gbk"). */
  encoding?: string;
}

export interface Provenance {
  /** The address the page was saved from. */
  url: string;
  /** Where the saved copy came from: repository, path, commit. */
  source: string;
  licence?: string;
  saved?: string;
}

export interface RealPage {
  name: string;
  platform: string;
  file: string;
  provenance: Provenance;
  facts: PageFacts;
}

/** The header comment every real page starts with: `key: value` lines inside `<!-- -->`. */
export function readProvenance(head: string, name: string): Provenance {
  const comment = /<!--([\s\S]*?)-->/.exec(head)?.[1];
  if (!comment) throw new Error(`${name}: must start with a provenance comment`);
  const fields = new Map<string, string>();
  for (const line of comment.split('\n')) {
    const match = /^\s*([a-z]+):\s*(.+?)\s*$/.exec(line);
    if (match) fields.set(match[1], match[2]);
  }
  const url = fields.get('url');
  const source = fields.get('source');
  if (!url || !source) throw new Error(`${name}: the provenance comment needs "url:" and "source:" lines`);
  return { url, source, licence: fields.get('licence'), saved: fields.get('saved') };
}

export function listRealPages(): RealPage[] {
  if (!existsSync(realDir)) return [];
  return readdirSync(realDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const head = readFileSync(path.join(realDir, file)).subarray(0, 4000).toString('latin1');
      const facts = JSON.parse(readFileSync(path.join(realDir, `${name}.facts.json`), 'utf8')) as PageFacts;
      return { name, platform: name.split('--')[0], file: path.join(realDir, file), provenance: readProvenance(head, name), facts };
    });
}

export function collapse(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether a stored name is the one the facts give. */
export function nameMatches(name: CslName | undefined, expected: NonNullable<ArticleFacts['firstAuthor']>): boolean {
  if (!name) return false;
  if (typeof expected === 'string') return collapse(name.literal ?? `${name.family ?? ''}${name.given ?? ''}`) === expected || name.literal === expected;
  return name.family === expected.family && (expected.given === undefined || name.given === expected.given);
}
