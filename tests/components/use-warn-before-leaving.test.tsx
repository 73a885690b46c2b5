// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { useWarnBeforeLeaving } from '@/components/use-warn-before-leaving';
import { leavingIsAsked } from './watch-page';

afterEach(cleanup);

function Task({ active }: { active: boolean }) {
  useWarnBeforeLeaving(active);
  return null;
}

describe('useWarnBeforeLeaving', () => {
  it('has the browser ask before leaving while a task runs, and not before or after', async () => {
    const { rerender, unmount } = render(<Task active={false} />);
    expect(leavingIsAsked()).toBe(false);
    rerender(<Task active />);
    await waitFor(() => expect(leavingIsAsked()).toBe(true));
    rerender(<Task active={false} />);
    await waitFor(() => expect(leavingIsAsked()).toBe(false));
    rerender(<Task active />);
    await waitFor(() => expect(leavingIsAsked()).toBe(true));
    unmount();
    expect(leavingIsAsked()).toBe(false);
  });
});
