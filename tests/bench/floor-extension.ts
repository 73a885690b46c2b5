/**
 * The browser's floor for opening an extension page: an unpacked extension of one static page (no
 * style, no code) holding the elements a bench waits for, loaded beside Simlit and opened at the
 * same moments as Simlit's page. What the browser spends before any extension code can run is in
 * both figures; the difference is the page's own.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnpackedAddon } from '../e2e/firefox';

export interface FloorExtension {
  dir: string;
  id: string;
  url: string;
}

/** Writes the extension's folder into `folder`, with `manifest` added to the floor's own. */
function writeFloor(folder: string, body: string, manifest: object = {}): string {
  const dir = join(folder, 'floor-extension');
  mkdirSync(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Page floor', version: '1', ...manifest }));
  writeFileSync(join(dir, 'floor.html'), `<!doctype html><meta charset="utf-8"><title>Floor</title>${body}`);
  return dir;
}

/** Writes the extension into `folder`; `body` is the static page's markup. */
export function floorExtension(folder: string, body: string): FloorExtension {
  const dir = writeFloor(folder, body);
  // Chromium names an unpacked extension by a hash of its folder's path (links resolved), digits as the letters a-p.
  const hash = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  const id = [...hash].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
  return { dir, id, url: `chrome-extension://${id}/floor.html` };
}

/**
 * The same floor as a Firefox add-on, for launchFirefoxWithExtension's `alsoInstall`: named by the
 * id in its manifest, its pages' origin by the UUID the profile's preferences give that id. Firefox
 * runs every add-on's pages in one process, so the floor is opened in a browser of its own (where
 * Simlit's page is not opened), or it would start that process for Simlit's.
 */
export function firefoxFloorAddon(folder: string, body: string): UnpackedAddon & { url: string } {
  const id = 'floor@simlit.invalid';
  const dir = writeFloor(folder, body, { browser_specific_settings: { gecko: { id } } });
  const uuid = randomUUID();
  return { id, dir, uuid, url: `moz-extension://${uuid}/floor.html` };
}
