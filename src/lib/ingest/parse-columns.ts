/**
 * A data file → report columns (columns.ts) plus every issue: the same outcome as parseReportFile,
 * without a Report object per row for wide CSV files (wide-fast.ts). Other formats, and wide files
 * the fast reader leaves to the general path, are read by parseReportFile and turned into columns.
 */
import { reportKey } from '../model/report.ts';
import { columnsFromReports, type ReportColumns } from './columns.ts';
import { binaryProblem, type Encoding } from './decode.ts';
import { parseReportFile, detectFormat, type ParsedFile, type ParseOptions } from './parse-file.ts';
import { parseWideFast } from './wide-fast.ts';

export interface ParsedColumns extends Omit<ParsedFile, 'reports' | 'rows'> {
  columns: ReportColumns;
  /** report key of each row */
  keys: string[];
  /** the file row each report was read from */
  rows: ArrayLike<number>;
  /** true when read by the fast wide-CSV reader */
  fast: boolean;
}

/** True when the bytes are valid UTF-8 (checked in slices, without one string for the whole file). */
function isUtf8(bytes: Uint8Array): boolean {
  const d = new TextDecoder('utf-8', { fatal: true });
  const STEP = 1 << 24;
  try {
    for (let at = 0; at < bytes.length; at += STEP) d.decode(bytes.subarray(at, Math.min(bytes.length, at + STEP)), { stream: at + STEP < bytes.length });
    return true;
  } catch {
    return false;
  }
}

export function fromParsedFile(p: ParsedFile): ParsedColumns {
  const { reports, rows, ...rest } = p;
  return { ...rest, columns: columnsFromReports(reports), keys: reports.map(reportKey), rows: rows ?? reports.map(() => 0), fast: false };
}

export function parseFileColumns(file: string, input: Uint8Array, opts: ParseOptions = {}): ParsedColumns {
  const maxYear = opts.maxYear ?? new Date().getFullYear() + 1;
  const general = () => fromParsedFile(parseReportFile(file, input, opts));
  if (binaryProblem(input)) return general();
  let bytes = input;
  let encoding: Encoding = 'UTF-8';
  if (!isUtf8(input)) {
    encoding = 'GB18030';
    bytes = new TextEncoder().encode(new TextDecoder('gb18030').decode(input));
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 16));
  if (head.replace(/^\ufeff/, '').trim() === '' || detectFormat(file, head) !== 'wide-csv') return general();
  const fast = parseWideFast(file, bytes, maxYear, opts.onProgress);
  if (!fast) return general();
  return { file, format: 'wide-csv', encoding, columns: fast.columns, keys: fast.keys, rows: fast.rows, issues: fast.issues, rejected: fast.rejected, fast: true };
}
