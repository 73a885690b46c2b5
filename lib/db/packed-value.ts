/**
 * Large binary values for IndexedDB: a plain object whose typed arrays and long strings travel
 * in one Blob, the rest as it is.
 *
 * Chromium 156 reads a large structured-clone value at about 10 ms a megabyte (19 MB of bytes:
 * 185 ms in the extension's service worker, median of 7), while a Blob of the same bytes comes
 * back in 80 ms, get and arrayBuffer() together (docs/benchmark-log.md, 3 December).
 * Strings go as UTF-8; typed arrays come back as views over the one buffer read, each at an
 * offset aligned to 8 bytes.
 */

/** The typed arrays a packed value may hold, by the name kept in its layout. */
const ARRAY_TYPES = {
  Uint8Array,
  Uint32Array,
  Int32Array,
  Float64Array,
} as const;
type ArrayKind = keyof typeof ARRAY_TYPES;

/** Strings shorter than this stay in the structured clone: encoding them would cost more than it saves. */
export const PACKED_STRING_CHARS = 4096;

/** Where a packed field lives: its path in the object, how it is kept, and its bytes in the Blob. */
type Field = [path: string[], kind: ArrayKind | 'text', offset: number, byteLength: number];

export interface PackedValue {
  /** The object without its packed fields. */
  rest: Record<string, unknown>;
  fields: Field[];
  bytes: Blob;
}

export function isPackedValue(value: unknown): value is PackedValue {
  const candidate = value as Partial<PackedValue> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && candidate.bytes instanceof Blob && Array.isArray(candidate.fields) && typeof candidate.rest === 'object';
}

/** The object with its typed arrays and long strings, at any depth of plain objects, moved into one Blob. */
export function packValue(value: Record<string, unknown>): PackedValue {
  const fields: Field[] = [];
  const parts: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  const add = (path: string[], kind: Field[1], bytes: Uint8Array) => {
    const padding = (8 - (size % 8)) % 8;
    if (padding) parts.push(new Uint8Array(padding));
    size += padding;
    fields.push([path, kind, size, bytes.byteLength]);
    parts.push(bytes);
    size += bytes.byteLength;
  };
  const walk = (object: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const rest: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(object)) {
      const at = [...path, key];
      const kind = arrayKind(field);
      if (kind) add(at, kind, new Uint8Array((field as ArrayBufferView).buffer, (field as ArrayBufferView).byteOffset, (field as ArrayBufferView).byteLength));
      else if (typeof field === 'string' && field.length >= PACKED_STRING_CHARS) add(at, 'text', encoder.encode(field));
      else if (isPlainObject(field)) rest[key] = walk(field, at);
      else rest[key] = field;
    }
    return rest;
  };
  const rest = walk(value, []);
  return { rest, fields, bytes: new Blob(parts as BlobPart[]) };
}

/** The object packValue() was given; rejects when the Blob cannot be read or does not fit its layout. */
export async function unpackValue(packed: PackedValue): Promise<Record<string, unknown>> {
  const buffer = await packed.bytes.arrayBuffer();
  const value = structuredClone(packed.rest);
  const decoder = new TextDecoder();
  for (const [path, kind, offset, byteLength] of packed.fields) {
    if (!Number.isInteger(offset) || !Number.isInteger(byteLength) || offset < 0 || byteLength < 0 || offset + byteLength > buffer.byteLength || path.length === 0) {
      throw new Error('a packed value does not fit its bytes');
    }
    let field: unknown;
    if (kind === 'text') field = decoder.decode(new Uint8Array(buffer, offset, byteLength));
    else {
      const type = ARRAY_TYPES[kind];
      if (!type || offset % type.BYTES_PER_ELEMENT || byteLength % type.BYTES_PER_ELEMENT) throw new Error('a packed value does not fit its bytes');
      field = new type(buffer, offset, byteLength / type.BYTES_PER_ELEMENT);
    }
    setAt(value, path, field);
  }
  return value;
}

function arrayKind(value: unknown): ArrayKind | undefined {
  if (!ArrayBuffer.isView(value)) return undefined;
  return (Object.keys(ARRAY_TYPES) as ArrayKind[]).find((kind) => value.constructor === ARRAY_TYPES[kind]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function setAt(object: Record<string, unknown>, path: string[], field: unknown): void {
  if (path.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) throw new Error('a packed value does not fit its bytes');
  let at = object;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(at[key])) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = field;
}
