import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The browser the end-to-end tests drive: CHROME_PATH, else a system Chromium or Chrome. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found for the end-to-end tests. On Debian or Ubuntu: ' +
      '`sudo apt-get install chromium fonts-noto-cjk`; elsewhere install Chromium or Chrome and ' +
      'point CHROME_PATH at its executable, e.g. CHROME_PATH=/path/to/chrome npm test.',
  );
}

/** Flags that keep Chromium quiet on a machine without a network, as root, headless. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Chromium with the production build loaded, every host name mapped to the local test server
 * (so pages load under their real journal host names), in a fresh profile. `alsoLoad`: other
 * unpacked extensions loaded beside Simlit (the benchmarks' reference page).
 */
export async function launchWithExtension(options: { port: number; headless?: boolean; locale?: string; profile?: string; args?: string[]; alsoLoad?: string[] }): Promise<ExtensionBrowser> {
  const extensions = [EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',');
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'simlit-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1100, height: 800 },
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${options.port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
