import { handleMessage } from './messages';

export default defineBackground(() => {
  // Returning true keeps the channel open for the asynchronous reply.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleMessage(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
});
