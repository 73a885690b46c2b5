// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { deferredComponent } from '@/components/deferred-component';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function Greeting({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('deferredComponent', () => {
  it('draws nothing until its code is loaded, then the component with its props; loads once for every copy', async () => {
    let finish!: () => void;
    const load = vi.fn(() => new Promise<typeof Greeting>((resolve) => (finish = () => resolve(Greeting))));
    const Deferred = deferredComponent(load);
    const { container } = render(
      <div>
        <Deferred name="甲" />
        <Deferred name="乙" />
      </div>,
    );
    expect(container.textContent).toBe('');
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    finish();
    await screen.findByText('hello 甲');
    expect(screen.getByText('hello 乙')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    // Drawn at once by a page that mounts it later.
    cleanup();
    render(<Deferred name="丙" />);
    expect(screen.getByText('hello 丙')).toBeTruthy();
  });

  it('loads its code only once the page is idle', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const load = vi.fn(async () => Greeting);
    const Deferred = deferredComponent(load);
    render(<Deferred name="甲" />);
    expect(idle).toHaveLength(1);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    idle[0]!();
    await screen.findByText('hello 甲');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('draws nothing and says why when its code cannot be loaded', async () => {
    const logged = new Promise<unknown[]>((resolve) => vi.spyOn(console, 'error').mockImplementation((...args) => resolve(args)));
    const Deferred = deferredComponent<{ name: string }>(() => Promise.reject(new Error('chunk missing')));
    const { container } = render(<Deferred name="甲" />);
    const [message, error] = await logged;
    expect(message).toMatch(/could not be loaded/);
    expect((error as Error).message).toBe('chunk missing');
    expect(container.textContent).toBe('');
  });
});
