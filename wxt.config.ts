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
  manifest: ({ manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'unlimitedStorage'],
    // "Capture on all sites" is asked for only when the reader chooses it in the options.
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    browser_specific_settings: { gecko: { id: 'simlit@simlit.invalid', strict_min_version: '115.0' } },
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  }),
  vite: () => ({
    plugins: [preact(), quietContentScriptContext],
  }),
});
