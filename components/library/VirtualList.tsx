import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** Every row has this height in pixels; it is what lets rows be placed without measuring. */
  rowHeight: number;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  label: string;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank rows. */
  overscan?: number;
  /** Viewport height used until the element is measured (and where layout is not computed). */
  fallbackHeight?: number;
  /** The selector, inside a row, of the element that arrow keys move focus between. */
  focusSelector?: string;
  /** True while the items are only the first of the list (the rest being read). */
  busy?: boolean;
}

/** The index range of rows that intersect the viewport, widened by the overscan. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/**
 * A scrolling list that renders only the rows in view, for lists of tens of thousands of rows.
 * Up and down arrow keys move focus between rows, scrolling rows that are not rendered yet
 * into view first.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  keyOf,
  renderRow,
  label,
  overscan = 8,
  fallbackHeight = 600,
  focusSelector = '[data-row-focus]',
  busy = false,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  const pendingFocus = useRef<number | undefined>(undefined);

  useEffect(() => {
    const element = viewport.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight > 0) setHeight(element.clientHeight);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A shorter list (new filter) can leave the scroll position past its end.
  useEffect(() => {
    const max = Math.max(0, items.length * rowHeight - height);
    if (scrollTop > max) {
      setScrollTop(max);
      if (viewport.current) viewport.current.scrollTop = max;
    }
  }, [items.length, rowHeight, height, scrollTop]);

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === undefined) return;
    const target = viewport.current?.querySelector<HTMLElement>(`[data-index="${index}"] ${focusSelector}`);
    if (target) {
      pendingFocus.current = undefined;
      target.focus();
    }
  });

  function moveFocus(index: number) {
    const element = viewport.current;
    if (!element || index < 0 || index >= items.length) return;
    const top = index * rowHeight;
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + rowHeight > scrollTop + height) next = top + rowHeight - height;
    pendingFocus.current = index;
    if (next !== scrollTop) {
      element.scrollTop = next;
      setScrollTop(next);
    } else {
      element.querySelector<HTMLElement>(`[data-index="${index}"] ${focusSelector}`)?.focus();
      pendingFocus.current = undefined;
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: Math.min(items.length - 1, index + page),
      PageUp: Math.max(0, index - page),
      Home: 0,
      End: items.length - 1,
    };
    if (!(event.key in moves) || (event.target as HTMLElement).matches('input[type="text"], textarea, select')) return;
    event.preventDefault();
    moveFocus(moves[event.key]);
  }

  const [first, last] = visibleRange(scrollTop, height, rowHeight, items.length, overscan);
  const rows = [];
  for (let index = first; index < last; index++) {
    const item = items[index];
    rows.push(
      <div
        key={keyOf(item)}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        data-index={index}
        class="virtual-row"
        style={{ position: 'absolute', top: `${index * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      class="virtual-viewport"
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div role="list" aria-label={label} aria-busy={busy ? 'true' : 'false'} style={{ position: 'relative', height: `${items.length * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
