/**
 * A data file → report columns (columns.ts) plus every issue: the same outcome as parseReportFile,
 * without a Report object per row for wide CSV files (wide-fast.ts). Other formats, and wide files
 * the fast reader leaves to the general path, are read by parseReportFile and turned into columns.
 */
import { reportKey } from '../model/report.ts';
import { columnsFromReports, type ReportColumns } from './columns.ts';
import { binaryProblem, utf16Of, type Encoding } from './decode.ts';
import { parseReportFile, detectFormat, type ParsedFile, type ParseOptions } from './parse-file.ts';
import { parseWideFast } from './wide-fast.ts';
import { isTotalsName } from './sheet-shape.ts';

export interface ParsedColumns extends Omit<ParsedFile, 'reports' | 'rows'> {
  columns: ReportColumns;
  /** report key of each row */
  keys: string[];
  /** the file row each report was read from */
  rows: ArrayLike<number>;
  /** true when read by the fast wide-CSV reader */
  fast: boolean;
  /** from the fast reader: 1 for each report whose identity DuckDB reads as it is (db/csv-stage.ts readAsStaged) */
  asRead?: Uint8Array;
}

/**
 * True when the bytes are valid UTF-8 as TextDecoder's fatal mode has it (no overlong forms, no
 * surrogates, nothing above U+10FFFF), checked byte by byte without making any string: decoding a
 * country's 159 MB in slices to find out made 318 MB of strings and took ~0.4 s.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  // ASCII four bytes at a time where the bytes lie on a 4-byte boundary of their buffer
  const skew = (4 - (bytes.byteOffset & 3)) & 3;
  const words = n > skew ? new Uint32Array(bytes.buffer, bytes.byteOffset + skew, (n - skew) >> 2) : new Uint32Array(0);
  const wordsEnd = skew + words.length * 4;
  let i = 0;
  while (i < n) {
    if (i >= skew && i < wordsEnd && ((i - skew) & 3) === 0) {
      let w = (i - skew) >> 2;
      while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
      const next = skew + w * 4;
      if (next > i) {
        i = next;
        continue;
      }
    }
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // a lead byte: the sequence's length, and the range its second byte must lie in
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      // E0: no overlong (A0–BF); ED: no surrogates (80–9F)
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      // F0: no overlong (90–BF); F4: nothing above U+10FFFF (80–8F)
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + len > n) return false;
    const c1 = bytes[i + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

export function fromParsedFile(p: ParsedFile): ParsedColumns {
  const { reports, rows, ...rest } = p;
  return { ...rest, columns: columnsFromReports(reports), keys: reports.map(reportKey), rows: rows ?? reports.map(() => 0), fast: false };
}

export function parseFileColumns(file: string, input: Uint8Array, opts: ParseOptions = {}): ParsedColumns {
  const maxYear = opts.maxYear ?? new Date().getFullYear() + 1;
  const general = () => fromParsedFile(parseReportFile(file, input, opts));
  if (binaryProblem(input, file) || utf16Of(input)) return general();
  let bytes = input;
  let encoding: Encoding = 'UTF-8';
  if (!isUtf8(input)) {
    encoding = 'GB18030';
    bytes = new TextEncoder().encode(new TextDecoder('gb18030').decode(input));
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1 << 16));
  if (head.replace(/^\ufeff/, '').trim() === '' || detectFormat(file, head) !== 'wide-csv') return general();
  const fast = parseWideFast(file, bytes, maxYear, opts.onProgress);
  // a 合计 row among the towns: the general reader skips it and says so
  if (!fast || fast.columns.town.some(isTotalsName)) return general();
  const { columns, keys, rows, issues, rejected, blank, asRead } = fast;
  return { file, format: 'wide-csv', encoding, columns, keys, rows, issues, rejected, blank, fast: true, asRead };
}
