/**
 * Which reports of a set may have a finding from checkReport (R1–R5, R7, R8), found by column:
 * every rule's sums over typed arrays, without a Report object. Only the reports flagged here are
 * then checked one by one, which gives the same findings as checking every report — most reports
 * of a large file are consistent, and checking them all one by one took most of the reading time.
 * The flags are a superset: R3 is tested whatever the layout, R7 on every value.
 */
import { METRICS } from '../model/catalogue.ts';
import { RULE_SUMS } from '../model/rules.ts';
import { isValid, type ReportColumns } from './columns.ts';

const INDEX = new Map(METRICS.map((m, i) => [m.id, i]));

export function rowsToCheck(c: ReportColumns, start = 0, end = c.length): Uint8Array {
  const n = end - start;
  const flag = new Uint8Array(n);
  const stated = new Uint8Array(n);
  const left = new Float64Array(n);
  const right = new Float64Array(n);
  for (const eq of RULE_SUMS) {
    stated.fill(1);
    left.fill(0);
    right.fill(0);
    for (const [ids, acc] of [
      [eq.left, left],
      [eq.right, right],
    ] as const) {
      for (const id of ids) {
        const col = c.metrics[INDEX.get(id)!]!;
        for (let k = 0; k < n; k++) {
          const i = start + k;
          if (isValid(col.valid, i)) acc[k] = acc[k]! + col.values[i]!;
          else stated[k] = 0;
        }
      }
    }
    for (let k = 0; k < n; k++) if (stated[k] && Math.abs(left[k]! - right[k]!) >= 1e-9) flag[k] = 1;
  }
  // R7: a negative or fractional count, a fractional change, a negative amount, a 规章 count other than 0
  METRICS.forEach((m, j) => {
    const col = c.metrics[j]!;
    const rules = m.id.startsWith('t2_rules_');
    for (let k = 0; k < n; k++) {
      const i = start + k;
      if (!isValid(col.valid, i)) continue;
      const x = col.values[i]!;
      if (x < 0 || (m.kind !== 'amount' && !Number.isInteger(x)) || (rules && x !== 0)) flag[k] = 1;
    }
  });
  return flag;
}
