import { configure } from '@testing-library/preact';
import { vi } from 'vitest';

/**
 * Waits are for states, never for time; on a busy two-core machine a render's IndexedDB reads can
 * take seconds, so `findBy…` and `waitFor` wait that long for the state before giving up, and a
 * test may take as long as its waits.
 */
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 60_000 });
