/**
 * A data file's bytes or text → validated reports plus every issue found, naming file, row and column.
 */
import { reportKey, type Report } from '../model/report.ts';
import { csvHeader, csvRows, tooManyColumns, type CsvRows } from './csv-rows.ts';
import { headerRowIndex, titleNotice } from './sheet-shape.ts';
import { columnRole } from './record.ts';
import { binaryProblem, decodeBytes, type Encoding } from './decode.ts';
import { issue, type IngestIssue } from './issues.ts';
import { jsonRecords } from './json-records.ts';
import { isLongHeader, longRecords } from './long-csv.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';
import { buildReport, type RecordsRead } from './record.ts';
import { blankNotice, noValue, type BlankUnit } from './blank.ts';
import { wideRecords } from './wide-csv.ts';

/**
 * `document`: an annual report itself (text, HTML, .docx or PDF), read by src/lib/report-doc;
 * `xlsx`: an Excel workbook, its sheets read as CSV files (import/read-workbook.ts).
 */
export type FileFormat = 'wide-csv' | 'long-csv' | 'json' | 'document' | 'xlsx';

export interface ParsedFile {
  file: string;
  format: FileFormat | null;
  /** the encoding detected from the bytes; null when the file was given as text or could not be read */
  encoding: Encoding | null;
  reports: Report[];
  issues: IngestIssue[];
  /** rows that were read but not loaded because of an error (long CSV: every row of a rejected report) */
  rejected: number;
  /**
   * rows that name a town and year but hold no value at all, left out (blank.ts; long CSV: every
   * row of such a report; JSON: records)
   */
  blank: number;
  /** the (first) row each report was read from, parallel to `reports` */
  rows?: number[];
  /** for a report document: the parsed tables, where each value came from, and the text */
  document?: ParsedReportDoc;
}

export interface ParseOptions {
  /** latest statistical year accepted; defaults to next year */
  maxYear?: number;
  /** called with the share of the file done (0–1) as it is read, for a progress bar */
  onProgress?: (done: number) => void;
}

/** JSON by extension or content; otherwise CSV, long when its header has a metric and a value column. */
export function detectFormat(file: string, text: string): FileFormat | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (!/\.(csv|txt|tsv)$/.test(lower)) {
    if (head.startsWith('[') || head.startsWith('{')) return 'json';
    if (head.length === 0) return null;
  }
  return isLongHeader(csvHeader(text)) ? 'long-csv' : 'wide-csv';
}

/**
 * Whether a row can be a data file's header: a long header, or a town column beside at least
 * one other column this project knows (a title row such as 「××县2024年统计表」 is neither).
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  if (isLongHeader(cells)) return true;
  let town = false;
  let known = 0;
  for (const c of cells) {
    const role = columnRole(c.replace(/^\ufeff/, ''));
    if (!role) continue;
    known++;
    if (role.kind === 'identity' && role.field === 'town') town = true;
  }
  return town && known >= 2;
}

/** Parse one file given as bytes (decoded as UTF-8 or GB18030) or as text already decoded. */
export function parseReportFile(file: string, input: Uint8Array | string, opts: ParseOptions = {}): ParsedFile {
  const maxYear = opts.maxYear ?? new Date().getFullYear() + 1;
  let text: string;
  let encoding: Encoding | null = null;
  if (typeof input === 'string') text = input;
  else {
    const problem = binaryProblem(input, file);
    if (problem) return { file, format: null, encoding: null, reports: [], issues: [issue('error', file, problem)], rejected: 0, blank: 0 };
    ({ text, encoding } = decodeBytes(input));
  }
  const empty = text.replace(/^\ufeff/, '').trim() === '';
  let format = detectFormat(file, empty ? '' : text);
  if (empty || format === null) {
    return { file, format, encoding, reports: [], issues: [issue('error', file, '文件是空的')], rejected: 0, blank: 0 };
  }
  let read: RecordsRead;
  if (format === 'json') read = jsonRecords(text, file);
  else {
    const all = csvRows(text);
    // title rows above the header (a clerk's sheet): the header is found, the rows above named
    const h = headerRowIndex(all.rows, isHeaderRow);
    const csv: CsvRows =
      h === 0 ? all : { rows: all.rows.slice(h), unclosedQuoteRow: all.unclosedQuoteRow === null ? null : all.unclosedQuoteRow - h, headerRow: h + 1 };
    format = isLongHeader(csv.rows[0] ?? []) ? 'long-csv' : 'wide-csv';
    // a header wider than any report file (one long line, or not a table): one error, not one per column
    const tooWide = tooManyColumns(csv.rows[0] ?? [], file, csv.headerRow ?? 1);
    read = tooWide ? { records: [], issues: [tooWide], skipped: csv.rows.length - 1 } : format === 'long-csv' ? longRecords(csv, file) : wideRecords(csv, file);
    if (h > 0) read.issues.unshift(titleNotice(file, all.rows, h));
  }
  // Splitting the text takes about a fifth of the time; validating the records the rest.
  opts.onProgress?.(0.2);
  const unit: BlankUnit = format === 'json' ? 'record' : format === 'long-csv' ? 'long' : 'row';
  return { file, format, encoding, ...validateRecords(read, file, maxYear, unit, opts.onProgress) };
}

function validateRecords({ records, issues, skipped }: RecordsRead, file: string, maxYear: number, unit: BlankUnit, onProgress?: (done: number) => void) {
  const reports: Report[] = [];
  const rows: number[] = [];
  const firstRow = new Map<string, number>();
  let rejected = skipped;
  /** the (first) rows of the records without any value, and how many rows they span */
  const blankRows: number[] = [];
  let blank = 0;
  for (const [i, rec] of records.entries()) {
    if (onProgress && i % 2000 === 1999) onProgress(0.2 + (0.8 * i) / records.length);
    const res = buildReport(rec, { file, maxYear });
    issues.push(...res.issues);
    if (!res.report || rec.rejected) {
      rejected += rec.span ?? 1;
      continue;
    }
    // no value at all (the template's untouched rows): not a report, and not a duplicate either
    if (noValue(res.report.metrics)) {
      blankRows.push(rec.row);
      blank += rec.span ?? 1;
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
      rejected += rec.span ?? 1;
      continue;
    }
    firstRow.set(key, rec.row);
    reports.push(res.report);
    rows.push(rec.row);
  }
  if (blankRows.length > 0) issues.push(blankNotice(file, unit, blankRows.sort((a, b) => a - b)));
  // File-level issues first, then by row; within a row, in the order found (stable sort).
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { reports, issues, rejected, rows, blank };
}
