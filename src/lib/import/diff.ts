/**
 * What a conflicting import would change in the report shown, cell by cell, as the review lists
 * it: `政府网站主动公开信息：12 → 15`. Labels come from the catalogue, numbers are formatted as in
 * the dashboard's tables, and an empty value is 未报告.
 */
import { isValid, metricAt, type ReportColumns } from '../ingest/columns.ts';
import { METRICS } from '../model/catalogue.ts';
import { formatValue } from '../format.ts';
import type { IdentityConflict } from './compose-columns.ts';
import type { ReportSet } from '../ingest/columns.ts';

export interface Change {
  /** a metric id, or `layout` / `synthetic` */
  id: string;
  label: string;
  from: string;
  to: string;
}

export interface ConflictChanges {
  /** what the file states otherwise than shown: 更新已填写的单元格 and 整份替换 both change it */
  filled: Change[];
  /** what only 整份替换 changes: values shown where the file's cell is empty become 未报告, and so on */
  replaceOnly: Change[];
}

const layoutText = (l: string | null) => l ?? '未填写';
const flagText = (b: boolean) => (b ? '是' : '否');

/** The changes of one conflict: row `c.row` of `incoming` against the report shown (`c.at`). */
export function conflictChanges(c: IdentityConflict, incoming: ReportSet): ConflictChanges {
  return changesAt(c.at.set.columns, c.at.row, incoming.columns, c.row);
}

/** The changes row j of `incoming` makes to row i of `existing`. */
export function changesAt(existing: ReportColumns, i: number, incoming: ReportColumns, j: number): ConflictChanges {
  const filled: Change[] = [];
  const replaceOnly: Change[] = [];
  const oldLayout = existing.layout[i]!;
  const newLayout = incoming.layout[j]!;
  if (oldLayout !== newLayout) {
    (newLayout === null ? replaceOnly : filled).push({ id: 'layout', label: '表式', from: layoutText(oldLayout), to: layoutText(newLayout) });
  }
  const oldFlag = existing.synthetic[i] === 1;
  const newFlag = incoming.synthetic[j] === 1;
  // merged, a report stays 示例数据 when either is (compose.ts mergeReport)
  if (oldFlag !== newFlag) (newFlag ? filled : replaceOnly).push({ id: 'synthetic', label: '示例数据', from: flagText(oldFlag), to: flagText(newFlag) });
  for (let m = 0; m < METRICS.length; m++) {
    const from = metricAt(existing, m, i);
    const to = metricAt(incoming, m, j);
    if (from === to) continue;
    const change = { id: METRICS[m]!.id, label: METRICS[m]!.label, from: formatValue(from), to: formatValue(to) };
    if (isValid(incoming.metrics[m]!.valid, j)) filled.push(change);
    else replaceOnly.push(change);
  }
  return { filled, replaceOnly };
}

/** One change as the review shows it. */
export const describeChange = (c: Change): string => `${c.label}：${c.from} → ${c.to}`;
