// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '@/lib/content-script/quiet-context';

describe('the content script context', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the page nothing when a content script starts: no message, no DOM event', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    const heard: Event[] = [];
    window.addEventListener('message', (event) => heard.push(event));
    new ContentScriptContext('content', { matches: ['*://*.cnki.net/*'] });
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
  });

  it('keeps WXT\'s API: invalidation aborts its signal, runs its callbacks and stops its timers and listeners', async () => {
    const context = new ContentScriptContext('content');
    const invalidated = vi.fn();
    context.onInvalidated(invalidated);
    const timer = vi.fn();
    context.setTimeout(timer, 0);
    const clicks = vi.fn();
    context.addEventListener(document, 'click', clicks);
    expect(context.isValid).toBe(true);
    context.notifyInvalidated();
    document.dispatchEvent(new Event('click'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(context.isInvalid).toBe(true);
    expect(invalidated).toHaveBeenCalledOnce();
    expect(timer).not.toHaveBeenCalled();
    expect(clicks).not.toHaveBeenCalled();
  });

  it('is invalid once its extension is gone', () => {
    const chrome = { runtime: { id: 'simlit' as string | undefined } };
    vi.stubGlobal('chrome', chrome);
    const context = new ContentScriptContext('content');
    expect(context.isValid).toBe(true);
    chrome.runtime.id = undefined;
    expect(context.isValid).toBe(false);
    vi.unstubAllGlobals();
  });
});
