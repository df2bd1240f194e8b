/**
 * A row (or record) that names a town and a year but holds no value at all is not a report: the
 * downloaded template has one such row per town, and a clerk fills in only some of them. Every
 * reader leaves these rows out (they never count as reports, never conflict with loaded data) and
 * says so in one notice per file, listing the rows compactly.
 */
import { issue, type IngestIssue } from './issues.ts';

/** How a file's units are named in the notice: CSV rows, long-CSV reports (by their first row), JSON records. */
export type BlankUnit = 'row' | 'long' | 'record';

/** At most this many runs of rows are listed; the rest is 等. */
const RUNS_SHOWN = 10;

/**
 * Row numbers (ascending) as runs: [3,4,5,…,14,16] → `3–14、16`; beyond RUNS_SHOWN runs, the
 * first ones (`more`: some are left out).
 */
export function compactRows(rows: readonly number[]): { text: string; more: boolean } {
  const runs: string[] = [];
  let more = false;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    if (runs.length === RUNS_SHOWN) {
      more = true;
      break;
    }
    runs.push(j === i ? String(rows[i]) : j === i + 1 ? `${rows[i]}、${rows[j]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return { text: runs.join('、'), more };
}

/** The one notice for a file's rows (or records) without any value. */
export function blankNotice(file: string, unit: BlankUnit, rows: readonly number[]): IngestIssue {
  const n = rows.length;
  const { text, more } = compactRows(rows);
  const etc = more ? '等' : '';
  const message =
    unit === 'row'
      ? `${n} 行没有填写任何数值，未作为报告载入（第 ${text} 行${etc}）`
      : unit === 'long'
        ? `${n} 份报告（同一镇街同一年度的各行）没有填写任何数值，未作为报告载入（从第 ${text} 行起${etc}）`
        : `${n} 条记录没有填写任何数值，未作为报告载入（第 ${text} 条${etc}）`;
  return issue('info', file, message);
}

/** True when none of the values is a number (every one empty or 未报告). */
export function noValue(metrics: Readonly<Record<string, number | null | undefined>>): boolean {
  for (const k in metrics) if (metrics[k] !== null && metrics[k] !== undefined) return false;
  return true;
}
