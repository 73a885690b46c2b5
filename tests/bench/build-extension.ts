import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Builds the production extension the benchmarks load: .output/chrome-mv3, or .output/firefox-mv3. */
export function buildExtension(browser: 'chromium' | 'firefox' = 'chromium'): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'ignore' });
}
