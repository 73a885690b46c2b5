/**
 * The library's full-text index: every searchable field of every article (title, authors,
 * keywords, tags, journal, DOI, note, abstract), for the search box of the library page.
 *
 * Chinese has no spaces between words, and a reader who types 问责 wants every article that
 * holds those two characters, not those a word segmenter happened to cut the same way: CJK text
 * is matched by exact substring over each article's folded text (a scan of a few tens of MB at
 * 50,000 articles, milliseconds). Latin words are looked up in a vocabulary (MiniSearch's
 * radix tree, `SearchableMap`) exactly, by prefix, by English stem and with typos, and each
 * word found leads to its postings: (article, field) pairs packed in one number each.
 *
 * It is a different index from the ranker's (lib/ranking): that one keeps, for "more like
 * this", each abstract's 40 most telling stemmed terms in the background's heap; this one lives
 * where the library page searches (a worker), is built on the first search, and reads all text.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { stemmer } from 'stemmer';
import { foldText, forEachWord } from './fold';
import { FIELD_WEIGHTS, SEARCH_FIELDS } from './search-document';
import type { QueryTerm } from './query';

/** One article found: its score (higher is better) and the folded words or text it matched, to mark. */
export interface SearchHit {
  id: string;
  score: number;
  terms: string[];
}

const FIELD_COUNT = SEARCH_FIELDS.length;
const FIELD_BITS = 3; // FIELD_COUNT <= 8
const FIELD_BREAK = '\u0001';

/** How well a library word matches a word typed: exactly, same English stem, as a prefix, with one or two typos. */
const QUALITY = { exact: 1, stem: 0.9, prefix: 0.8, typo: 0.6, twoTypos: 0.45 };
/** Typed words this long or longer also match with one typo; twice as long, with two. */
const TYPO_LENGTH = 4;

const DIGITS = /^\d+$/;
const ASCII_LETTERS = /^[a-z]+$/;

function stemOf(word: string): string | undefined {
  return word.length >= 3 && ASCII_LETTERS.test(word) ? stemmer(word) : undefined;
}

/** Per term, the best score of each article it matched and the words it matched there. */
type TermMatches = Map<number, { score: number; words: string[] }>;

export class FullTextIndex {
  /** By document number: the article id, its folded text (fields joined by FIELD_BREAK; '' once removed), its version. */
  private ids: string[] = [];
  private texts: string[] = [];
  private versions: number[] = [];
  /** Start of each field in the text, FIELD_COUNT entries per document. */
  private fieldStarts: number[] = [];
  private byId = new Map<string, number>();
  /** Latin word -> postings (document number << FIELD_BITS | field), ascending: a hash map for indexing. */
  private postings = new Map<string, number[]>();
  /** The same words in a radix tree, for prefix and typo lookups (each word enters it once). */
  private vocabulary = new SearchableMap<number[]>();
  /** English stem -> the words of the vocabulary that have it. */
  private stems = new Map<string, string[]>();
  private removed = 0;

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The version given with the indexed article (its updatedAt), to tell what changed since. */
  version(id: string): number | undefined {
    const doc = this.byId.get(id);
    return doc === undefined ? undefined : this.versions[doc];
  }

  /** Ids of the indexed articles. */
  allIds(): IterableIterator<string> {
    return this.byId.keys();
  }

  /** Adds an article, or replaces its indexed text; `fields` in the order of SEARCH_FIELDS. */
  add(id: string, fields: readonly string[], version = 0): void {
    this.remove(id);
    const doc = this.ids.length;
    const folded = fields.map((field) => foldText(field));
    let at = 0;
    for (const field of folded) {
      this.fieldStarts.push(at);
      at += field.length + 1;
    }
    this.ids.push(id);
    this.texts.push(folded.join(FIELD_BREAK));
    this.versions.push(version);
    this.byId.set(id, doc);
    this.indexWords(doc, folded);
  }

  remove(id: string): void {
    const doc = this.byId.get(id);
    if (doc === undefined) return;
    this.byId.delete(id);
    this.texts[doc] = '';
    this.removed++;
    // Postings of removed articles are skipped until there are enough of them to rebuild.
    if (this.removed > 1000 && this.removed > this.ids.length / 4) this.compact();
  }

  /**
   * Every article matching all terms, best first. Chinese and other exact terms are searched in
   * the articles the word terms left (or in all), so the cheaper terms narrow the scan.
   */
  search(terms: readonly QueryTerm[]): SearchHit[] {
    if (terms.length === 0 || this.size === 0) return [];
    let candidates: TermMatches | undefined;
    const matched: TermMatches[] = [];
    const ordered = [...terms].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'word' ? -1 : 1));
    for (const term of ordered) {
      const matches = term.kind === 'word' ? this.matchWord(term.text, candidates) : this.matchExact(term.text, candidates);
      if (matches.size === 0) return [];
      matched.push(matches);
      candidates = matches;
    }
    const weights = matched.map((matches) => Math.log(1 + this.size / matches.size));
    const hits: SearchHit[] = [];
    for (const doc of candidates!.keys()) {
      let score = 0;
      const words: string[] = [];
      matched.forEach((matches, i) => {
        const match = matches.get(doc)!;
        score += weights[i] * match.score;
        words.push(...match.words);
      });
      hits.push({ id: this.ids[doc], score, terms: [...new Set(words)] });
    }
    // Ties: the article added last first (the list's own order then decides among equals).
    return hits.sort((a, b) => b.score - a.score || this.byId.get(b.id)! - this.byId.get(a.id)!);
  }

  private indexWords(doc: number, fields: string[]): void {
    // Each distinct word of the article once, with the fields it occurs in as bits.
    const fieldsOf = new Map<string, number>();
    fields.forEach((text, field) => {
      const bit = 1 << field;
      forEachWord(text, (word) => fieldsOf.set(word, (fieldsOf.get(word) ?? 0) | bit));
    });
    for (const [word, bits] of fieldsOf) {
      const postings = this.postings.get(word) ?? this.newWord(word);
      for (let field = 0; field < FIELD_COUNT; field++) if (bits & (1 << field)) postings.push((doc << FIELD_BITS) | field);
    }
  }

  private newWord(word: string): number[] {
    const postings: number[] = [];
    this.postings.set(word, postings);
    this.vocabulary.set(word, postings);
    const stem = stemOf(word);
    if (stem) {
      const same = this.stems.get(stem);
      if (same) same.push(word);
      else this.stems.set(stem, [word]);
    }
    return postings;
  }

  /** The library words a typed word stands for, each with how well it matches. */
  private expand(word: string): Map<string, number> {
    const found = new Map<string, number>();
    const offer = (candidate: string, quality: number) => {
      if ((found.get(candidate) ?? 0) < quality) found.set(candidate, quality);
    };
    if (!DIGITS.test(word) && word.length >= TYPO_LENGTH) {
      const distance = word.length >= 2 * TYPO_LENGTH ? 2 : 1;
      for (const [candidate, [, typos]] of this.vocabulary.fuzzyGet(word, distance)) offer(candidate, typos === 0 ? QUALITY.exact : typos === 1 ? QUALITY.typo : QUALITY.twoTypos);
    }
    for (const candidate of this.vocabulary.atPrefix(word).keys()) offer(candidate, candidate === word ? QUALITY.exact : QUALITY.prefix);
    const stem = stemOf(word);
    for (const candidate of (stem && this.stems.get(stem)) || []) offer(candidate, candidate === word ? QUALITY.exact : QUALITY.stem);
    return found;
  }

  private matchWord(word: string, within: TermMatches | undefined): TermMatches {
    const matches: TermMatches = new Map();
    for (const [candidate, quality] of this.expand(word)) {
      for (const posting of this.postings.get(candidate)!) {
        const doc = posting >>> FIELD_BITS;
        if (this.texts[doc] === '' || (within && !within.has(doc))) continue;
        const score = FIELD_WEIGHTS[posting & ((1 << FIELD_BITS) - 1)] * quality;
        const match = matches.get(doc);
        if (!match) matches.set(doc, { score, words: [candidate] });
        else {
          if (score > match.score) match.score = score;
          if (!match.words.includes(candidate)) match.words.push(candidate);
        }
      }
    }
    return matches;
  }

  private matchExact(text: string, within: TermMatches | undefined): TermMatches {
    const matches: TermMatches = new Map();
    const check = (doc: number) => {
      const at = this.texts[doc].indexOf(text);
      // Fields are in falling order of weight: the first occurrence is in the best field.
      if (at >= 0) matches.set(doc, { score: FIELD_WEIGHTS[this.fieldAt(doc, at)] * QUALITY.exact, words: [text] });
    };
    if (within) for (const doc of within.keys()) check(doc);
    else for (const doc of this.byId.values()) check(doc);
    return matches;
  }

  private fieldAt(doc: number, offset: number): number {
    let field = 0;
    while (field + 1 < FIELD_COUNT && this.fieldStarts[doc * FIELD_COUNT + field + 1] <= offset) field++;
    return field;
  }

  /** Rebuilds the postings without removed articles (document numbers change; ids and order stay). */
  private compact(): void {
    const live = [...this.byId.entries()].sort((a, b) => a[1] - b[1]);
    const { texts, versions, fieldStarts } = this;
    this.ids = [];
    this.texts = [];
    this.versions = [];
    this.fieldStarts = [];
    this.byId = new Map();
    this.postings = new Map();
    this.vocabulary = new SearchableMap();
    this.stems = new Map();
    this.removed = 0;
    for (const [id, doc] of live) {
      const text = texts[doc];
      const starts = fieldStarts.slice(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT);
      const fields = starts.map((start, i) => text.slice(start, i + 1 < FIELD_COUNT ? starts[i + 1] - 1 : text.length));
      const next = this.ids.length;
      this.ids.push(id);
      this.texts.push(text);
      this.versions.push(versions[doc]);
      this.fieldStarts.push(...starts);
      this.byId.set(id, next);
      this.indexWords(next, fields);
    }
  }
}

