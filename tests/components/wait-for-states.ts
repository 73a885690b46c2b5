import { configure } from '@testing-library/preact';

/**
 * findBy* and waitFor wait for a state of the page, but by default give up after one second,
 * and that second includes the time their own queries take. A role query walks the whole page
 * and computes every element's role and accessible name: on the library page that takes 50-250
 * ms on an idle machine and 1.2 s (five polls) beside two CPU hogs, so the import panel test
 * reported "Unable to find role=list name Articles" while the list had long been shown.
 * Waits are bounded by the test's own timeout instead: they end when the state is reached.
 */
configure({ asyncUtilTimeout: 60_000 });
