/**
 * Chromium's floor for opening an extension page: an unpacked extension of one static page (no
 * style, no code) holding the elements a bench waits for, loaded beside Simlit and opened at the
 * same moments as Simlit's page. What the browser spends before any extension code can run is in
 * both figures; the difference is the page's own.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FloorExtension {
  dir: string;
  id: string;
  url: string;
}

/** Writes the extension into `folder`; `body` is the static page's markup. */
export function floorExtension(folder: string, body: string): FloorExtension {
  const dir = join(folder, 'floor-extension');
  mkdirSync(dir);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Page floor', version: '1' }));
  writeFileSync(join(dir, 'floor.html'), `<!doctype html><meta charset="utf-8"><title>Floor</title>${body}`);
  // Chromium names an unpacked extension by a hash of its folder's path (links resolved), digits as the letters a-p.
  const hash = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  const id = [...hash].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
  return { dir, id, url: `chrome-extension://${id}/floor.html` };
}
