/**
 * Writes lib/ranking/generic-terms.ts: the generic words (lib/ranking/generic-words.ts) as the
 * tokenizer spells them. Run after changing either: `npx tsx scripts/write-generic-terms.ts`
 * (tests/lib/ranking/generic-terms.test.ts fails until then).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GENERIC_WORDS, spelledAsTerms } from '../lib/ranking/generic-words';

/** The terms as an array literal, wrapped at about 100 characters. */
function literal(terms: string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const term of terms.map((term) => `'${term}',`)) {
    if (line && line.length + term.length + 1 > 96) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + term;
  }
  if (line) lines.push(line);
  return lines.map((text) => `  ${text}`).join('\n');
}

const file = resolve(import.meta.dirname, '../lib/ranking/generic-terms.ts');
writeFileSync(
  file,
  `/** Written by scripts/write-generic-terms.ts from generic-words.ts, as the tokenizer spells them: do not edit. */\n` +
    `export const GENERIC_TERMS: readonly string[] = [\n${literal(spelledAsTerms(GENERIC_WORDS))}\n];\n`,
);
console.log(`wrote ${file}`);
