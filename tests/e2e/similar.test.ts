/**
 * A first week's small library, built in a fresh profile by browsing: the seed list (local
 * governance), a CNKI result page (metal additive manufacturing), a Qinyun article (a herbal
 * decoction), the Nature inflammasome article, the PubMed cortisol article, an arXiv page, and an
 * article page on the seed list's topic. The popup must call similar only what is, say plainly
 * when nothing is, and fit a toolbar popup from 400 to 800 px in both languages.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
import { putRow, readStore, tabIdOf, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';
import { GOVERNANCE_ABSTRACT, GOVERNANCE_KEYWORDS, GOVERNANCE_PAGE, GOVERNANCE_TITLE, GOVERNANCE_URL } from './governance-page';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');

const SEED_URL = 'http://ggglxb.cnjournals.com/ch/reader/search_similar.aspx?file_no=20230001';
const CNKI_URL = 'http://kns.cnki.net/kns8s/defaultresult/index?kw=WAAM';
const HERBAL_URL = 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';
const NATURE_URL = 'http://www.nature.com/nature/journal/v512/n7512/full/nature13322.html';
const PUBMED_URL = 'http://www.ncbi.nlm.nih.gov/pubmed/25817406';
const ARXIV_URL = 'http://arxiv.org/abs/1902.02534';
const NATURE_TITLE = 'Negative regulation of the NLRP3 inflammasome by A20 protects against arthritis';

const ROUTES = [
  { url: SEED_URL, file: resolve(SHARED_PAGES, 'qinyun-similar.html') },
  { url: CNKI_URL, file: resolve(SHARED_PAGES, 'cnki-search-result.html') },
  { url: HERBAL_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') },
  { url: NATURE_URL, file: resolve(SHARED_PAGES, 'nature-article-2014.html') },
  { url: PUBMED_URL, file: resolve(SHARED_PAGES, 'pubmed-article-2015.html') },
  { url: ARXIV_URL, file: resolve(SHARED_PAGES, 'arxiv-abs.html') },
  { url: GOVERNANCE_URL, html: GOVERNANCE_PAGE },
];

interface CaptureRow {
  pageUrl: string;
  items: { articleId: string }[];
}

/** The popup of a captured page, opened as the tests open it (a tab naming the page's tab). */
async function openPopup(ext: ExtensionSession, pageUrl: string, width = 480): Promise<TestPage> {
  const popup = await ext.openExtensionPage(`popup.html?tabId=${await tabIdOf(ext.background, pageUrl)}`);
  await popup.setViewportSize(width, 600);
  return popup;
}

/** The similar articles once they are the current answer (not an earlier one awaiting the background's) and every row shows its shared words. */
async function freshSimilar(popup: TestPage) {
  // Rows show first and find their shared words after.
  const results = popup.locator('.similar-results[aria-busy="false"]:not(:has([data-shared-words="finding"]))');
  await results.waitFor();
  return results;
}

/** Every visible control lies inside the popup's width, and nothing scrolls sideways. */
async function expectNothingCutOff(popup: TestPage, width: number): Promise<void> {
  // Once the popup has taken the width (the viewport is set after the page opens).
  await expect.poll(() => popup.evaluate(() => window.innerWidth)).toBe(width);
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const boxes = await popup.evaluate(() =>
    [...document.querySelectorAll('button, select, input, a, h2, [role="tab"]')]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }) && element.getBoundingClientRect().width > 0)
      .map((element) => ({ left: element.getBoundingClientRect().left, right: element.getBoundingClientRect().right })),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(width + 0.5);
  }
}

async function setLanguage(ext: ExtensionSession, language: 'en' | 'zh_CN'): Promise<void> {
  await putRow(ext.background, 'settings', { key: 'uiLanguage', value: language });
}

/** The popup speaks the chosen language (it reads the setting as it opens). */
async function speaks(popup: TestPage, language: 'en' | 'zh_CN'): Promise<void> {
  await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en' : 'zh-CN');
}

describeInBrowsers('similar articles a reader can trust, in a small library', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  let librarySize = 0;
  const articleIdsOf = new Map<string, string[]>();

  beforeAll(async () => {
    server = await servePages(ROUTES);
    ext = await launchExtension(browserName, { port: server.port });
    for (const { url } of ROUTES) {
      const page = await ext.newPage();
      await page.goto(url);
    }
    const captures = await waitFor(
      () => readStore<CaptureRow>(ext.background, 'captures'),
      (rows) => ROUTES.every(({ url }) => rows.some((row) => row.pageUrl === url && row.items.length > 0)),
      60_000,
    );
    for (const { pageUrl, items } of captures) articleIdsOf.set(pageUrl, items.map((item) => item.articleId));
    librarySize = (await readStore<Article>(ext.background, 'articles')).length;
    // 19 + 20 + 1 + 1 + 1 + 1 + 1: nothing was merged that is not the same article.
    expect(librarySize).toBe(44);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('keeps the answer kept for a page read earlier current as later pages are captured: its popup shows it without waiting for the background', async () => {
    type KeptCapture = CaptureRow & { similar?: { id: string }[]; similarAsOf?: { newest: number; size: number } };
    // The seed list was captured first: every later page changed the library since its answer was ranked.
    const articles = await readStore<Article>(ext.background, 'articles');
    const newest = Math.max(...articles.map((article) => article.updatedAt));
    const captures = await waitFor(
      () => readStore<KeptCapture>(ext.background, 'captures'),
      (rows) => rows.some((row) => row.pageUrl === SEED_URL && row.similarAsOf?.size === librarySize && row.similarAsOf.newest === newest),
      30_000,
    );
    const seed = captures.find((row) => row.pageUrl === SEED_URL)!;
    const capturedLater = new Set(ROUTES.slice(1).flatMap(({ url }) => articleIdsOf.get(url) ?? []));
    expect(seed.similar?.some((result) => capturedLater.has(result.id))).toBe(true);
    // Opened on a stopped background, the popup's first settled answer is the kept one. Firefox
    // runs no script of a driver's before an add-on page's own: there the kept answer's state
    // above says it.
    const tabId = await tabIdOf(ext.background, SEED_URL);
    await ext.stopBackground();
    const popup = await ext.newPage();
    const recorded = browserName === 'chromium';
    if (recorded) {
      await popup.addInitScript(() => {
        const record = () => {
          const settled = document.querySelector('.similar-results[aria-busy="false"]');
          if (settled && !document.documentElement.dataset.firstSettled) document.documentElement.dataset.firstSettled = settled.getAttribute('data-answer') ?? '';
        };
        new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
      }, undefined);
    }
    await popup.goto(`${ext.origin}popup.html?tabId=${tabId}`);
    await popup.locator('.similar-results[aria-busy="false"]').waitFor();
    if (recorded) expect(await popup.evaluate(() => document.documentElement.dataset.firstSettled)).toBe('kept');
    const shown = await popup.locator('.similar-results .ranked-row').allAttributes('data-article-id');
    expect(shown.some((id) => capturedLater.has(id!))).toBe(true);
    await popup.close();
  });

  it('shows nothing as similar to the Nature article, says that nothing close is stored yet, and marks the nearest as weak', async () => {
    const popup = await openPopup(ext, NATURE_URL);
    const article = popup.getByRole('list', { name: 'This article' });
    await article.waitFor();
    expect(await article.textContent()).toContain(NATURE_TITLE);
    const results = await freshSimilar(popup);
    expect(await results.textContent()).toContain(`Nothing close in your library yet: none of its ${librarySize} articles is similar enough.`);
    expect(await popup.getByRole('list', { name: 'Similar in your library' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Show the nearest anyway' }).click();
    const nearest = popup.getByRole('list', { name: 'Nearest, though not similar' });
    await nearest.waitFor();
    const rows = nearest.getByRole('listitem');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const label of await rows.locator('.score').allAttributes('aria-label')) {
      expect(label).toMatch(/^Weak match, similarity 0\.\d\d$/);
    }
    // No article, governance, engineering or other, is called similar.
    expect(await popup.locator('.ranked-row:not(.level-weak)').count()).toBe(0);
    await popup.close();
  });

  it('shows the governance neighbours of a governance article, with shared words that both articles contain', async () => {
    const popup = await openPopup(ext, GOVERNANCE_URL);
    await freshSimilar(popup);
    const rows = popup.getByRole('list', { name: 'Similar in your library' }).getByRole('listitem');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const seed = new Set(articleIdsOf.get(SEED_URL));
    for (const id of await rows.allAttributes('data-article-id')) expect(seed.has(id!)).toBe(true);
    const page = `${GOVERNANCE_TITLE} ${GOVERNANCE_KEYWORDS} ${GOVERNANCE_ABSTRACT}`;
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const rowText = (await row.locator('.article-title').textContent()) ?? '';
      const shared = ((await row.locator('.shared-terms').textContent()) ?? '').replace(/^Shared words: /, '').split(' · ');
      expect(shared.length).toBeGreaterThan(0);
      expect(shared.length).toBeLessThanOrEqual(5);
      for (const word of shared) {
        expect(page).toContain(word);
        expect(['研究', '中的', '影响', '分析', '基于', '基础']).not.toContain(word);
      }
      // What is marked is a shared word, each on its own, and occurs in the row's own text.
      for (const mark of await row.locator('.article-title mark').allTextContents()) {
        expect(shared).toContain(mark);
        expect(rowText).toContain(mark);
      }
    }
    await popup.close();
  });

  it('opens a list page on its similar articles; after Save all every count and row says saved', async () => {
    const popup = await openPopup(ext, CNKI_URL);
    const tabs = popup.getByRole('tab');
    await tabs.first().waitFor();
    expect(await tabs.allTextContents()).toEqual(['Similar to this page', 'On this page (20, 20 new)']);
    expect(await tabs.first().getAttribute('aria-selected')).toBe('true');
    // Nothing in this library is on additive manufacturing but the page's own articles.
    expect(await (await freshSimilar(popup)).textContent()).toContain('Nothing close in your library yet');
    await popup.getByRole('tab', { name: 'On this page (20, 20 new)' }).click();
    await popup.getByText('20 articles on this page: 20 new').waitFor();
    await popup.getByRole('button', { name: 'Save all' }).click();
    await popup.getByText('20 articles on this page, all saved').waitFor();
    await popup.getByRole('tab', { name: 'On this page (20)' }).waitFor();
    expect(await popup.locator('.badge-new').count()).toBe(0);
    expect(await popup.getByRole('list', { name: 'This page' }).getByRole('button', { name: 'Saved' }).count()).toBe(20);
    const stored = await readStore<Article>(ext.background, 'articles');
    expect(stored.filter((a) => articleIdsOf.get(CNKI_URL)!.includes(a.id) && a.savedAt)).toHaveLength(20);
    await popup.close();
  });

  it('says the same after 全部保存 in Chinese', async () => {
    await setLanguage(ext, 'zh_CN');
    try {
      const popup = await openPopup(ext, SEED_URL);
      await speaks(popup, 'zh_CN');
      await popup.getByRole('tab', { name: '本页文献（19，新 19）' }).click();
      await popup.getByText('本页 19 篇文献，其中新文献 19 篇').waitFor();
      await popup.getByRole('button', { name: '全部保存' }).click();
      await popup.getByText('本页 19 篇文献，均已保存').waitFor();
      await popup.getByRole('tab', { name: '本页文献（19）' }).waitFor();
      expect(await popup.locator('.badge-new').count()).toBe(0);
      expect(await popup.getByRole('list', { name: '本页文献' }).getByRole('button', { name: '已保存' }).count()).toBe(19);
      await popup.close();
    } finally {
      await setLanguage(ext, 'en');
    }
  });

  for (const language of ['en', 'zh_CN'] as const) {
    for (const width of [400, 800]) {
      it(`fits a ${width} px popup in ${language === 'en' ? 'English' : 'Chinese'}, on an article page, a list page and a page with nothing close`, async () => {
        await setLanguage(ext, language);
        try {
          const views: [string, string, (popup: TestPage) => Promise<void>][] = [
            ['article', GOVERNANCE_URL, async (popup) => void (await freshSimilar(popup))],
            ['list', SEED_URL, async (popup) => void (await freshSimilar(popup))],
            [
              'nothing-close',
              NATURE_URL,
              async (popup) => {
                await freshSimilar(popup);
                await popup.locator('.show-weak').click();
                await popup.locator('.ranked-list.weak').waitFor();
              },
            ],
          ];
          for (const [name, url, ready] of views) {
            const popup = await openPopup(ext, url, width);
            await speaks(popup, language);
            await ready(popup);
            await expectNothingCutOff(popup, width);
            await popup.screenshot(`popup-${name}-${language}-${width}.png`, { fullPage: true });
            await popup.close();
          }
        } finally {
          await setLanguage(ext, 'en');
        }
      });
    }
  }
});
