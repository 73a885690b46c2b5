import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findChromium } from './chromium';
import { findFirefox } from './firefox';
import { selectedBrowsers } from './harness';

/**
 * The end-to-end tests run the production builds: build them once (Chrome; Firefox with its
 * addons.mozilla.org zips), and fail early, saying how to get it, when a browser is missing.
 * Chromium runs the Chromium-only tests too, so it is always needed; Firefox unless
 * SIMLIT_E2E_BROWSERS leaves it out.
 */
export default function setup(): void {
  findChromium();
  if (selectedBrowsers().includes('firefox')) findFirefox();
  const root = resolve(import.meta.dirname, '../..');
  for (const args of [['build'], ['zip', '-b', 'firefox']]) {
    const build = spawnSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), ...args], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) {
      throw new Error(`The extension did not build (wxt ${args.join(' ')}):\n${`${build.stdout}\n${build.stderr}`.trim().slice(-3000)}`);
    }
  }
}
