/**
 * Reading a table by its row labels: walk the cells in order; a label that matches the next
 * expected row (or a later one, when rows are missing) starts a row, and the value cells after it
 * are its values, in column order. Header positions are never used, so merged headers
 * (rowspan/colspan), one-cell-per-line exports and one-line rows read the same.
 */
import type { Token } from './cells.ts';
import { isFilledValue, labelKey, printed, readValue } from './labels.ts';

export interface RowSpec {
  key: string;
  /** tested against the label's key (see labelKey) */
  match: RegExp;
  /** number of value columns */
  count: number;
  /** a label this short (其他, 总计) also appears in headers: only a row once another row was read */
  notFirst?: boolean;
}

export interface RowHit {
  key: string;
  /** the label as printed */
  label: string;
  /** index of the label token */
  at: number;
  /** values in column order (null: empty cell); `values.length` is how many cells were read */
  values: (number | null)[];
}

/** Read the value cells after a label: across a row break only when values continue after it. */
function collect(tokens: readonly Token[], start: number, count: number): { values: (number | null)[]; next: number } {
  const values: (number | null)[] = [];
  let j = start;
  while (j < tokens.length && values.length < count) {
    const t = tokens[j]!;
    if (t.kind === 'break') {
      const after = tokens[j + 1]; // breaks never repeat
      if (after?.kind === 'cell' && isFilledValue(after.text)) {
        j++;
        continue;
      }
      break;
    }
    const v = readValue(t.text);
    if (v === null) break;
    values.push(v.kind === 'number' ? v.value : null);
    j++;
  }
  return { values, next: j };
}

/** Walk the tokens of one table and read the rows of `specs` (in form order). */
export function readRows(tokens: readonly Token[], specs: readonly RowSpec[]): Map<string, RowHit> {
  const hits = new Map<string, RowHit>();
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const key = labelKey(t.text);
    if (key === '') continue;
    const k = specs.findIndex((s, idx) => idx >= cursor && s.match.test(key) && (!s.notFirst || hits.size > 0));
    if (k < 0) continue;
    const spec = specs[k]!;
    const { values, next } = collect(tokens, i + 1, spec.count);
    // A label followed by no values is a group heading; a blank row counts only where it is expected.
    if (values.length === 0) continue;
    if (values.every((v) => v === null) && k !== cursor) continue;
    hits.set(spec.key, { key: spec.key, label: printed(t.text), at: i, values });
    cursor = k + 1;
    i = next - 1;
  }
  return hits;
}

/** The nearest label before token `at` whose key matches `re`, as printed. */
export function labelBefore(tokens: readonly Token[], at: number, re: RegExp, stop = 120): string | null {
  for (let i = at - 1; i >= Math.max(0, at - stop); i--) {
    const t = tokens[i]!;
    if (t.kind === 'cell' && readValue(t.text) === null && re.test(labelKey(t.text))) return printed(t.text);
  }
  return null;
}
