/**
 * Each indexed article's identity keys (hashed DOI, hashed title key, abstract fingerprint) by
 * MiniSearch's short document id, kept beside the index: "more like this" compares them to leave
 * the query article's duplicates out.
 *
 * They were MiniSearch stored fields: an object, a Map entry and three strings per article (some
 * 9 MB at 50,000 articles), and most of a snapshot's JSON, parsed and turned back into a Map at
 * every load. A key is 16 hex digits (hashHex), kept here as two 32-bit halves: 24 bytes an
 * article in one Uint32Array, which a snapshot keeps as it is. An article with a key of another
 * form (a fingerprint stored by older code) keeps its keys as they are, in a Map.
 */
import { grown } from './typed-arrays';

export const IDENTITY_FIELDS = ['doi', 'titleKey', 'fingerprint'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type IdentityKeys = Partial<Record<IdentityField, string>>;

/** What a snapshot keeps of an IdentityStore. */
export interface SerializedIdentities {
  /** The short ids of the documents, in the order of the other arrays. */
  documents: Uint32Array;
  /** Per document, per field: the key's high and low 32 bits. */
  keys: Uint32Array;
  /** Per document: bit n set when it has the nth field's key in `keys`. */
  present: Uint8Array;
  /** The documents whose keys are not all hex: JSON of [short id, keys] pairs. */
  other: string;
}

const FIELDS = IDENTITY_FIELDS.length;
const HEX_KEY = /^[0-9a-f]{16}$/;

function hex(high: number, low: number): string {
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

export class IdentityStore {
  private keys: Uint32Array = new Uint32Array(1024 * FIELDS * 2);
  private present: Uint8Array = new Uint8Array(1024);
  private readonly other = new Map<number, IdentityKeys>();

  set(docId: number, identity: IdentityKeys): void {
    this.reserve(docId + 1);
    this.other.delete(docId);
    this.present[docId] = 0;
    const values = IDENTITY_FIELDS.map((field) => identity[field]);
    if (values.some((value) => value !== undefined && !HEX_KEY.test(value))) {
      this.other.set(docId, definedKeys(identity));
      return;
    }
    values.forEach((value, field) => {
      if (value === undefined) return;
      const at = (docId * FIELDS + field) * 2;
      this.keys[at] = parseInt(value.slice(0, 8), 16);
      this.keys[at + 1] = parseInt(value.slice(8), 16);
      this.present[docId] |= 1 << field;
    });
  }

  /** Whether the document has a key for the field. */
  has(docId: number, field: IdentityField): boolean {
    if (this.other.size > 0 && this.other.has(docId)) return this.other.get(docId)![field] !== undefined;
    return docId < this.present.length && (this.present[docId] & (1 << IDENTITY_FIELDS.indexOf(field))) !== 0;
  }

  /**
   * Whether the document's key for the field is `key`: compared as numbers, without making the
   * key a string (a "more like this" query asks it of every candidate it looks at).
   */
  keyIs(docId: number, field: IdentityField, key: string): boolean {
    if (this.other.size > 0 && this.other.has(docId)) return this.other.get(docId)![field] === key;
    const number = IDENTITY_FIELDS.indexOf(field);
    if (!(docId < this.present.length && this.present[docId] & (1 << number)) || !HEX_KEY.test(key)) return false;
    const at = (docId * FIELDS + number) * 2;
    return this.keys[at] === parseInt(key.slice(0, 8), 16) && this.keys[at + 1] === parseInt(key.slice(8), 16);
  }

  /** The document's keys (none for a document never set). */
  get(docId: number): IdentityKeys {
    const other = this.other.get(docId);
    if (other) return other;
    const identity: IdentityKeys = {};
    const bits = docId < this.present.length ? this.present[docId] : 0;
    for (let field = 0; field < FIELDS; field++) {
      if (!(bits & (1 << field))) continue;
      const at = (docId * FIELDS + field) * 2;
      identity[IDENTITY_FIELDS[field]] = hex(this.keys[at], this.keys[at + 1]);
    }
    return identity;
  }

  /** The keys of the documents named (the live ones), in that order. */
  serialize(docIds: Iterable<number>): SerializedIdentities {
    const documents = Uint32Array.from(docIds);
    const keys = new Uint32Array(documents.length * FIELDS * 2);
    const present = new Uint8Array(documents.length);
    const other: [number, IdentityKeys][] = [];
    documents.forEach((docId, i) => {
      if (this.other.has(docId)) other.push([docId, this.other.get(docId)!]);
      if (docId >= this.present.length) return;
      present[i] = this.present[docId];
      keys.set(this.keys.subarray(docId * FIELDS * 2, (docId + 1) * FIELDS * 2), i * FIELDS * 2);
    });
    return { documents, keys, present, other: JSON.stringify(other) };
  }

  /** From serialize()'s arrays; throws on arrays that do not fit together. */
  static deserialize(data: SerializedIdentities): IdentityStore {
    const { documents, keys, present, other } = data ?? {};
    if (
      !(documents instanceof Uint32Array) ||
      !(keys instanceof Uint32Array) ||
      !(present instanceof Uint8Array) ||
      typeof other !== 'string' ||
      keys.length !== documents.length * FIELDS * 2 ||
      present.length !== documents.length
    ) {
      throw new Error('not serialized identities');
    }
    const store = new IdentityStore();
    let size = 0;
    for (let i = 0; i < documents.length; i++) size = Math.max(size, documents[i] + 1);
    if (size === documents.length) {
      // Short ids 0 to n-1 in order (no discarded documents): the arrays are already by short id.
      for (let i = 0; i < documents.length; i++) if (documents[i] !== i) return store.spread(data, size);
      // Used as they are: documents set later get new short ids, past their end (reserve() copies them first).
      [store.keys, store.present] = [keys, present];
    } else store.spread(data, size);
    const pairs = JSON.parse(other) as unknown;
    if (!Array.isArray(pairs)) throw new Error('not serialized identities');
    for (const pair of pairs) {
      if (!Array.isArray(pair) || !Number.isInteger(pair[0]) || typeof pair[1] !== 'object' || !pair[1]) throw new Error('not serialized identities');
      store.other.set(pair[0] as number, pair[1] as IdentityKeys);
    }
    return store;
  }

  /** The serialized keys put at their short ids. */
  private spread({ documents, keys, present }: SerializedIdentities, size: number): IdentityStore {
    this.reserve(size);
    documents.forEach((docId, i) => {
      this.present[docId] = present[i];
      this.keys.set(keys.subarray(i * FIELDS * 2, (i + 1) * FIELDS * 2), docId * FIELDS * 2);
    });
    return this;
  }

  private reserve(size: number): void {
    if (this.present.length >= size) return;
    const capacity = Math.max(size, this.present.length * 2);
    this.keys = grown(this.keys, capacity * FIELDS * 2);
    this.present = grown(this.present, capacity);
  }
}

function definedKeys(identity: IdentityKeys): IdentityKeys {
  const defined: IdentityKeys = {};
  for (const field of IDENTITY_FIELDS) if (identity[field] !== undefined) defined[field] = identity[field];
  return defined;
}
