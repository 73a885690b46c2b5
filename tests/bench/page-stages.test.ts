// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStagesReport, stagesScript } from './page-stages';

/** Runs the init script in this document and collects what it reports on the console. */
function runScript(script: string): Record<string, number>[] {
  const reports: Record<string, number>[] = [];
  vi.spyOn(console, 'debug').mockImplementation((text: unknown) => {
    const report = parseStagesReport(String(text));
    if (report) reports.push(report);
  });
  (0, eval)(script);
  return reports;
}

function add(html: string): void {
  document.body.insertAdjacentHTML('beforeend', html);
}

/** Until the reports hold one, by animation frames and tasks (the script reports after a frame). */
async function reported(reports: unknown[]): Promise<void> {
  await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
}

describe('stagesScript', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('reports each stage once drawn, when every awaited stage is, on the page clock', async () => {
    const started = performance.now();
    const reports = runScript(stagesScript([['header', '.header'], ['row', '.row'], ['never', '.never']], ['header', 'row']));
    add('<header class="header">Simlit</header>');
    // The header alone is not enough: the row is awaited too.
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20)));
    expect(reports).toEqual([]);
    add('<div class="row">row</div>');
    await reported(reports);
    const [report] = reports;
    expect(Object.keys(report).sort()).toEqual(['header', 'parsed', 'row']);
    expect(report.header).toBeGreaterThanOrEqual(Math.floor(started));
    expect(report.row).toBeGreaterThanOrEqual(report.header);
  });

  it('reports once, and only the stages whose selectors matched', async () => {
    const reports = runScript(stagesScript([['list', 'ol'], ['busy', 'ol[aria-busy="false"]']], ['list']));
    add('<ol aria-busy="true"><li>a</li></ol>');
    await reported(reports);
    document.querySelector('ol')!.setAttribute('aria-busy', 'false');
    add('<ol><li>b</li></ol>');
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 20)));
    expect(reports).toHaveLength(1);
    expect(reports[0]).not.toHaveProperty('busy');
  });

  it('reads a report back only from its own console text', () => {
    expect(parseStagesReport('simlit-stages {"row":12,"parsed":5}')).toEqual({ row: 12, parsed: 5 });
    expect(parseStagesReport('[vite] connected')).toBeUndefined();
  });
});
