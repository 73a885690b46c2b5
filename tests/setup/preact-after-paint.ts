import { options } from 'preact';

// Preact runs effects after paint through requestAnimationFrame with a 35 ms timer beside it, and
// that timer calls cancelAnimationFrame. When a component test file ends while such a timer is
// pending, jsdom's teardown has already removed cancelAnimationFrame and the timer throws an
// uncaught ReferenceError that fails the whole run (it did on a busy CI machine). A plain timer
// needs nothing that teardown removes.
options.requestAnimationFrame = (callback) => {
  setTimeout(callback, 0);
};
