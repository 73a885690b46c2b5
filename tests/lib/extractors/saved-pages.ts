import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFixture, repoRoot } from './fixtures';
import { listRealPages } from './real-pages';

export interface SavedPage {
  name: string;
  html: string;
  url: string;
}

/** Every saved page with the address it belongs to: the real ones (decoded) and the constructed fixtures. */
export function savedPages(): SavedPage[] {
  const real = listRealPages().map((page) => ({
    name: `real/${page.name}`,
    html: new TextDecoder(page.facts.encoding ?? 'utf-8').decode(readFileSync(page.file)),
    url: page.provenance.url,
  }));
  const fixtures = readdirSync(path.join(repoRoot, 'tests/fixtures'))
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ name: file, ...readFixture(file) }));
  return [...real, ...fixtures];
}
