/**
 * Which reports of a set may have a finding from checkReport (R1–R5, R7, R8), found by column:
 * every rule's sums over typed arrays, without a Report object. Only the reports flagged here are
 * then checked one by one, which gives the same findings as checking every report — most reports
 * of a large file are consistent, and checking them all one by one took most of the reading time.
 * The flags are a superset: R3 is tested whatever the layout.
 */
import { METRICS } from '../model/catalogue.ts';
import { RULE_SUMS } from '../model/rules.ts';
import { isValid, type ReportColumns } from './columns.ts';

const INDEX = new Map(METRICS.map((m, i) => [m.id, i]));

export function rowsToCheck(c: ReportColumns, start = 0, end = c.length): Uint8Array {
  const n = end - start;
  const flag = new Uint8Array(n);
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  // Parts starting on a whole byte of the validity bitmaps (as the import reads them) test validity
  // a byte at a time: a rule applies where all its terms are stated (the bitmaps ANDed), and its
  // sums are added without a test per value (a value is only read where it is stated). About 3×
  // faster than testing each bit; the same flags.
  const aligned = start % 8 === 0;
  const stated = new Uint8Array(aligned ? Math.ceil(n / 8) : n);
  for (const eq of RULE_SUMS) {
    stated.fill(aligned ? 0xff : 1);
    left.fill(0);
    right.fill(0);
    for (const [ids, acc] of [
      [eq.left, left],
      [eq.right, right],
    ] as const) {
      for (const id of ids) {
        const col = c.metrics[INDEX.get(id)!]!;
        if (aligned) addByBytes(acc, stated, col.values, col.valid, start, n);
        else addByBits(acc, stated, col.values, col.valid, start, n);
      }
    }
    if (aligned) {
      for (let k = 0; k < n; k++) if ((stated[k >> 3]! >> (k & 7)) & 1 && Math.abs(left[k]! - right[k]!) >= 1e-9) flag[k] = 1;
    } else for (let k = 0; k < n; k++) if (stated[k] && Math.abs(left[k]! - right[k]!) >= 1e-9) flag[k] = 1;
  }
  // R7: a negative or fractional count, a fractional change, a negative amount, a 规章 count other
  // than 0. Counts and changes are held as integers (Int32Array): only their sign and, for 规章,
  // their being 0 are tested, and a cell's validity only when its value would break the rule.
  METRICS.forEach((m, j) => {
    const { values, valid } = c.metrics[j]!;
    const rules = m.id.startsWith('t2_rules_');
    if (values instanceof Int32Array && m.kind !== 'amount') {
      if (m.kind === 'count') flagInts(flag, values, valid, start, n, rules ? 'nonzero' : 'negative');
      else if (rules) flagInts(flag, values, valid, start, n, 'nonzero');
      return;
    }
    // as r7 in model/rules.ts tests each kind
    const breaks = (x: number) =>
      (m.kind === 'count' ? x < 0 || !Number.isInteger(x) : m.kind === 'change' ? !Number.isInteger(x) : x < 0) || (rules && x !== 0);
    for (let k = 0; k < n; k++) {
      const i = start + k;
      if (isValid(valid, i) && breaks(values[i]!)) flag[k] = 1;
    }
  });
  return flag;
}

// One loop per array type: a loop that reads both Int32Array and Float64Array runs several times slower.
function addByBytes(acc: Float64Array, stated: Uint8Array, values: Int32Array | Float64Array, valid: Uint8Array, start: number, n: number): void {
  const first = start >> 3;
  for (let b = 0; b < stated.length; b++) stated[b]! &= valid[first + b] ?? 0;
  if (values instanceof Int32Array) addInts(acc, values, start, n);
  else addFloats(acc, values, start, n);
}
function addInts(acc: Float64Array, values: Int32Array, start: number, n: number): void {
  for (let k = 0; k < n; k++) acc[k]! += values[start + k]!;
}
function addFloats(acc: Float64Array, values: Float64Array, start: number, n: number): void {
  for (let k = 0; k < n; k++) acc[k]! += values[start + k]!;
}
function addByBits(acc: Float64Array, stated: Uint8Array, values: Int32Array | Float64Array, valid: Uint8Array, start: number, n: number): void {
  for (let k = 0; k < n; k++) {
    if (isValid(valid, start + k)) acc[k]! += values[start + k]!;
    else stated[k] = 0;
  }
}
function flagInts(flag: Uint8Array, values: Int32Array, valid: Uint8Array, start: number, n: number, test: 'negative' | 'nonzero'): void {
  for (let k = 0; k < n; k++) {
    const x = values[start + k]!;
    if ((test === 'negative' ? x < 0 : x !== 0) && isValid(valid, start + k)) flag[k] = 1;
  }
}
