import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup } from '@testing-library/preact';

export interface CapturedDownload {
  fileName: string;
  url: string;
  blob: Blob;
}

/**
 * Captures downloads made with an object URL and a clicked <a download> (jsdom has no
 * URL.createObjectURL and does not navigate): each click records the file name and the Blob.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: CapturedDownload[] = [];
  const revoked: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:simlit-test/${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (this.download && blob) downloads.push({ fileName: this.download, url: this.href, blob });
  });
  return {
    downloads,
    revoked,
    restore() {
      click.mockRestore();
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    },
  };
}

/**
 * For a test file: captures downloads in every test, on a fixed day (file names carry the date;
 * only Date is faked, timers and promises run as usual), and unmounts the UI after each test.
 */
export function downloadsOnDay(isoDate: string): { readonly current: ReturnType<typeof captureDownloads> } {
  const holder = {} as { current: ReturnType<typeof captureDownloads> };
  beforeEach(() => {
    holder.current = captureDownloads();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(isoDate));
  });
  afterEach(() => {
    cleanup();
    holder.current.restore();
    vi.useRealTimers();
  });
  return holder;
}
