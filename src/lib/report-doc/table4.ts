/**
 * Table 四 政府信息公开行政复议、行政诉讼情况: 15 numbers — 行政复议, then 行政诉讼 未经复议直接
 * 起诉 and 复议后起诉, each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计. The form prints them
 * as one row under a two-level header; some reports give each block its own labelled row.
 */
import { T4_BLOCKS, T4_COLUMNS, t4Id, type T4BlockId } from '../model/tables.ts';
import { rowsOf, type Token } from './cells.ts';
import { isFilledValue, labelKey, readValue } from './labels.ts';
import type { TableResult } from './table-result.ts';

const PER_BLOCK = T4_COLUMNS.length;
const EXPECTED = T4_BLOCKS.length * PER_BLOCK;

/** A block named by a row label; 行政诉讼 alone names no block. */
function blockOf(key: string): T4BlockId | null {
  if (/复议后起诉/.test(key)) return 'suit_after_review';
  if (/直接起诉|未经复议/.test(key)) return 'suit_direct';
  if (/^行政复议$/.test(key)) return 'review';
  return null;
}

export function readTable4(tokens: readonly Token[]): TableResult {
  const result: TableResult = { values: {}, provenance: {}, warnings: [], rowsRead: 0 };
  const sequence: (number | null)[] = [];
  const labelled = new Map<T4BlockId, (number | null)[]>();
  for (const row of rowsOf(tokens)) {
    const values = row.cells.filter((c) => readValue(c) !== null);
    if (!values.some(isFilledValue)) continue;
    const labels = row.cells.filter((c) => readValue(c) === null).map(labelKey);
    const block = labels.length > 0 ? blockOf(labels[labels.length - 1]!) : null;
    const nums = values.map((c) => {
      const v = readValue(c);
      return v?.kind === 'number' ? v.value : null;
    });
    if (block && nums.length <= PER_BLOCK && !labelled.has(block)) labelled.set(block, nums);
    else sequence.push(...nums);
  }
  // A one-row table with blank spacer cells around it: keep the 15 in the middle.
  while (sequence.length > EXPECTED && sequence[0] === null) sequence.shift();
  while (sequence.length > EXPECTED && sequence[sequence.length - 1] === null) sequence.pop();

  const put = (block: (typeof T4_BLOCKS)[number], values: readonly (number | null)[]) => {
    T4_COLUMNS.forEach((c, i) => {
      const v = values[i] ?? null;
      if (v === null) return;
      const id = t4Id(block.id, c.id);
      result.values[id] = v;
      result.provenance[id] = { kind: 'table', table: '四', row: block.label, column: c.label };
    });
  };
  if (labelled.size > 0) {
    for (const block of T4_BLOCKS) {
      const values = labelled.get(block.id);
      if (!values) {
        result.warnings.push(`表四缺少「${block.label}」行`);
        continue;
      }
      if (values.length < PER_BLOCK) result.warnings.push(`表四「${block.label}」只读到 ${values.length} 个数，应有 ${PER_BLOCK} 个`);
      result.rowsRead += values.length;
      put(block, values);
    }
    if (sequence.length > 0) result.warnings.push(`表四另有 ${sequence.length} 个数不在「行政复议」「未经复议直接起诉」「复议后起诉」行中，未读取`);
    return result;
  }
  result.rowsRead = Math.min(sequence.length, EXPECTED);
  if (sequence.length < EXPECTED && sequence.length > 0) result.warnings.push(`表四只读到 ${sequence.length} 个数，应有 ${EXPECTED} 个`);
  if (sequence.length > EXPECTED) result.warnings.push(`表四读到 ${sequence.length} 个数，多于 ${EXPECTED} 个，只取前 ${EXPECTED} 个`);
  T4_BLOCKS.forEach((block, b) => put(block, sequence.slice(b * PER_BLOCK, (b + 1) * PER_BLOCK)));
  return result;
}
