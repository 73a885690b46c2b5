import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See lib/hosts.ts for where capture runs by default; README.md explains each permission.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'unlimitedStorage'],
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
