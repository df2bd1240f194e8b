/**
 * Consistency findings (R1–R5, R7, R8: the rules checked within one report) as import warnings.
 * A broken rule never stops a report from loading: the numbers are what the town published.
 */
import type { Report } from '../model/report.ts';
import { checkReport } from '../model/rules.ts';
import { issue, type IngestIssue } from './issues.ts';

/**
 * One warning per finding, in report order: the row the report was read from (when `rows` gives
 * it), the first cell the finding involves as the column, and the town and year in the message.
 */
export function ruleWarnings(reports: readonly Report[], file: string, rows?: readonly number[]): IngestIssue[] {
  return reports.flatMap((r, i) =>
    checkReport(r).map((f) => issue('warning', file, `${r.town} ${r.year} 年：${f.message}`, { row: rows?.[i] ?? null, column: f.cells[0] ?? null })),
  );
}
