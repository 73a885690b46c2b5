import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Resolves when the page's main thread is next idle. A page still reading and drawing what it
 * opened for (the popup's first answer: IndexedDB's replies wait for the thread) finishes first.
 */
function whenIdle(): Promise<void> {
  return new Promise((idle) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => idle(), { timeout: 2000 }) : setTimeout(idle, 0)));
}

/**
 * A component whose code is loaded once the page is idle after drawing what it opened for: it
 * draws nothing until then. For parts that are seldom shown and heavy to load (the popup's proxy
 * offer brings AES for WebVPN addresses, whose tables are computed as the module loads: loaded as
 * soon as the capture was read, they held the popup's first answer back).
 */
export function deferredComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  return function Deferred(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let mounted = true;
      loading ??= whenIdle()
        .then(load)
        .then((component) => (loaded = component));
      loading.then(
        (component) => mounted && setComponent(() => component),
        (error: unknown) => console.error('Simlit: a part of the page could not be loaded', error),
      );
      return () => {
        mounted = false;
      };
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
