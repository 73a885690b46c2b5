import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countVarints, decodeVarints, decodeVarintsInto, VarintReader, VarintWriter } from '@/lib/ranking/varint';

describe('varints', () => {
  it('read back every number below 2^32 as written, one byte for numbers below 128', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 300 }), (values) => {
        const writer = new VarintWriter();
        for (const value of values) writer.write(value);
        const reader = new VarintReader(writer.finish());
        expect(values.map(() => reader.read())).toEqual(values);
        expect(reader.done).toBe(true);
      }),
    );
    const small = new VarintWriter();
    small.write(127);
    small.write(128);
    expect([...small.finish()]).toEqual([127, 0x80, 1]);
  });

  it('refuse to read past the end or a number longer than five bytes', () => {
    expect(() => new VarintReader(Uint8Array.from([0x80])).read()).toThrow();
    expect(() => new VarintReader(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).read()).toThrow();
  });
});

describe('decodeVarints', () => {
  it('reads as many numbers as the reader does, and refuses bytes that hold fewer or more', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 300 }), (values) => {
        const writer = new VarintWriter();
        for (const value of values) writer.write(value);
        const bytes = writer.finish();
        expect([...decodeVarints(bytes, values.length)]).toEqual(values);
        expect(() => decodeVarints(bytes, values.length + 1)).toThrow();
        if (values.length) expect(() => decodeVarints(bytes, values.length - 1)).toThrow();
      }),
    );
  });
});

describe('countVarints and decodeVarintsInto', () => {
  it('count and decode the numbers of a stretch of bytes, as written, and count -1 for a number cut off or too long', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 100 }), fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 100 }), (before, values) => {
        const writer = new VarintWriter();
        for (const value of before) writer.write(value);
        const start = writer.size;
        for (const value of values) writer.write(value);
        writer.writeBytes(Uint8Array.from([5]));
        const bytes = writer.finish();
        const end = bytes.length - 1;
        expect(countVarints(bytes, start, end)).toBe(values.length);
        const into = new Uint32Array(end - start);
        expect(decodeVarintsInto(bytes, start, end, into)).toBe(values.length);
        expect([...into.subarray(0, values.length)]).toEqual(values);
        if (values.length && values[values.length - 1] >= 0x80) expect(countVarints(bytes, start, end - 1)).toBe(-1);
      }),
    );
    expect(countVarints(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), 0, 6)).toBe(-1);
    expect(countVarints(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]), 0, 5)).toBe(1);
    expect(countVarints(Uint8Array.from([1, 2]), 0, 3)).toBe(-1);
  });
});
