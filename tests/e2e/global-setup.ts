import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { findChromium } from './chromium';

/** The end-to-end tests run the production build: build it once, and fail early without a browser. */
export default function setup(): void {
  findChromium();
  const root = resolve(import.meta.dirname, '../..');
  const build = spawnSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`The extension did not build (wxt build):\n${`${build.stdout}\n${build.stderr}`.trim().slice(-3000)}`);
  }
}
