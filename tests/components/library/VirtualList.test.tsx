// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { VirtualList, visibleRange } from '@/components/library/VirtualList';

afterEach(cleanup);

const ITEMS = Array.from({ length: 50_000 }, (_, i) => `item ${i}`);

function renderList() {
  return render(
    <VirtualList
      items={ITEMS}
      rowHeight={40}
      fallbackHeight={400}
      overscan={2}
      keyOf={(item) => item}
      label="Things"
      renderRow={(item) => (
        <button type="button" data-row-focus>
          {item}
        </button>
      )}
    />,
  );
}

describe('visibleRange', () => {
  it('covers the viewport plus the overscan, clamped to the list', () => {
    expect(visibleRange(0, 400, 40, 1000, 2)).toEqual([0, 12]);
    expect(visibleRange(4000, 400, 40, 1000, 2)).toEqual([98, 112]);
    expect(visibleRange(39_900, 400, 40, 1000, 2)).toEqual([995, 1000]);
    expect(visibleRange(0, 400, 40, 0, 2)).toEqual([0, 0]);
  });
});

describe('VirtualList', () => {
  it('renders only the rows in view out of 50,000, each placed at its offset', () => {
    const { container } = renderList();
    const rows = screen.getAllByRole('listitem');
    expect(rows).toHaveLength(12);
    expect(rows[0].getAttribute('aria-setsize')).toBe('50000');
    expect(rows[5].getAttribute('aria-posinset')).toBe('6');
    expect((rows[5] as HTMLElement).style.top).toBe('200px');
    expect((screen.getByRole('list', { name: 'Things' }) as HTMLElement).style.height).toBe(`${50_000 * 40}px`);
    expect(container.textContent).not.toContain('item 12');
  });

  it('renders the rows of a new scroll position', () => {
    const { container } = renderList();
    const viewport = container.querySelector('.virtual-viewport')!;
    fireEvent.scroll(viewport, { target: { scrollTop: 40 * 30_000 } });
    expect(screen.getByText('item 30000')).toBeTruthy();
    expect(screen.queryByText('item 0')).toBeNull();
    expect(screen.getAllByRole('listitem').length).toBeLessThanOrEqual(15);
  });

  it('moves focus with the arrow keys, rendering rows scrolled into view', () => {
    const { container } = renderList();
    const viewport = container.querySelector('.virtual-viewport') as HTMLElement;
    screen.getByText('item 9').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('item 10');
    // Row 10 ends at 440px, past the 400px viewport: the list scrolled to show it.
    expect(viewport.scrollTop).toBe(40);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('item 49999');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('item 49998');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement?.textContent).toBe('item 0');
  });
});
