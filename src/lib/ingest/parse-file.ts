/**
 * A data file's text → validated reports plus every issue found, naming file, row and column.
 */
import { reportKey, type Report } from '../model/report.ts';
import { issue, type IngestIssue } from './issues.ts';
import { jsonRecords } from './json-records.ts';
import { buildReport, type RecordsRead } from './record.ts';
import { csvRows, wideRecords } from './wide-csv.ts';

export type FileFormat = 'wide-csv' | 'json';

export interface ParsedFile {
  file: string;
  format: FileFormat | null;
  reports: Report[];
  issues: IngestIssue[];
  /** rows that were read but not loaded because of an error */
  rejected: number;
}

export interface ParseOptions {
  /** latest statistical year accepted; defaults to next year */
  maxYear?: number;
}

export function detectFormat(file: string, text: string): FileFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'wide-csv';
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'json';
  return head.length > 0 ? 'wide-csv' : null;
}

export function parseReportFile(file: string, text: string, opts: ParseOptions = {}): ParsedFile {
  const maxYear = opts.maxYear ?? new Date().getFullYear() + 1;
  const format = detectFormat(file, text);
  if (text.replace(/^\ufeff/, '').trim() === '' || format === null) {
    return { file, format, reports: [], issues: [issue('error', file, '文件是空的')], rejected: 0 };
  }
  const read = format === 'json' ? jsonRecords(text, file) : wideRecords(csvRows(text), file);
  return { file, format, ...validateRecords(read, file, maxYear) };
}

function validateRecords({ records, issues, skipped }: RecordsRead, file: string, maxYear: number) {
  const reports: Report[] = [];
  const firstRow = new Map<string, number>();
  let rejected = skipped;
  for (const rec of records) {
    const res = buildReport(rec, { file, maxYear });
    issues.push(...res.issues);
    if (!res.report) {
      rejected++;
      continue;
    }
    const key = reportKey(res.report);
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.push(
        issue('error', file, `与第 ${first} 行重复：同一镇街（${res.report.town}）同一年度（${res.report.year}）出现两次`, {
          row: rec.row,
        }),
      );
      rejected++;
      continue;
    }
    firstRow.set(key, rec.row);
    reports.push(res.report);
  }
  return { reports, issues, rejected };
}
