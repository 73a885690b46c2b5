import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '@/lib/model/article';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { readStore, waitFor } from './library-db';
import { servePages, type PageServer } from './page-server';

const SHARED_PAGES = resolve(import.meta.dirname, '../../../shared/pages');
const ARTICLE_URL = 'http://ggglxb.cnjournals.com/ch/reader/view_abstract.aspx?file_no=20230502&flag=1';
const ARTICLE_TITLE = '补肾活血汤对老年单纯收缩期高血压(肾虚血瘀证)患者血管内皮功能的影响';

/** A reference manager's export: one English and one Chinese entry, and one without a title. */
const BIBTEX = `@article{smith2021,
  author = {Smith, Jane and Doe, John},
  title = {Blame avoidance in local government},
  journal = {Public Administration Review},
  year = {2021},
  volume = {81},
  pages = {101--118},
  doi = {10.1111/puar.13300}
}
@article{wang2020,
  author = {王建军 and 李晓梅},
  title = {基层治理中的问责与避责},
  journal = {公共管理学报},
  year = {2020}
}
@misc{untitled,
  note = {no title, no identifier}
}
`;

describe('import, export and citations in the real browser', () => {
  let server: PageServer;
  let browser: ExtensionBrowser;
  let library: Page;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    server = await servePages([{ url: ARTICLE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') }]);
    browser = await launchWithExtension({ port: server.port });
    await (await browser.context.newPage()).goto(ARTICLE_URL);
    await waitFor(() => readStore<Article>(browser.worker, 'articles'), (rows) => rows.length === 1);
    library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await library.getByRole('list', { name: 'Articles' }).waitFor();
  });

  afterAll(async () => {
    console.log('simlit citation figures (ms from click to copied)', JSON.stringify(timings));
    await browser?.close();
    await server?.close();
  });

  it('imports a BibTeX file, keeping the good entries and naming the one it rejected', async () => {
    await library.getByRole('button', { name: 'Import…' }).click();
    await library.getByLabel('File to import').setInputFiles({ name: 'refs.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(BIBTEX) });
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(/^refs\.bib \(BibTeX\): 2 added, 0 merged .*, 0 unchanged, 1 rejected\.$/).waitFor();
    const stored = await readStore<Article>(browser.worker, 'articles');
    expect(stored.map((article) => article.title).sort()).toEqual(['Blame avoidance in local government', ARTICLE_TITLE, '基层治理中的问责与避责'].sort());
    await expect.poll(() => library.getByRole('list', { name: 'Articles' }).getByRole('listitem').count()).toBe(3);
  });

  it('downloads the whole library as BibTeX and as RIS, formatted in a worker off the page', async () => {
    await library.getByRole('button', { name: 'Export…' }).click();
    await library.getByRole('radio', { name: /^Whole library/ }).check();
    const exported = async (format: string) => {
      await library.getByRole('combobox', { name: 'Format' }).selectOption(format);
      const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Download' }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const bibtex = await exported('bibtex');
    expect(bibtex.name).toMatch(/\.bib$/);
    expect(bibtex.text.match(/^@article\{/gm)).toHaveLength(3);
    expect(bibtex.text).toContain(`title = {${ARTICLE_TITLE}}`);
    expect(bibtex.text).toMatch(/doi = \{10\.13000\/j\.cnki\.sample\.2018\.04\.002\}/);
    expect(bibtex.text).toContain('Blame avoidance in local government');
    const ris = await exported('ris');
    expect(ris.name).toMatch(/\.ris$/);
    expect(ris.text.match(/^TY {2}- JOUR$/gm)).toHaveLength(3);
    expect(ris.text).toMatch(new RegExp(`^(TI|T1) {2}- ${ARTICLE_TITLE.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(ris.text).toMatch(/^DO {2}- 10\.1111\/puar\.13300$/m);
    // The page's PDF link, resolved against the page, for reference managers to attach.
    expect(ris.text).toMatch(/^L1 {2}- http:\/\/ggglxb\.cnjournals\.com\/ch\/reader\/create_pdf\.aspx\?file_no=20230502$/m);
    expect(library.workers().some((worker) => worker.url().includes('format-worker'))).toBe(true);
  });

  it('copies an article\'s citation in GB/T 7714 and in APA to the clipboard', async () => {
    // What the page hands the clipboard is recorded on its way there.
    await library.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      (window as unknown as { copied: string[] }).copied = [];
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string[] }).copied.push(text);
        return write(text);
      };
    });
    await library.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: ARTICLE_TITLE }).locator('.row-open').click();
    const copied = async (style: string, { readFirstMs = 0 } = {}) => {
      await library.getByRole('combobox', { name: 'Citation style' }).first().selectOption(style);
      // A reader looks at the article before copying; meanwhile the worker gets the style ready.
      if (readFirstMs) await library.waitForTimeout(readFirstMs);
      const started = Date.now();
      await library.getByRole('button', { name: 'Copy citation' }).first().click();
      await library.getByText('Copied to the clipboard.').waitFor({ timeout: 30_000 });
      timings[readFirstMs ? `${style} after ${readFirstMs} ms on the article` : style] = Date.now() - started;
      return library.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
    };
    const gbt = await copied('gbt7714');
    expect(gbt).toContain(`${ARTICLE_TITLE}[J]`);
    expect(gbt).toContain('农业经济问题, 2018, 14(4): 24-42');
    const apa = await copied('apa', { readFirstMs: 2000 });
    expect(apa).toContain('(2018)');
    expect(apa).toContain(ARTICLE_TITLE);
    expect(apa).toContain('https://doi.org/10.13000/j.cnki.sample.2018.04.002');
  });
});
