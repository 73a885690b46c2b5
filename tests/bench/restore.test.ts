import { describe, expect, it } from 'vitest';
import { backupText, formatRestore, type RestoreFigures } from './restore';
import { parseBackup } from '@/lib/backup/restore';

const chromium: RestoreFigures = { browser: 'chromium', articles: 10000, restoreMs: 8_060, writeWaitsMs: [40, 120, 31, 35, 300], summary: 'The backup was restored.Articles: 10,000 added, 0 merged, 0 unchanged' };

describe('the restore benchmark', () => {
  it('restores a backup Simlit reads, with the articles it was asked for, each once', () => {
    const backup = parseBackup(backupText(300));
    if (typeof backup === 'string') throw new Error(backup);
    expect(backup.articles).toHaveLength(300);
    expect(new Set(backup.articles.map((article) => article.titleKey)).size).toBe(300);
  });

  it('gives each browser and size its row', () => {
    const table = formatRestore([chromium, { ...chromium, browser: 'firefox', restoreMs: 7_390 }]);
    expect(table).toContain("| restore through the options page | articles | restore, s | a write's wait beside it, median / p95 / max ms | report |");
    expect(table).toContain('| chromium | 10000 | 8.1 | 40 / 300 / 300 | The backup was restored.Articles: 10,000 added, 0 merged, 0 unchanged |');
    expect(table).toContain('| firefox | 10000 | 7.4 |');
  });
});
