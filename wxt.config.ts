import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * WXT's content-script context announces the script to the page (a postMessage and a DOM event
 * naming the extension's id); the build uses Simlit's silent one instead (see its file).
 */
const quietContentScriptContext: Plugin = {
  name: 'simlit-quiet-content-script-context',
  enforce: 'pre',
  resolveId(source) {
    if (source === 'wxt/utils/content-script-context') return fileURLToPath(new URL('./lib/content-script/quiet-context.ts', import.meta.url));
  },
};

// See lib/hosts.ts for where capture runs by default; README.md explains each permission.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  // Firefox too gets MV3: the same action, scripting and host-permission APIs as Chrome (README).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'unlimitedStorage'],
    // "Capture on all sites" is asked for only when the reader chooses it in the options.
    optional_host_permissions: ['<all_urls>'],
    // Firefox 140 (ESR) reads data_collection_permissions; optional_host_permissions needs 128.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'simlit@simlit.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  }),
  zip: {
    // The sources zip addons.mozilla.org asks for holds what `npm ci && npm run build:firefox` needs (README).
    excludeSources: ['tests/**', 'test-results/**', 'bench-results/**', 'scripts/**', 'vitest.config.ts'],
  },
  vite: () => ({
    plugins: [preact(), quietContentScriptContext],
  }),
});
