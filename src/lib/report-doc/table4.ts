/**
 * Table 四 政府信息公开行政复议、行政诉讼情况: 15 numbers — 行政复议, then 行政诉讼 未经复议直接
 * 起诉 and 复议后起诉, each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计. The form prints them
 * as one row under a two-level header; some reports give each block its own labelled row.
 * A blank cell among numbers is read as 0 (the doubt recorded); digits run together (`00000`,
 * or run on to a label) are read one digit a cell.
 */
import { T4_BLOCKS, T4_COLUMNS, t4Id, type T4BlockId } from '../model/tables.ts';
import { rowsOf, type Token } from './cells.ts';
import { isBlank, isFilledValue, matchKey, readValue } from './labels.ts';
import { runOn } from './rows.ts';
import type { TableResult } from './table-result.ts';
import type { Provenance } from '../model/report-doc.ts';

const PER_BLOCK = T4_COLUMNS.length;
const EXPECTED = T4_BLOCKS.length * PER_BLOCK;

/** A block named by a row label; 行政诉讼 alone names no block. */
function blockOf(key: string): T4BlockId | null {
  if (/复议后起诉/.test(key)) return 'suit_after_review';
  if (/直接起诉|未经复议/.test(key)) return 'suit_direct';
  if (/^行政复议$/.test(key)) return 'review';
  return null;
}

interface Num {
  value: number | null;
  blank: boolean;
  /** one digit of digits run together */
  split?: boolean;
}

const digits = (d: string): Num[] => [...d].map((c) => ({ value: Number(c), blank: false, split: true }));

/** The numbers of a row's cells, in order; the labels' keys. */
function numbersOf(cells: readonly string[]): { nums: Num[]; labels: string[] } {
  const nums: Num[] = [];
  const labels: string[] = [];
  for (const c of cells) {
    const v = readValue(c);
    if (v === null) {
      const on = runOn(c);
      labels.push(matchKey(on ? on.label : c));
      if (on && !on.digits.includes('.')) for (const n of digits(on.digits)) nums.push(n);
      continue;
    }
    const t = c.trim();
    // `00000`, `110130110210012`: no count here has leading zeros or five digits; the cells ran together
    if (v.kind === 'number' && (/^0\d+$/.test(t) || /^\d{5,}$/.test(t))) for (const n of digits(t)) nums.push(n);
    else nums.push(v.kind === 'number' ? { value: v.value, blank: false } : { value: null, blank: isBlank(c) });
  }
  return { nums, labels };
}

const BLANK_DOUBT = '空白单元格，按 0 计';
const SPLIT_DOUBT = '数字连写，按每格一位数拆分';

export function readTable4(tokens: readonly Token[]): TableResult {
  const result: TableResult = { values: {}, provenance: {}, warnings: [], rowsRead: 0 };
  let sequence: Num[] = [];
  const labelled = new Map<T4BlockId, Num[]>();
  for (const row of rowsOf(tokens)) {
    const { nums, labels } = numbersOf(row.cells);
    if (!nums.some((n) => n.value !== null) && !row.cells.some(isFilledValue)) continue;
    const block = labels.length > 0 ? blockOf(labels[labels.length - 1]!) : null;
    if (block && nums.length <= PER_BLOCK && !labelled.has(block)) labelled.set(block, nums);
    else for (const n of nums) sequence.push(n);
  }
  // A one-row table with blank spacer cells around it: keep the 15 in the middle.
  let from = 0;
  let to = sequence.length;
  while (to - from > EXPECTED && sequence[from]!.value === null) from++;
  while (to - from > EXPECTED && sequence[to - 1]!.value === null) to--;
  sequence = sequence.slice(from, to);

  let blanks = 0;
  let split = false;
  /** blank cells among numbers are 0 */
  const filled = (values: Num[]): Num[] => {
    if (!values.some((n) => n.value !== null)) return values;
    return values.map((n) => {
      if (!n.blank) return n;
      blanks++;
      return { value: 0, blank: true };
    });
  };
  const put = (block: (typeof T4_BLOCKS)[number], values: readonly Num[]) => {
    T4_COLUMNS.forEach((c, i) => {
      const n = values[i];
      if (!n || n.value === null) return;
      const id = t4Id(block.id, c.id);
      result.values[id] = n.value;
      const p: Provenance = { kind: 'table', table: '四', row: block.label, column: c.label };
      if (n.blank) p.doubt = BLANK_DOUBT;
      else if (n.split) {
        p.doubt = SPLIT_DOUBT;
        split = true;
      }
      result.provenance[id] = p;
    });
  };
  const notes = () => {
    if (blanks > 0) result.warnings.push(`表四有 ${blanks} 个空白单元格，按 0 计`);
    if (split) result.warnings.push('表四的数字连在一起，按每格一位数读取');
  };
  if (labelled.size > 0) {
    for (const block of T4_BLOCKS) {
      const raw = labelled.get(block.id);
      if (!raw) {
        result.warnings.push(`表四缺少「${block.label}」行`);
        continue;
      }
      const values = filled(raw.slice(0, PER_BLOCK));
      if (values.length < PER_BLOCK) result.warnings.push(`表四「${block.label}」只读到 ${values.length} 个数，应有 ${PER_BLOCK} 个`);
      result.rowsRead += values.length;
      put(block, values);
    }
    if (sequence.length > 0) result.warnings.push(`表四另有 ${sequence.length} 个数不在「行政复议」「未经复议直接起诉」「复议后起诉」行中，未读取`);
    notes();
    return result;
  }
  result.rowsRead = Math.min(sequence.length, EXPECTED);
  if (sequence.length < EXPECTED && sequence.length > 0) result.warnings.push(`表四只读到 ${sequence.length} 个数，应有 ${EXPECTED} 个`);
  if (sequence.length > EXPECTED) result.warnings.push(`表四读到 ${sequence.length} 个数，多于 ${EXPECTED} 个，只取前 ${EXPECTED} 个`);
  sequence = filled(sequence.slice(0, EXPECTED));
  T4_BLOCKS.forEach((block, b) => put(block, sequence.slice(b * PER_BLOCK, (b + 1) * PER_BLOCK)));
  notes();
  return result;
}
