/**
 * Arrow vectors built directly from typed arrays and validity bitmaps. Arrow's own builders
 * compile a validity function with `new Function`, which the app's Content-Security-Policy
 * forbids (and which is slower for large columns).
 */
import { Bool, Dictionary, Float64, Int16, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

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

/** Bytes of a string in UTF-8 (a lone surrogate is written as U+FFFD, 3 bytes, as TextEncoder does). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Strings → an Arrow Utf8 vector: the offsets from each string's UTF-8 length, the bytes encoded
 * in one call over all of them. One encode per string took seconds for a country's 290,000
 * reports × 6 text columns. (Should joining change the bytes — a lone surrogate meeting its other
 * half — the strings are encoded one by one instead.)
 */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const valueOffsets = new Int32Array(n + 1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v) size += utf8Length(v);
    valueOffsets[i + 1] = size;
  }
  let data = encoder.encode(values.map((v) => v ?? '').join(''));
  if (data.length !== size) {
    data = new Uint8Array(size);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v) data.set(encoder.encode(v), valueOffsets[i]!);
    }
  }
  return makeVector(makeData({ type: new Utf8(), length: n, data, valueOffsets, ...validity(values) }));
}

/**
 * Strings with few distinct values (a county, a layout, a source) → a dictionary-encoded Arrow
 * vector: an index per row and each distinct string once, instead of every row's bytes.
 */
export function dictionaryVector(values: readonly (string | null)[]): Vector<Dictionary<Utf8, Int32>> {
  const n = values.length;
  const indices = new Int32Array(n);
  const at = new Map<string, number>();
  const distinct: string[] = [];
  let last: string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    // consecutive rows often repeat a value (a town's years): no lookup for those
    if (v === last) {
      indices[i] = lastIndex;
      continue;
    }
    let k = at.get(v);
    if (k === undefined) {
      k = distinct.length;
      distinct.push(v);
      at.set(v, k);
    }
    indices[i] = k;
    last = v;
    lastIndex = k;
  }
  const type = new Dictionary(new Utf8(), new Int32());
  return makeVector(makeData({ type, length: n, data: indices, dictionary: utf8Vector(distinct), ...validity(values) }));
}
