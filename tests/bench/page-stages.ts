/**
 * When a page opened by a benchmark first draws each of its stages, by the page's own clock.
 *
 * The stages are reported on the console, not read with page.evaluate or waitForFunction: either
 * makes Playwright evaluate its injected script in the page (20–30 ms of a fresh renderer's main
 * thread, seen in a Chromium trace of the cold popup), and it did so while the page was still
 * drawing its first answer, which a reader's page never has to do.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** The console text that carries the stages. */
const REPORT_PREFIX = 'simlit-stages ';

/** A stage: its name and the selector that matches once it shows. */
export type StageSelectors = ReadonlyArray<readonly [name: string, selector: string]>;

/**
 * An init script noting, in milliseconds from navigation start, when each stage was first drawn:
 * the frame after its selector first matched has been rendered (laid out and painted), so that work
 * the page leaves to the browser's next frame counts as well as work it forces earlier. Once every
 * stage in `reportWhen` is drawn it reports them, with the document's DOMContentLoaded end as `parsed`.
 */
export function stagesScript(stages: StageSelectors, reportWhen: readonly string[]): string {
  return `(() => {
  const stages = ${JSON.stringify(stages)};
  const reportWhen = ${JSON.stringify(reportWhen)};
  const matched = new Set();
  const drawn = {};
  let reported = false;
  // A task queued from the frame's animation callbacks runs once that frame is rendered.
  const afterNextFrame = (done) => requestAnimationFrame(() => setTimeout(done, 0));
  const reportIfDrawn = () => {
    if (reported || !reportWhen.every((name) => name in drawn)) return;
    reported = true;
    observer.disconnect();
    const navigation = performance.getEntriesByType('navigation')[0];
    console.debug(${JSON.stringify(REPORT_PREFIX)} + JSON.stringify({ ...drawn, parsed: Math.round(navigation ? navigation.domContentLoadedEventEnd : -1) }));
  };
  const observer = new MutationObserver(() => {
    for (const [name, selector] of stages) {
      if (matched.has(name) || !document.querySelector(selector)) continue;
      matched.add(name);
      afterNextFrame(() => {
        drawn[name] = Math.round(performance.now());
        reportIfDrawn();
      });
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;
}

/** The stages' report in a console message's text, if it is one. */
export function parseStagesReport(text: string): Record<string, number> | undefined {
  return text.startsWith(REPORT_PREFIX) ? (JSON.parse(text.slice(REPORT_PREFIX.length)) as Record<string, number>) : undefined;
}

/**
 * Opens `url` in a new page with the stages' script and waits for their report. The page is left
 * open for the caller (to read more from it, then close it).
 */
export async function openTimed(
  context: BrowserContext,
  url: string,
  script: string,
  options: { timeoutMs?: number; prepare?: (page: Page) => Promise<void> } = {},
): Promise<{ page: Page; stages: Record<string, number> }> {
  const page = await context.newPage();
  await options.prepare?.(page);
  await page.addInitScript(script);
  const report = page.waitForEvent('console', { predicate: (message) => parseStagesReport(message.text()) !== undefined, timeout: options.timeoutMs ?? 120_000 });
  report.catch(() => undefined); // awaited below; a failed navigation is what is thrown
  await page.goto(url, { waitUntil: 'commit' });
  const stages = parseStagesReport((await report).text())!;
  return { page, stages };
}
