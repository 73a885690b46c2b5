import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
    plugins: [preact()],
  }),
});
