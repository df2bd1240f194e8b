/**
 * Arrow vectors built directly from typed arrays and validity bitmaps. Arrow's own builders
 * compile a validity function with `new Function`, which the app's Content-Security-Policy
 * forbids (and which is slower for large columns).
 */
import { Bool, Float64, Int16, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

function validity(values: readonly unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

function numeric(values: readonly (number | null | undefined)[], data: Int16Array | Int32Array | Float64Array) {
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) data[i] = v;
  });
  return { length: values.length, data, ...validity(values) };
}

export const int16Vector = (values: readonly (number | null)[]): Vector<Int16> =>
  makeVector(makeData({ type: new Int16(), ...numeric(values, new Int16Array(values.length)) }));
export const int32Vector = (values: readonly (number | null)[]): Vector<Int32> =>
  makeVector(makeData({ type: new Int32(), ...numeric(values, new Int32Array(values.length)) }));
export const float64Vector = (values: readonly (number | null)[]): Vector<Float64> =>
  makeVector(makeData({ type: new Float64(), ...numeric(values, new Float64Array(values.length)) }));

export function boolVector(values: readonly (boolean | null)[]): Vector<Bool> {
  const data = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v) data[i >> 3]! |= 1 << (i & 7);
  });
  return makeVector(makeData({ type: new Bool(), length: values.length, data, ...validity(values) }));
}

const encoder = new TextEncoder();

export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  const valueOffsets = new Int32Array(values.length + 1);
  let size = 0;
  encoded.forEach((b, i) => {
    size += b?.length ?? 0;
    valueOffsets[i + 1] = size;
  });
  const data = new Uint8Array(size);
  encoded.forEach((b, i) => {
    if (b) data.set(b, valueOffsets[i]!);
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, data, valueOffsets, ...validity(values) }));
}
