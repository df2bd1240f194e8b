/**
 * CSV text → rows of strings, and the row-level checks every CSV layout shares: blank lines,
 * rows of the wrong length and an unclosed quote that swallows the rest of the file.
 */
import Papa from 'papaparse';
import { issue, type IngestIssue } from './issues.ts';

export interface CsvRows {
  rows: string[][];
  /** index in `rows` of a row whose quoted field is never closed (it swallows the rest of the file) */
  unclosedQuoteRow: number | null;
  /** the file row (as a spreadsheet numbers it) of `rows[0]`, the header: 1 unless title rows were cut above it */
  headerRow?: number;
}

/**
 * Parse CSV text (already decoded to a string) into rows of strings. The delimiter is detected
 * by PapaParse among `,` `\t` `|` `;`, so a file saved with `;` (European Excel) reads the same.
 */
export function csvRows(text: string): CsvRows {
  const res = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: false });
  const rows = res.data;
  // PapaParse yields one empty row for a trailing newline.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  const missing = res.errors.find((e) => e.code === 'MissingQuotes');
  const unclosedQuoteRow = missing?.row !== undefined && missing.row < rows.length ? missing.row : null;
  return { rows, unclosedQuoteRow };
}

/** The header row only (for format detection), without parsing the whole file. */
export function csvHeader(text: string): string[] {
  const res = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, preview: 1 });
  return res.data[0] ?? [];
}

/**
 * Call `fn` for each body row that has as many cells as the header, with its row number as a
 * spreadsheet shows it (the header's is `headerRow`, 1 by default). Blank rows are skipped silently; broken rows are
 * listed in `issues`. Returns the number of rows that were read but not passed on.
 */
export function eachBodyRow(
  { rows, unclosedQuoteRow, headerRow }: CsvRows,
  file: string,
  issues: IngestIssue[],
  fn: (cells: string[], row: number) => void,
): number {
  const width = rows[0]?.length ?? 0;
  const first = headerRow ?? 1;
  let skipped = 0;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i]!;
    const row = i + first;
    if (unclosedQuoteRow === i) {
      // The unclosed quote swallowed every later line into this row's last cell.
      const lost = (cells[cells.length - 1] ?? '').split(/\r\n|\n|\r/).slice(1).filter((l) => l.trim() !== '').length;
      issues.push(
        issue('error', file, `引号没有闭合：从这一行起到文件末尾都被读成了一个单元格，这一行${lost > 0 ? `及其后的 ${lost} 行` : ''}没有读入`, { row }),
      );
      skipped += 1 + lost;
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length !== width) {
      issues.push(issue('error', file, `这一行有 ${cells.length} 列，表头有 ${width} 列：行可能被截断或多出了分隔符`, { row }));
      skipped++;
      continue;
    }
    fn(cells, row);
  }
  return skipped;
}

/**
 * More columns than any report file has (the catalogue has 236 metrics): the header is one
 * error, not an error per column — a file that is one long line, or not a table at all.
 */
export const MAX_COLUMNS = 2000;

export function tooManyColumns(header: readonly string[], file: string, headerRow: number): IngestIssue | null {
  if (header.length <= MAX_COLUMNS) return null;
  const chars = header.reduce((a, c) => a + c.length + 1, 0);
  const size = chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(chars / 1024).toLocaleString('zh-CN')} KB`;
  return issue(
    'error',
    file,
    `表头有 ${header.length.toLocaleString('zh-CN')} 列（约 ${size}），超过 ${MAX_COLUMNS.toLocaleString('zh-CN')} 列：文件可能整个只有一行（没有换行），或不是报告数据的表格，未读取`,
    { row: headerRow },
  );
}

/** 「镇街」、「年度」和「指标」 */
export function listNames(names: readonly string[]): string {
  const q = names.map((n) => `「${n}」`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join('、')}和${q[q.length - 1]}`;
}
