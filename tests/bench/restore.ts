/**
 * A backup restored through the options page, in Chromium and in Firefox, with the production
 * build: how long the restore takes into an empty library, and how long a write from another page
 * (the library-page bench's probe: what a capture or a save opens) waited meanwhile. 10k articles
 * by default (BENCH_RESTORE_SIZES; BENCH_RESTORE=0 skips it in `npm run bench`). Run alone:
 * `node --import tsx tests/bench/restore.ts [articles...]` (BENCH_NO_BUILD=1 keeps the builds in .output).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension, type BrowserName } from '../e2e/harness';
import { servePages } from '../e2e/page-server';
import { buildExtension } from './build-extension';
import { benchSizes, formatWriteWaits, probeWrites, runAtSizes } from './library-page';
import { asArticles } from './popup-open';

export interface RestoreFigures {
  browser: BrowserName;
  articles: number;
  restoreMs: number;
  writeWaitsMs: number[];
  /** The report's own summary line. */
  summary: string;
}

/**
 * A backup of `size` distinct articles as Simlit writes one (titles made unique: the bench corpus
 * recombines 2,000 abstracts' titles, and a library's backup holds no two copies of an article),
 * a quarter of them saved, written a day before it is restored: a restore's catch-up, like an
 * import's, reads again what was written in its last 30 s, which a backup made moments before
 * would all be (library-identities.ts).
 */
export function backupText(size: number): string {
  const dayBefore = Date.now() - 86_400_000;
  const articles = asArticles(size).map((article, i) => ({
    ...article,
    title: `${article.title} ${i}`,
    capturedAt: dayBefore,
    updatedAt: dayBefore,
    savedAt: i % 4 === 0 ? dayBefore : undefined,
  }));
  return JSON.stringify({ format: 'simlit-backup', version: 1, createdAt: Date.now(), articles, collections: [], settings: [], captures: [] });
}

export async function runRestoreBench(browserName: BrowserName, size: number, build: boolean): Promise<RestoreFigures> {
  if (build) buildExtension(browserName);
  const folder = mkdtempSync(join(tmpdir(), 'simlit-restore-'));
  const file = join(folder, 'backup.json');
  writeFileSync(file, backupText(size));
  const server = await servePages([]);
  const ext = await launchExtension(browserName, { port: server.port });
  try {
    const options = await ext.openExtensionPage('options.html');
    await options.getByLabel('Backup file').setInputFiles(file);
    const stopProbe = await probeWrites(ext);
    const started = Date.now();
    await options.getByRole('button', { name: 'Restore from a backup' }).click();
    const report = options.locator('.restore-report, .error-message').first();
    await report.waitFor({ timeout: 1_800_000 });
    const restoreMs = Date.now() - started;
    const writeWaitsMs = await stopProbe();
    const summary = ((await report.textContent()) ?? '').split('.').slice(0, 2).join('.');
    return { browser: browserName, articles: size, restoreMs, writeWaitsMs, summary };
  } finally {
    await ext.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function formatRestore(figures: RestoreFigures[]): string {
  return [
    '| restore through the options page | articles | restore, s | a write\'s wait beside it, median / p95 / max ms | report |',
    '| --- | --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.browser} | ${f.articles} | ${(f.restoreMs / 1000).toFixed(1)} | ${formatWriteWaits(f.writeWaitsMs)} | ${f.summary} |`),
  ].join('\n');
}

export async function runRestore(sizes: number[]): Promise<RestoreFigures[]> {
  const chromium = await runAtSizes(sizes, (size, build) => runRestoreBench('chromium', size, build));
  const firefox = await runAtSizes(sizes, (size, build) => runRestoreBench('firefox', size, build));
  return [...chromium, ...firefox];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runRestore(benchSizes(process.env.BENCH_RESTORE_SIZES ?? '10000', process.argv.slice(2))).then((figures) => console.log(formatRestore(figures)));
}
