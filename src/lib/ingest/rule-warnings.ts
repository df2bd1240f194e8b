/**
 * Consistency findings (R1–R5, R7, R8: the rules checked within one report) as import warnings.
 * A broken rule never stops a report from loading: the numbers are what the town published.
 */
import type { Report } from '../model/report.ts';
import { checkReport } from '../model/rules.ts';
import { issue, type IngestIssue } from './issues.ts';

/**
 * One warning per finding, in report order. Reports carry no row number, so `row` is null; the
 * column is the first cell the finding involves, and the message starts with the town and year.
 */
export function ruleWarnings(reports: readonly Report[], file: string): IngestIssue[] {
  return reports.flatMap((r) =>
    checkReport(r).map((f) => issue('warning', file, `${r.town} ${r.year} 年：${f.message}`, { column: f.cells[0] ?? null })),
  );
}
