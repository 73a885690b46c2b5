import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { openLibrary } from '@/lib/db/schema';
import '@/assets/ui.css';
import { resolveTargetTab } from './target-tab';

function requestCapture(tabId: number): Promise<{ ok: boolean; error?: string }> {
  return browser.runtime.sendMessage({ type: 'ui/capture-tab', tabId });
}

resolveTargetTab().then((tab) => {
  render(<PopupApp db={openLibrary()} tab={tab} requestCapture={requestCapture} />, document.getElementById('app')!);
});
