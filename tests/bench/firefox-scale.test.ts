import { describe, expect, it } from 'vitest';
import { formatFirefoxScale, type FirefoxScaleFigures } from './firefox-scale';

const tenThousand: FirefoxScaleFigures = {
  articles: 10000,
  importMs: 5_030,
  writeWaitsMs: [40, 120, 31, 35, 300],
  indexedMs: 1_600,
  reindexLateMs: [20, 34, 51, 226, 17],
  firstRowMs: [250, 280, 199],
  popupShellMs: [99, 106, 95],
  popupCurrentMs: [100, 140, 120],
  popupUnseenWriteMs: [271, 273, 297],
  exportMs: 17_260,
  exportWriteWaitsMs: [12, 240, 1_800, 30, 44],
  restarted: { firstRowMs: [512, 430, 467], popupFreshMs: [388, 402, 371], floorMs: [151, 122, 190] },
};
const fiftyThousand: FirefoxScaleFigures = { ...tenThousand, articles: 50000, importMs: 35_400, indexedMs: 33_400, reindexLateMs: [], popupUnseenWriteMs: [429, 367, 404], exportMs: 80_040 };

describe('the Firefox benchmark table', () => {
  it('gives each size its column, medians with their runs', () => {
    const table = formatFirefoxScale([tenThousand, fiftyThousand]);
    expect(table).toContain('| Firefox, imported through the library page, polled every 20 ms | 10000 | 50000 |');
    expect(table).toContain('| --- | --- | --- |');
    expect(formatFirefoxScale([{ ...tenThousand, importFormat: 'ris' }])).toContain('| Firefox, imported through the library page as RIS, polled every 20 ms | 10000 |');
    expect(table).toContain('| import, s | 5.0 | 35.4 |');
    expect(table).toContain("| a write's wait beside the import (a read-write transaction on the articles every 100 ms), median / p95 / max ms | 40 / 300 / 300 | 40 / 300 / 300 |");
    expect(table).toContain("| similarity index holds every article, s after the import's report | 1.6 | 33.4 |");
    expect(table).toContain("| meanwhile, a page's 20 ms timer late by over 50 ms, times (longest, ms) | 2 (226) | 0 (0) |");
    expect(table).toContain("| library page's first row right after the import, median ms (runs) | 250 (250, 280, 199) | 250 (250, 280, 199) |");
    expect(table).toContain("the background's answer, median ms (runs) | 273 (271, 273, 297) | 404 (429, 367, 404) |");
    expect(table).toContain('| whole library exported as BibTeX (citation keys pinned first), s | 17.3 | 80.0 |');
    expect(table).toContain("| a write's wait beside the export, median / p95 / max ms | 44 / 1800 / 1800 | 44 / 1800 / 1800 |");
    expect(table).toContain("| library page's first row, opened first thing in a browser started again on the library's profile, median ms (restarts) | 467 (512, 430, 467) |");
    expect(table).toContain(
      "| popup's current answer, an article page opened first thing in a browser started again and the popup once it has loaded, median ms (restarts) | 388 (388, 402, 371) |",
    );
    expect(table).toContain("| Firefox's floor for it: a static page of another add-on opened instead, median ms (restarts) | 151 (151, 122, 190) |");
  });
});
