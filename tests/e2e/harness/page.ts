import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * A page as the two-browser tests see it, and its locators. Queries (role, name, text, label)
 * run in the page through one engine (query-engine.js), so they mean the same in every browser;
 * only the low-level actions (load, click, type, pick, upload, screenshot, download) go through
 * each browser's driver. Names follow Playwright's, so a test reads like one.
 */

const ENGINE = readFileSync(resolve(import.meta.dirname, 'query-engine.js'), 'utf8');
const ACTION_TIMEOUT_MS = 30_000;
const POLL_MS = 50;

export type TextMatch = string | RegExp;
type Matcher = { text: string; exact?: boolean } | { regex: string; flags: string };
type Step =
  | { css: string }
  | { role: string; name?: Matcher }
  | { text: Matcher }
  | { label: Matcher }
  | { hasText: Matcher }
  | { and: Step[] }
  | { nth: number };

function matcher(value: TextMatch, exact = false): Matcher {
  return typeof value === 'string' ? { text: value, exact } : { regex: value.source, flags: value.flags.replace('g', '') };
}

/**
 * A file to upload: its bytes, or the path of a file on disk (Playwright takes a buffer of 50 MB
 * at most; a benchmark's 50k-article files are larger).
 */
export type UploadFile = { name: string; mimeType: string; buffer: Buffer } | string;

/** An element found in the page, with the browser driver's real input on it. */
export interface DriverElement {
  click(): Promise<void>;
  fill(text: string): Promise<void>;
  selectOption(value: string): Promise<void>;
  setInputFiles(file: UploadFile): Promise<void>;
  dispose(): Promise<void>;
}

/** What a browser driver provides for a page; everything else is shared. */
export abstract class TestPage {
  constructor(readonly artifacts: string) {}

  /** Loads a web page and waits for its load event. */
  abstract goto(url: string): Promise<void>;
  abstract reload(): Promise<void>;
  abstract close(): Promise<void>;
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  abstract setViewportSize(width: number, height: number): Promise<void>;
  /** Saves a screenshot as test-results/<browser>/<name>. */
  abstract screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Runs `trigger` and returns the file it made the browser download. */
  abstract download(trigger: () => Promise<void>): Promise<{ name: string; text: string }>;
  /** The scripts of the page's dedicated workers. */
  abstract workerUrls(): Promise<string[]>;
  /** Evaluates an expression (source text) in the page. */
  abstract evaluateExpression<R>(expression: string): Promise<R>;
  /** The element an expression evaluates to, or undefined for null. */
  abstract element(expression: string): Promise<DriverElement | undefined>;
  /** Runs `fn(arg)` in every document this tab loads from now on, before the document's own scripts. */
  abstract addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** The scripts of every dedicated worker the page started since the tab opened, ended ones too. */
  abstract workersSeen(): Promise<string[]>;
  /**
   * How many downloads began since the tab opened: in Chromium the tab's own, in Firefox the
   * files that appeared in the session's download folder meanwhile (from any tab).
   */
  abstract downloadsStarted(): Promise<number>;

  locator(css: string): Locator {
    return new Locator(this, [{ css }], `locator(${JSON.stringify(css)})`);
  }
  getByRole(role: string, options: { name?: TextMatch; exact?: boolean } = {}): Locator {
    return new Locator(this, [], '').getByRole(role, options);
  }
  getByText(text: TextMatch, options: { exact?: boolean } = {}): Locator {
    return new Locator(this, [], '').getByText(text, options);
  }
  getByLabel(text: TextMatch, options: { exact?: boolean } = {}): Locator {
    return new Locator(this, [], '').getByLabel(text, options);
  }
}

interface Found {
  count: number;
  visible: boolean;
  enabled: boolean;
}

/** A query that is resolved again at every use, so it follows what the page renders. */
export class Locator {
  constructor(
    private readonly page: TestPage,
    private readonly steps: Step[],
    private readonly description: string,
  ) {}

  private chain(step: Step, description: string): Locator {
    return new Locator(this.page, [...this.steps, step], this.description ? `${this.description}.${description}` : description);
  }

  locator(css: string): Locator {
    return this.chain({ css }, `locator(${JSON.stringify(css)})`);
  }
  getByRole(role: string, { name, exact }: { name?: TextMatch; exact?: boolean } = {}): Locator {
    return this.chain({ role, name: name === undefined ? undefined : matcher(name, exact) }, `getByRole(${role}${name === undefined ? '' : `, ${String(name)}`})`);
  }
  getByText(text: TextMatch, { exact }: { exact?: boolean } = {}): Locator {
    return this.chain({ text: matcher(text, exact) }, `getByText(${String(text)})`);
  }
  getByLabel(text: TextMatch, { exact }: { exact?: boolean } = {}): Locator {
    return this.chain({ label: matcher(text, exact) }, `getByLabel(${String(text)})`);
  }
  filter({ hasText }: { hasText: TextMatch }): Locator {
    return this.chain({ hasText: matcher(hasText) }, `filter(${String(hasText)})`);
  }
  /** Elements matched by both locators. */
  and(other: Locator): Locator {
    return this.chain({ and: other.steps }, `and(${other.description})`);
  }
  nth(index: number): Locator {
    return this.chain({ nth: index }, `nth(${index})`);
  }
  first(): Locator {
    return this.nth(0);
  }

  private query(then: string): string {
    return `((found) => ${then})((${ENGINE})(${JSON.stringify(this.steps)}))`;
  }

  async count(): Promise<number> {
    return this.page.evaluateExpression<number>(this.query('found.length'));
  }

  async allTextContents(): Promise<string[]> {
    return this.page.evaluateExpression<string[]>(this.query('found.map((element) => element.textContent ?? "")'));
  }

  /** Each matching element's value of an attribute (null where it has none). */
  async allAttributes(name: string): Promise<(string | null)[]> {
    return this.page.evaluateExpression<(string | null)[]>(this.query(`found.map((element) => element.getAttribute(${JSON.stringify(name)}))`));
  }

  /** The value of the one input, select or textarea. */
  async inputValue(): Promise<string> {
    await this.waitForOne(() => true, 'attached');
    return this.page.evaluateExpression<string>(this.query('found[0].value'));
  }

  /** Runs `fn(element, arg)` on the one element in the page; `fn` is sent as source text, so it may use only its arguments. */
  async evaluate<R, A = undefined>(fn: (element: HTMLElement, arg: A) => R, arg?: A): Promise<R> {
    await this.waitForOne(() => true, 'attached');
    return this.page.evaluateExpression<R>(this.query(`(${String(fn)})(found[0], ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`));
  }

  /** A locator for each element matched now, in document order (Playwright: all). */
  async all(): Promise<Locator[]> {
    return Array.from({ length: await this.count() }, (_, index) => this.nth(index));
  }

  /** Whether the locator names one visible element now; false when it names none. */
  async isVisible(): Promise<boolean> {
    const found = await this.found();
    if (found.count > 1) throw new Error(`${this.description} matches ${found.count} elements; it must name one.`);
    return found.visible;
  }

  /** The one element's box in CSS pixels, relative to the viewport. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    await this.waitForOne(() => true, 'attached');
    return this.page.evaluateExpression(this.query('(({ x, y, width, height }) => ({ x, y, width, height }))(found[0].getBoundingClientRect())'));
  }

  async getAttribute(name: string): Promise<string | null> {
    await this.waitForOne(() => true, 'attached');
    return (await this.allAttributes(name))[0];
  }

  private async found(): Promise<Found> {
    return this.page.evaluateExpression<Found>(
      this.query(`({
        count: found.length,
        visible: found.length === 1 && found[0].checkVisibility({ visibilityProperty: true }) && found[0].getBoundingClientRect().width > 0 && found[0].getBoundingClientRect().height > 0,
        enabled: found.length === 1 && !found[0].matches(':disabled') && found[0].getAttribute('aria-disabled') !== 'true',
      })`),
    );
  }

  /** Waits until the locator names exactly one element in the wanted state. */
  private async waitForOne(wanted: (found: Found) => boolean, state: string, timeoutMs = ACTION_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.found();
      if (found.count > 1) throw new Error(`${this.description} matches ${found.count} elements; it must name one.`);
      if (found.count === 1 && wanted(found)) return;
      if (Date.now() > deadline) throw new Error(`${this.description} was not ${state} within ${timeoutMs} ms (${found.count} matching).`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }

  /**
   * Waits until the locator names exactly one visible element (the default), one element
   * ('attached'), nothing visible ('hidden'), or nothing at all ('detached').
   */
  async waitFor({ state = 'visible', timeout = ACTION_TIMEOUT_MS }: { state?: 'visible' | 'attached' | 'hidden' | 'detached'; timeout?: number } = {}): Promise<void> {
    if (state === 'visible' || state === 'attached') {
      await this.waitForOne((found) => state === 'attached' || found.visible, state, timeout);
      return;
    }
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.found();
      if (found.count === 0 || (state === 'hidden' && found.count === 1 && !found.visible)) return;
      if (Date.now() > deadline) throw new Error(`${this.description} was not ${state} within ${timeout} ms (${found.count} matching).`);
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  }

  async textContent(): Promise<string> {
    await this.waitForOne(() => true, 'attached');
    return this.page.evaluateExpression<string>(this.query('found[0]?.textContent ?? ""'));
  }

  /** Runs an action on the one element, once it is in the wanted state; again if it was re-rendered meanwhile. */
  private async act(wanted: (found: Found) => boolean, state: string, action: (element: DriverElement) => Promise<void>): Promise<void> {
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    for (;;) {
      await this.waitForOne(wanted, state, Math.max(deadline - Date.now(), 0));
      const element = await this.page.element(this.query('found.length === 1 ? found[0] : null'));
      if (!element) continue;
      try {
        await action(element);
        return;
      } catch (error) {
        if (!/detached|not attached|stale|no such node|not connected/i.test(String(error)) || Date.now() > deadline) throw error;
      } finally {
        await element.dispose().catch(() => undefined);
      }
    }
  }

  private readonly ready = (found: Found) => found.visible && found.enabled;

  async click(): Promise<void> {
    await this.act(this.ready, 'visible and enabled', (element) => element.click());
  }
  async fill(text: string): Promise<void> {
    await this.act(this.ready, 'visible and enabled', (element) => element.fill(text));
  }
  /** Picks the option with this value. */
  async selectOption(value: string): Promise<void> {
    await this.act(this.ready, 'visible and enabled', (element) => element.selectOption(value));
  }
  /** Checks a checkbox or radio button (a click, when it is not checked yet). */
  async check(): Promise<void> {
    if (await this.page.evaluateExpression<boolean>(this.query('found.length === 1 && found[0].checked === true'))) return;
    await this.click();
  }
  /** Gives a file input this file; the input itself may be hidden behind a styled button. */
  async setInputFiles(file: UploadFile): Promise<void> {
    await this.act(() => true, 'attached', (element) => element.setInputFiles(file));
  }
}
