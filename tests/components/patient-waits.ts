import { configure } from '@testing-library/preact';

/**
 * Waits are for states, never for time; on a busy two-core machine a render's IndexedDB reads can
 * take seconds, so `findBy…` and `waitFor` wait that long for the state before giving up.
 */
configure({ asyncUtilTimeout: 15_000 });
