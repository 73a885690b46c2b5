import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrapeHtml } from '@/lib/cli/commands/scrape';
import { decodePage } from '@/lib/text/decode-page';
import type { CslItem } from '@/lib/model/article';
import { collapse, listRealPages, nameMatches, type ArticleFacts } from './real-pages';

const pages = listRealPages();

function titleOf(item: CslItem): string {
  return collapse(item.title).toLowerCase();
}

function checkArticle(items: CslItem[], facts: ArticleFacts): void {
  const item = items.find((candidate) => titleOf(candidate) === collapse(facts.title).toLowerCase());
  expect(item, `an article titled "${facts.title}" among ${items.map((i) => i.title).join(' | ')}`).toBeDefined();
  if (!item) return;
  if (facts.firstAuthor !== undefined) {
    expect(nameMatches(item.author?.[0], facts.firstAuthor), `first author ${JSON.stringify(item.author?.[0])}`).toBe(true);
  }
  if (facts.year !== undefined) expect(item.issued?.['date-parts']?.[0]?.[0]).toBe(facts.year);
  if (facts.doi !== undefined) expect(item.DOI?.toLowerCase()).toBe(facts.doi.toLowerCase());
  if (facts.abstractStart !== undefined) expect(collapse(item.abstract).slice(0, facts.abstractStart.length)).toBe(facts.abstractStart);
  if (facts.keywords !== undefined) {
    const stored = (item.keyword ?? '').split(/;\s*/).filter(Boolean).map((k) => k.toLowerCase());
    expect(new Set(stored)).toEqual(new Set(facts.keywords.map((k) => k.toLowerCase())));
  }
  if (facts.type !== undefined) expect(item.type).toBe(facts.type);
  if (facts.containerTitle !== undefined) expect(collapse(item['container-title'])).toBe(facts.containerTitle);
  if (facts.page !== undefined) expect(item.page).toBe(facts.page);
  if (facts.number !== undefined) expect((item as CslItem & { number?: string }).number).toBe(facts.number);
}

describe('real pages saved from the live sites (tests/fixtures/real)', () => {
  for (const page of pages) {
    it(`${page.name} yields the facts the page shows`, () => {
      const html = decodePage(readFileSync(page.file), page.facts.encoding).text;
      const items = scrapeHtml(html, page.provenance.url);
      expect(items, `articles on ${page.provenance.url}`).toHaveLength(page.facts.articles);
      expect(page.facts.items.length).toBeGreaterThan(0);
      for (const facts of page.facts.items) checkArticle(items, facts);
      for (const item of items) {
        expect(item.URL ?? '').toMatch(/^https?:\/\//);
        for (const field of ['title', 'abstract', 'container-title'] as const) {
          // Text, never markup or entities.
          expect(item[field] ?? '').not.toMatch(/<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i);
        }
      }
    });
  }
});
