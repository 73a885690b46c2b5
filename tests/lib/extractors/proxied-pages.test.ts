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

describe('saved pages read through campus proxies', () => {
  const pages = savedPages();

  it('finds the saved pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
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
