import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs, UsageError } from '@/lib/cli/args';
import { run } from '@/lib/cli/commands/scrape';
import type { CslItem } from '@/lib/model/article';
import { readFixture, repoRoot } from '../../extractors/fixtures';

const fixtures = join(repoRoot, 'tests/fixtures');
// The same constructed Qinyun page saved as UTF-8 (its meta tag wrongly says gb2312) and as GB2312.
const utf8Page = join(fixtures, 'qinyun--article-old.html');
const gb2312Page = join(fixtures, 'qinyun--article-old-gb2312.html');
const { url } = readFixture('qinyun--article-old.html');
const TITLE = '太湖梅梁湾沉积物磷形态的季节变化';

/** The command's `run` in this process; what it writes on stdout, parsed. */
function scrape(...argv: string[]): CslItem[] {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => chunks.push(String(chunk)) > 0);
  try {
    run(parseArgs(argv));
  } finally {
    write.mockRestore();
  }
  return JSON.parse(chunks.join('')) as CslItem[];
}

describe('simlit scrape', () => {
  it('decodes a GB2312 page by its http-equiv declaration', () => {
    const [article] = scrape(gb2312Page, '--url', url);
    expect(article).toMatchObject({ title: TITLE, author: [{ literal: '王立志' }, { literal: '李芳' }, { literal: '张伟' }] });
  });

  it('lets --encoding override the declaration of a page saved in another encoding', () => {
    expect(scrape(utf8Page, '--url', url)[0]?.title).not.toBe(TITLE);
    expect(scrape(utf8Page, '--url', url, '--encoding', 'utf-8')[0]?.title).toBe(TITLE);
  });

  it('writes text fields as plain text: escaped HTML in meta contents is reduced to text', () => {
    const page = join(fixtures, 'meta--escaped-html.html');
    const [item] = scrape(page, '--url', readFixture('meta--escaped-html.html').url);
    expect(item.title).toBe('Binding of CO₂ by the spike protein of Betacoronavirus');
    expect(item.abstract).toBe('An outbreak of a novel coronavirus & its binding of CO₂ were studied.');
    expect(item.keyword).toBe('in vitro; spike');
    expect(item.author).toEqual([{ family: 'Zhang', given: 'Wei' }, { family: 'Müller', given: 'Anna' }]);
    // A preprint: its server's id in citation_firstpage is no page, and the type says preprint.
    expect(item.type).toBe('article');
    expect(item.page).toBeUndefined();
    expect(item.number).toBeUndefined();
  });

  it('refuses an unknown or empty --encoding with a usage error', () => {
    expect(() => scrape(gb2312Page, '--url', url, '--encoding', 'klingon')).toThrow(UsageError);
    expect(() => scrape(gb2312Page, '--url', url, '--encoding')).toThrow(/missing --encoding/);
  });

  it('works as DESIGN.md states it, through npm', { timeout: 60_000 }, () => {
    const result = spawnSync('npm', ['run', '--silent', 'simlit', '--', 'scrape', gb2312Page, '--url', url, '--encoding', 'gbk'], { encoding: 'utf8', cwd: repoRoot });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as CslItem[])[0]?.title).toBe(TITLE);
  });
});
