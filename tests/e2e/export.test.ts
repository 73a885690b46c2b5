import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Article } from '@/lib/model/article';
import { describeInBrowsers, launchExtension, type ExtensionSession, type TestPage } from './harness';
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

/** More articles than the page sends the format worker in one message (ARTICLES_PER_MESSAGE). */
const BULK = 2_500;
const bulkTitle = (i: number) => `Bulk article number ${i}`;
const BULK_BIBTEX = Array.from({ length: BULK }, (_, i) => `@article{bulk${i},\n  author = {Writer${i}, Ann},\n  title = {${bulkTitle(i)}},\n  journal = {Bulk Studies},\n  year = {2020}\n}\n`).join('');

describeInBrowsers('import, export and citations in the real browser', (browserName) => {
  let server: PageServer;
  let ext: ExtensionSession;
  let library: TestPage;
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    server = await servePages([{ url: ARTICLE_URL, file: resolve(SHARED_PAGES, 'qinyun-article.html') }]);
    ext = await launchExtension(browserName, { port: server.port });
    await (await ext.newPage()).goto(ARTICLE_URL);
    await waitFor(() => readStore<Article>(ext.background, 'articles'), (rows) => rows.length === 1);
    library = await ext.openExtensionPage('library.html');
    await library.getByRole('list', { name: 'Articles' }).waitFor();
  });

  afterAll(async () => {
    console.log('simlit citation figures (ms from click to copied)', JSON.stringify(timings));
    await ext?.close();
    await server?.close();
  });

  it('imports a BibTeX file, keeping the good entries and naming the one it rejected', async () => {
    await library.getByRole('button', { name: 'Import…' }).click();
    await library.getByLabel('File to import').setInputFiles({ name: 'refs.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(BIBTEX) });
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(/^refs\.bib \(BibTeX\): 2 added, 0 merged .*, 0 unchanged, 1 rejected\.$/).waitFor();
    const stored = await readStore<Article>(ext.background, 'articles');
    expect(stored.map((article) => article.title).sort()).toEqual(['Blame avoidance in local government', ARTICLE_TITLE, '基层治理中的问责与避责'].sort());
    await expect.poll(() => library.getByRole('list', { name: 'Articles' }).getByRole('listitem').count()).toBe(3);
  });

  it('downloads the whole library as BibTeX and as RIS, formatted in a worker off the page', async () => {
    await library.getByRole('button', { name: 'Export…' }).click();
    await library.getByRole('radio', { name: /^Whole library/ }).check();
    const exported = async (format: string) => {
      await library.getByRole('combobox', { name: 'Format' }).selectOption(format);
      return library.download(() => library.getByRole('button', { name: 'Download' }).click());
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
    expect((await library.workerUrls()).some((url) => url.includes('format-worker'))).toBe(true);
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
      if (readFirstMs) await new Promise((done) => setTimeout(done, readFirstMs));
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

  it('exports a library larger than one message to the worker: every article once', async () => {
    await library.getByRole('button', { name: 'Import…' }).click();
    await library.getByLabel('File to import').setInputFiles({ name: 'bulk.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(BULK_BIBTEX) });
    await library.getByRole('button', { name: 'Import', exact: true }).click();
    await library.getByText(new RegExp(`^bulk\\.bib \\(BibTeX\\): ${BULK.toLocaleString('en')} added`)).waitFor({ timeout: 60_000 });
    await library.getByRole('button', { name: 'Export…' }).click();
    await library.getByRole('radio', { name: /^Whole library/ }).check();
    await library.getByRole('combobox', { name: 'Format' }).selectOption('ris');
    const ris = await library.download(() => library.getByRole('button', { name: 'Download' }).click());
    expect(ris.text.match(/^TY {2}- JOUR$/gm)).toHaveLength(BULK + 3);
    const bulkTitles = ris.text.match(/^(?:TI|T1) {2}- Bulk article number \d+$/gm)!.map((line) => line.slice(6));
    expect(bulkTitles.sort()).toEqual(Array.from({ length: BULK }, (_, i) => bulkTitle(i)).sort());
  });
});
