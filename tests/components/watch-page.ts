/** Records the element's text at each change of it (a progress line passing through its states); `stop` ends the recording. */
export function recordTexts(element: Element): { said: string[]; stop(): void } {
  const said: string[] = [];
  const watcher = new MutationObserver(() => said.push(element.textContent ?? ''));
  watcher.observe(element, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => watcher.disconnect() };
}

/** Whether the page, asked to close now, has the browser ask the reader first (components/use-warn-before-leaving.ts). */
export function leavingIsAsked(): boolean {
  const leaving = new Event('beforeunload', { cancelable: true });
  dispatchEvent(leaving);
  return leaving.defaultPrevented;
}
