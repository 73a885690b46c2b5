/**
 * Traditional to Simplified Chinese folding, character by character, so that an article in
 * Traditional characters (Taiwan and Hong Kong journals) shares terms with the same topic in
 * Simplified ones.
 *
 * The table is OpenCC's TSCharacters dictionary as opencc-js ships it (29 kB): one Traditional
 * character to one Simplified character. OpenCC's phrase-level converter gets a few ambiguous
 * characters right where this does not (乾隆 stays 乾隆 there, 干隆 here), but both sides of a
 * comparison fold alike, so a consistent wrong choice costs nothing in ranking: on dev-zh made
 * Traditional both rank the same (tests/bench/tokenizer-options.ts, `script` rows), and this one
 * takes about 1-2 µs per abstract against 6-10 µs and 29 kB of bundle against 40-107 kB.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

/** Below this code unit no character is in the table (its first entries are CJK Extension A). */
const FIRST_HAN = 0x3400;
/** In the BMP table: the character's Simplified form is outside the BMP, look it up in `others`. */
const ELSEWHERE = 0xffff;

interface FoldTable {
  /** Simplified code unit of each BMP character from FIRST_HAN on (0: unchanged). */
  bmp: Uint16Array;
  /** Characters outside the BMP, or folding to one outside it. */
  others: Map<number, string>;
}

let foldTable: FoldTable | undefined;

/** Built on first use: 3,500 entries, a few milliseconds (3-5 ms in the options bench), 100 kB. */
function table(): FoldTable {
  if (!foldTable) {
    const bmp = new Uint16Array(0x10000 - FIRST_HAN);
    const others = new Map<number, string>();
    for (const entry of TS_CHARACTERS.split('|')) {
      const [traditional, simplified] = entry.split(' ');
      if (!traditional || !simplified) continue;
      const code = traditional.codePointAt(0)!;
      if (code <= 0xffff && simplified.length === 1) bmp[code - FIRST_HAN] = simplified.charCodeAt(0);
      else {
        if (code <= 0xffff) bmp[code - FIRST_HAN] = ELSEWHERE;
        others.set(code, simplified);
      }
    }
    foldTable = { bmp, others };
  }
  return foldTable;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit < 0xdc00;

/** The text with each Traditional character replaced by its Simplified one; other text as it is. */
export function foldToSimplified(text: string): string {
  const { bmp, others } = table();
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < FIRST_HAN) continue;
    let simplified: string | undefined;
    let width = 1;
    if (isHighSurrogate(unit)) {
      width = 2;
      simplified = others.get(text.codePointAt(i)!);
    } else {
      const folded = bmp[unit - FIRST_HAN];
      if (folded === 0) continue;
      simplified = folded === ELSEWHERE ? others.get(unit) : String.fromCharCode(folded);
    }
    if (simplified !== undefined) {
      out += text.slice(copied, i) + simplified;
      copied = i + width;
    }
    i += width - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
