/** How long the object URL stays alive after the click: Firefox reads it after the click returns. */
export const REVOKE_DELAY_MS = 1000;

/** Saves text as a file through the browser's downloads (Blob, object URL, a clicked <a download>). */
export function downloadText(text: string, mimeType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}

