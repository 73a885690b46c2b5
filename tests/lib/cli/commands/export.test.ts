import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { run } from '@/lib/cli/commands/export';
import { AWKWARD_ITEMS } from '../../export/awkward-items';

const dir = mkdtempSync(join(tmpdir(), 'simlit-export-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The command as DESIGN.md states it: `npm run --silent simlit -- export ...`. */
function simlit(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'simlit', '--', 'export', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('simlit export', { timeout: 60_000 }, () => {
  const items = file('items.json', JSON.stringify(AWKWARD_ITEMS));

  it('writes BibTeX for a CSL-JSON array on stdout', () => {
    const { code, stdout, stderr } = simlit('--data', items, '--format', 'bibtex');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const parsed = parse(stdout);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.fields.title)).toEqual(AWKWARD_ITEMS.map((item) => item.title!.replace(/\s+/g, ' ')));
  });

  it('fails with a clear message for a file that is not a CSL-JSON array', () => {
    const broken = simlit('--data', file('broken.json', '[{"id": "a", "title": '), '--format', 'ris');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
    expect(simlit('--data', items, '--format', 'docx')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown format "docx"/) });
  });
});

/** The command's `run` in this process (the spawned runs above cost seconds each). */
function runExport(...argv: string[]): string {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    run(parseArgs(argv));
    return write.mock.calls.map(([chunk]) => String(chunk)).join('');
  } finally {
    write.mockRestore();
  }
}

describe('export run', () => {
  it('writes a GB/T 7714 list', () => {
    const lines = runExport('--data', file('list.json', JSON.stringify(AWKWARD_ITEMS)), '--format', 'gbt7714').split('\n');
    expect(lines[0]).toMatch(/^\[1\] 袁训来, 陈哲, 肖书海, 等\. 基于/);
    expect(lines[2]).toBe('[3] Only a title[J].');
  });

  it('refuses items that are not CSL-JSON, a non-array and a missing file', () => {
    const wrong = file('wrong.json', JSON.stringify([{ id: 'a', title: 'ok' }, { id: 'b', author: 'Smith' }]));
    expect(() => runExport('--data', wrong, '--format', 'csv')).toThrow(/1 of 2 items are not CSL-JSON items; item 2: author must be a list of names/);
    expect(() => runExport('--data', file('object.json', '{"id": "a"}'), '--format', 'csv')).toThrow(/must hold a JSON array/);
    expect(() => runExport('--data', join(dir, 'none.json'), '--format', 'ris')).toThrow(/cannot read .*none\.json: ENOENT/);
    expect(() => runExport('--format', 'ris')).toThrow(/missing --data/);
  });
});
