/**
 * The terms of many articles into a new index at once: what SimilarityIndex.create() and
 * build() do per article, with each term looked up once per occurrence and everything else done
 * on numbers.
 *
 * Adding one article (SimilarityIndex.add) picks its indexed and re-ranking terms with the
 * string-keyed Maps of article-terms.ts (termCounts, indexedTerms, distinctiveTerms,
 * addWeightedCounts), then looks every picked term up again, for its index key, its posting
 * list and its re-ranking number: at 10,000 articles those lookups and Maps were two thirds of
 * building from stored terms. Here every term gets a number on first sight, and its counts, its
 * index key's number (BulkIndexWriter) and its re-ranking number (TermSpace) live in arrays by
 * that number. The picks follow the same rules, so the index equals the one add() builds from
 * the same articles in the same order, term numbers and posting order included
 * (tests/lib/ranking/bulk-build.test.ts).
 */
import { MAX_REPEATS, type ArticleTerms, type Field } from './article-terms';
import { BulkIndexWriter, type NumberedField } from './bulk-load';
import { indexKey } from './index-keys';
import { DocumentVectors, TermSpace } from './vectors';
import { grown } from './typed-arrays';

/** What decides an article's picked terms (RankerOptions' fields of the same names). */
export interface BulkBuildOptions {
  /** Distinct abstract terms indexed per article. */
  abstractTerms: number;
  /** Distinct abstract terms kept per article for its re-ranking vector. */
  vectorAbstractTerms: number;
  /** Weight of an occurrence in each field in the re-ranking vector, in the order the fields are counted. */
  vectorWeights: Record<Field, number>;
}

const NONE = -1;
/** Marks of an abstract term: indexed, and kept for the re-ranking vector. */
const INDEXED = 1;
const IN_VECTOR = 2;

/** A list of numbers that keeps its array between articles. */
class Numbers {
  items = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) this.items = grown(this.items, this.length * 2);
    this.items[this.length++] = value;
  }
}

/** A field for the writer, kept between articles. */
class FieldBuffer implements NumberedField {
  terms = new Int32Array(256);
  frequencies = new Uint32Array(256);
  length = 0;

  push(term: number, frequency: number): void {
    if (this.length === this.terms.length) {
      this.terms = grown(this.terms, this.length * 2);
      this.frequencies = grown(this.frequencies, this.length * 2);
    }
    this.terms[this.length] = term;
    this.frequencies[this.length++] = frequency;
  }
}

/**
 * Articles' terms into a BulkIndexWriter over two fields (title and keywords as one, then the
 * abstract), their re-ranking terms into DocumentVectors over a TermSpace: short ids are the
 * order of adding.
 */
export class BulkBuild {
  readonly space = new TermSpace();
  readonly vectors = new DocumentVectors();

  /** Every term met so far by its number here, in order of first sight. */
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  /** By term: its number in the writer (its index key's) and in the TermSpace, NONE until first needed. */
  private indexNumber = new Int32Array(1024).fill(NONE);
  private vectorNumber = new Int32Array(1024).fill(NONE);
  /** By term, zero between articles: occurrences in the abstract, in title and keywords as indexed, in the field being capped. */
  private abstractCount = new Uint32Array(1024);
  private headingCount = new Uint32Array(1024);
  private repeats = new Uint32Array(1024);
  /** By term, zero between articles: INDEXED / IN_VECTOR marks of abstract terms, re-ranking weight and whether it has one. */
  private marks = new Uint8Array(1024);
  private weights = new Float64Array(1024);
  private weighted = new Uint8Array(1024);

  /** The article's terms by number, field by field, and the distinct ones in order of first occurrence. */
  private readonly title = new Numbers();
  private readonly keywords = new Numbers();
  private readonly abstract = new Numbers();
  private readonly abstractDistinct = new Numbers();
  private readonly headingDistinct = new Numbers();
  private readonly vectorDistinct = new Numbers();
  private readonly heading = new FieldBuffer();
  private readonly indexedAbstract = new FieldBuffer();
  private vectorNumbers = new Uint32Array(256);
  private vectorCounts = new Float64Array(256);
  /** By occurrence count: how many distinct abstract terms have it, and how many of those are passed (the ranking of the picks). */
  private histogram = new Uint32Array(64);
  private passed = new Uint32Array(64);

  constructor(
    readonly writer: BulkIndexWriter,
    private readonly options: BulkBuildOptions,
  ) {}

  /** Adds an article's terms; returns its short id. */
  add(id: string, terms: ArticleTerms): number {
    const docId = this.writer.size;
    this.numbered(terms.title, this.title);
    this.numbered(terms.keywords, this.keywords);
    this.numbered(terms.abstract, this.abstract);
    this.countAbstract();
    this.markPicks(this.options.abstractTerms, INDEXED);
    this.markPicks(this.options.vectorAbstractTerms, IN_VECTOR);
    this.countCapped(this.title);
    this.countCapped(this.keywords);
    this.writer.addNumbered(id, this.indexedFields());
    this.addVector(docId);
    this.reset();
    return docId;
  }

  /** The terms' numbers into `into`; terms never seen get the next ones. */
  private numbered(terms: readonly string[], into: Numbers): void {
    into.length = 0;
    for (const term of terms) {
      let number = this.numbers.get(term);
      if (number === undefined) {
        number = this.terms.length;
        this.numbers.set(term, number);
        this.terms.push(term);
        if (number === this.indexNumber.length) this.reserve(number + 1);
      }
      into.push(number);
    }
  }

  private countAbstract(): void {
    const { abstract, abstractCount, abstractDistinct } = this;
    for (let i = 0; i < abstract.length; i++) {
      const term = abstract.items[i];
      if (abstractCount[term]++ === 0) abstractDistinct.push(term);
    }
  }

  /**
   * Marks the abstract's `limit` most frequent distinct terms, earlier first among equals, as
   * distinctiveTerms() picks them (a stable sort by count, sliced): a term's place in that order
   * is the number of terms more frequent plus the number as frequent before it.
   */
  private markPicks(limit: number, mark: number): void {
    const { abstractDistinct: distinct, abstractCount: count, marks } = this;
    const picks = pickCount(distinct.length, limit);
    if (picks >= distinct.length) {
      for (let i = 0; i < distinct.length; i++) marks[distinct.items[i]] |= mark;
      return;
    }
    if (picks === 0) return;
    let most = 0;
    for (let i = 0; i < distinct.length; i++) most = Math.max(most, count[distinct.items[i]]);
    if (most + 2 > this.histogram.length) [this.histogram, this.passed] = [new Uint32Array(most + 2), new Uint32Array(most + 2)];
    const { histogram, passed } = this;
    for (let i = 0; i < distinct.length; i++) histogram[count[distinct.items[i]]]++;
    // histogram[c] becomes the number of terms more frequent than c.
    let above = 0;
    for (let c = most; c >= 0; c--) {
      const terms = histogram[c];
      histogram[c] = above;
      above += terms;
    }
    for (let i = 0; i < distinct.length; i++) {
      const term = distinct.items[i];
      const c = count[term];
      if (histogram[c] + passed[c]++ < picks) marks[term] |= mark;
    }
    histogram.fill(0, 0, most + 1);
    passed.fill(0, 0, most + 1);
  }

  /** A title's or the keywords' terms as indexed: each up to MAX_REPEATS times in the field (indexedTerms()). */
  private countCapped(field: Numbers): void {
    const { repeats, headingCount, headingDistinct } = this;
    for (let i = 0; i < field.length; i++) {
      const term = field.items[i];
      if (++repeats[term] > MAX_REPEATS) continue;
      if (headingCount[term]++ === 0) headingDistinct.push(term);
    }
    for (let i = 0; i < field.length; i++) repeats[field.items[i]] = 0;
  }

  /** The indexed fields by index key number, numbered in order of occurrence as add() numbers them. */
  private indexedFields(): NumberedField[] {
    const { heading, indexedAbstract, headingDistinct, abstractDistinct, headingCount, abstractCount, marks } = this;
    heading.length = 0;
    indexedAbstract.length = 0;
    for (let i = 0; i < headingDistinct.length; i++) {
      const term = headingDistinct.items[i];
      heading.push(this.indexNumberOf(term), headingCount[term]);
    }
    for (let i = 0; i < abstractDistinct.length; i++) {
      const term = abstractDistinct.items[i];
      if (marks[term] & INDEXED) indexedAbstract.push(this.indexNumberOf(term), Math.min(abstractCount[term], MAX_REPEATS));
    }
    return [heading, indexedAbstract];
  }

  /** The re-ranking terms weighted by field, in the order addWeightedCounts() counts them. */
  private addVector(docId: number): void {
    const weights = this.options.vectorWeights;
    for (const field of Object.keys(weights) as Field[]) {
      const weight = weights[field];
      if (field === 'title') this.weigh(this.title, weight);
      else if (field === 'keywords') this.weigh(this.keywords, weight);
      else if (field === 'abstract') {
        const { abstractDistinct, abstractCount, marks } = this;
        for (let i = 0; i < abstractDistinct.length; i++) {
          const term = abstractDistinct.items[i];
          if (!(marks[term] & IN_VECTOR)) continue;
          for (let n = Math.min(abstractCount[term], MAX_REPEATS); n > 0; n--) this.weighOne(term, weight);
        }
      } else throw new Error(`no field ${field}`);
    }
    const { vectorDistinct, weights: counts } = this;
    if (this.vectorNumbers.length < vectorDistinct.length) [this.vectorNumbers, this.vectorCounts] = [new Uint32Array(vectorDistinct.items.length), new Float64Array(vectorDistinct.items.length)];
    for (let i = 0; i < vectorDistinct.length; i++) {
      const term = vectorDistinct.items[i];
      this.vectorNumbers[i] = this.vectorNumberOf(term);
      this.vectorCounts[i] = counts[term];
    }
    this.vectors.setNumbered(docId, this.vectorNumbers, this.vectorCounts, vectorDistinct.length);
  }

  private weigh(field: Numbers, weight: number): void {
    for (let i = 0; i < field.length; i++) this.weighOne(field.items[i], weight);
  }

  private weighOne(term: number, weight: number): void {
    if (!this.weighted[term]) {
      this.weighted[term] = 1;
      this.weights[term] = 0;
      this.vectorDistinct.push(term);
    }
    this.weights[term] += weight;
  }

  /**
   * By re-ranking term number, the number of its key in the writer (and so in the term index it
   * loads), where the build needed it; `unknown` for the others (a key folded from another term's
   * spelling may still be there: looked up on first use).
   */
  keyNumbersByVectorTerm(unknown: number): Int32Array {
    const numbers = new Int32Array(this.space.size).fill(unknown);
    for (let term = 0; term < this.terms.length; term++) {
      const vector = this.vectorNumber[term];
      const key = this.indexNumber[term];
      if (vector !== NONE && key !== NONE) numbers[vector] = key;
    }
    return numbers;
  }

  private indexNumberOf(term: number): number {
    let number = this.indexNumber[term];
    if (number === NONE) this.indexNumber[term] = number = this.writer.termNumber(indexKey(this.terms[term]));
    return number;
  }

  private vectorNumberOf(term: number): number {
    let number = this.vectorNumber[term];
    if (number === NONE) this.vectorNumber[term] = number = this.space.number(this.terms[term]);
    return number;
  }

  /** Back to zero everything an article set. */
  private reset(): void {
    const { abstractDistinct, headingDistinct, vectorDistinct } = this;
    for (let i = 0; i < abstractDistinct.length; i++) {
      const term = abstractDistinct.items[i];
      this.abstractCount[term] = 0;
      this.marks[term] = 0;
    }
    for (let i = 0; i < headingDistinct.length; i++) this.headingCount[headingDistinct.items[i]] = 0;
    for (let i = 0; i < vectorDistinct.length; i++) this.weighted[vectorDistinct.items[i]] = 0;
    abstractDistinct.length = 0;
    headingDistinct.length = 0;
    vectorDistinct.length = 0;
  }

  private reserve(size: number): void {
    const capacity = Math.max(size, this.indexNumber.length * 2);
    this.indexNumber = grown(this.indexNumber, capacity, NONE);
    this.vectorNumber = grown(this.vectorNumber, capacity, NONE);
    this.abstractCount = grown(this.abstractCount, capacity);
    this.headingCount = grown(this.headingCount, capacity);
    this.repeats = grown(this.repeats, capacity);
    this.marks = grown(this.marks, capacity);
    this.weights = grown(this.weights, capacity);
    this.weighted = grown(this.weighted, capacity);
  }
}

/**
 * How many of `size` distinct terms distinctiveTerms() keeps for a limit: all when they are no
 * more than the limit, else as many as `.slice(0, limit)` leaves.
 */
function pickCount(size: number, limit: number): number {
  if (size <= limit) return size;
  const end = Number.isNaN(limit) ? 0 : Math.trunc(limit);
  return end < 0 ? Math.max(size + end, 0) : Math.min(end, size);
}
