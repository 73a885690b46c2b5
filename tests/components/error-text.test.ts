import { describe, expect, it } from 'vitest';
import { captureErrorText, entryErrorText, importErrorText, restoreErrorText } from '@/components/error-text';
import { parseBackup } from '@/lib/backup/restore';
import { parseImportFile } from '@/lib/import/parse';
import { translator } from '@/lib/i18n';

const { t } = translator('zh_CN');

/** The error texts lib/ really produces, so that a reworded one fails here, not in front of a reader. */
describe('errors in the reader\'s words', () => {
  it('explains why a file was not imported, and why one entry was left out', () => {
    expect(importErrorText(parseImportFile('', 'a.bib').error!, t)).toBe('文件是空的。');
    expect(importErrorText(parseImportFile('just notes', 'a.txt').error!, t)).toBe('它不是 BibTeX、RIS 或 CSL-JSON 文件。');
    expect(importErrorText(parseImportFile('[{"title": "cut', 'a.json').error!, t)).toBe('文件不是有效的 JSON（可能不完整，或不是 CSL-JSON 文件）。');
    expect(importErrorText(parseImportFile(JSON.stringify(Array.from({ length: 100_001 }, () => ({}))), 'a.json').error!, t)).toBe('文件中的条目超过 100,000 条，请拆分成较小的文件。');
    const entries = parseImportFile('@article{bad, title = {Never closed\n@article{empty, year = {2020}}\n', 'a.bib').rejected;
    expect(entries.map((entry) => entryErrorText(entry.reason, t))).toEqual(['无法解析', '没有标题、摘要或 DOI']);
    const ris = parseImportFile('TY  - JOUR\nTI  - Cut short\n', 'a.ris').rejected;
    expect(entryErrorText(ris[0].reason, t)).toBe('条目不完整（缺少结尾）');
    const json = parseImportFile('[{"title": 5}]', 'a.json').rejected;
    expect(entryErrorText(json[0].reason, t)).toBe('有字段的格式无法识别');
  });

  it('explains why a backup was not restored', () => {
    expect(restoreErrorText(parseBackup('@@') as string, t)).toBe('所选文件不是 Simlit 备份文件，或文件已损坏。');
    expect(restoreErrorText(parseBackup('{"format": "other"}') as string, t)).toBe('所选文件不是 Simlit 备份文件，或文件已损坏。');
    const newer = JSON.stringify({ format: 'simlit-backup', version: 99 });
    expect(restoreErrorText(parseBackup(newer) as string, t)).toBe('这个备份由更新版本的 Simlit 生成，请先更新 Simlit。');
    // A broken article is dropped and reported (restore); a backup without its lists is no backup.
    const broken = JSON.stringify({ format: 'simlit-backup', version: 1, collections: [], settings: [], captures: [] });
    expect(restoreErrorText(parseBackup(broken) as string, t)).toBe('所选文件不是 Simlit 备份文件，或文件已损坏。');
  });

  it('explains why the browser would not let a tab be read', () => {
    expect(captureErrorText('Cannot access contents of the page. Extension manifest must request permission to access the respective host.', t)).toMatch(/^浏览器不允许扩展读取/);
    expect(captureErrorText('Cannot access a chrome:// URL', t)).toMatch(/^浏览器不允许扩展读取/);
    expect(captureErrorText('The extensions gallery cannot be scripted.', t)).toMatch(/^浏览器不允许扩展读取/);
    expect(captureErrorText('No tab with id: 12.', t)).toBe('这个网页还不能读取。请刷新网页后再试。');
    expect(captureErrorText('something else', t)).toBe('无法读取本页。');
  });
});
