import { describe, expect, it } from 'vitest';
import { isPackedValue, PACKED_STRING_CHARS, packValue, unpackValue, type PackedValue } from '@/lib/db/packed-value';

const LONG_CJK = '补肾活血汤治疗老年高血压'.repeat(PACKED_STRING_CHARS);

function sample() {
  return {
    documents: LONG_CJK,
    shortIds: Uint32Array.from([1, 2, 3, 0xffffffff]),
    postings: Uint8Array.from([7]), // one byte: the next array must still start aligned
    version: 'idx9',
    count: 3,
    vectors: { terms: Uint8Array.from([1, 200, 3]), documents: Uint32Array.from([0, 3]), weights: Float64Array.from([0.5, -1e-300]) },
    empty: new Uint32Array(0),
    short: 'short text stays',
    nothing: null,
  };
}

describe('packValue / unpackValue', () => {
  it('gives back the same object: typed arrays of each kind, long strings (CJK included), nested objects and small fields', async () => {
    const value = sample();
    const back = await unpackValue(packValue(value));
    expect(back).toEqual(value);
    expect((back.vectors as { weights: unknown }).weights).toBeInstanceOf(Float64Array);
    expect(back.shortIds).toBeInstanceOf(Uint32Array);
  });

  it('moves every typed array and long string into the Blob, and leaves small fields in the clone', () => {
    const packed = packValue(sample());
    expect(packed.fields.map(([path, kind]) => `${path.join('.')}:${kind}`)).toEqual([
      'documents:text',
      'shortIds:Uint32Array',
      'postings:Uint8Array',
      'vectors.terms:Uint8Array',
      'vectors.documents:Uint32Array',
      'vectors.weights:Float64Array',
      'empty:Uint32Array',
    ]);
    expect(packed.rest).toEqual({ version: 'idx9', count: 3, vectors: {}, short: 'short text stays', nothing: null });
    for (const [, , offset] of packed.fields) expect(offset % 8).toBe(0);
    // The UTF-8 text, the arrays and their padding: nothing more.
    expect(packed.bytes.size).toBe(packed.fields.at(-1)![2] + packed.fields.at(-1)![3]);
    expect(isPackedValue(packed)).toBe(true);
    expect(isPackedValue(sample())).toBe(false);
    expect(isPackedValue(null)).toBe(false);
  });

  it('packs a view by its own bytes, not the whole buffer under it', async () => {
    const buffer = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    const back = await unpackValue(packValue({ view: buffer.subarray(2, 5) }));
    expect([...(back.view as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it('refuses a layout that does not fit its bytes, or would write outside the object', async () => {
    const packed = packValue(sample());
    const broken = (change: (fields: PackedValue['fields']) => void) => {
      const fields = structuredClone(packed.fields);
      change(fields);
      return unpackValue({ ...packed, fields });
    };
    await expect(broken((fields) => (fields[1][2] = packed.bytes.size))).rejects.toThrow('does not fit');
    await expect(broken((fields) => (fields[1][2] += 2))).rejects.toThrow('does not fit'); // a Uint32Array off its alignment
    await expect(broken((fields) => (fields[1][1] = 'BigInt64Array' as never))).rejects.toThrow('does not fit');
    await expect(broken((fields) => (fields[0][0] = ['__proto__', 'polluted']))).rejects.toThrow('does not fit');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
