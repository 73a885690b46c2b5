/**
 * How long a captured, imported or restored field may be: caps against hostile or broken pages
 * and files. A module of its own because the library page and the merge need the numbers without
 * the text normalizing (normalize-item.ts) and its HTML tokenizer.
 */
export const LIMITS = {
  title: 1000,
  abstract: 20_000,
  shortField: 300,
  authors: 100,
  keywords: 40,
  url: 2048,
  sightings: 20,
} as const;
