import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { PROXY_FORMS, proxiedPage, type ProxyForm } from '../urls/proxy/proxy-forms';
import { scrape, type Scraped } from './fixtures';
import { savedPages } from './saved-pages';

/**
 * Every saved page (the real ones and the constructed fixtures) read through EZproxy, Sangfor
 * and WebVPN, with its links rewritten as each proxy rewrites them, yields the articles it
 * yields at the publisher's address: same platform, same fields, same publisher URLs and ids.
 * Only the sighting differs: it keeps the address the reader had open.
 */

function withoutSightings(articles: Article[]): Omit<Article, 'sightings'>[] {
  return articles.map(({ sightings: _sightings, ...rest }) => rest);
}

const PROXY_HOSTS = /ezproxy|vpn\.|webvpn/;
/** Large real pages are parsed and serialized by jsdom several times on a busy machine. */
const SLOW_PAGE_MS = 60_000;

/**
 * Part `part` of `parts` of the saved pages: the pages are split over several test files so that
 * each runs in its own process (jsdom's parsed pages outgrow one process's heap all together).
 */
export function describeProxiedPages(part: number, parts: number): void {
describe(`saved pages read through campus proxies (part ${part + 1} of ${parts})`, () => {
  const all = savedPages();
  const pages = all.filter((_, index) => index % parts === part);

  it('finds the saved pages', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(pages.length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    describe(page.name, () => {
      let direct: Scraped | undefined;
      const atPublisher = () => (direct ??= scrape(page.html, page.url));

      for (const form of Object.keys(PROXY_FORMS) as ProxyForm[]) {
        it(`yields the same articles with the publisher's addresses through ${form}`, () => {
          const proxied = proxiedPage(page.html, page.url, form);
          expect(proxied.url).not.toBe(page.url);
          const got = scrape(proxied.html, proxied.url);
          expect(got.extraction.platform).toBe(atPublisher().extraction.platform);
          expect(got.extraction.kind).toBe(atPublisher().extraction.kind);
          expect(withoutSightings(got.articles)).toEqual(withoutSightings(atPublisher().articles));
          for (const article of got.articles) {
            expect(article.sightings.map((sighting) => sighting.pageUrl)).toEqual([proxied.url]);
            expect(article.URL ?? '').not.toMatch(PROXY_HOSTS);
            expect(article.pdfUrl ?? '').not.toMatch(PROXY_HOSTS);
            expect(article.ids.join(' ')).not.toMatch(PROXY_HOSTS);
          }
        }, SLOW_PAGE_MS);
      }
    });
  }
});
}
