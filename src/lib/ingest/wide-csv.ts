/**
 * Wide CSV: one row per report, identity columns then one column per metric.
 * Headers may be metric ids or their 中文 labels.
 */
import Papa from 'papaparse';
import { issue, type IngestIssue } from './issues.ts';
import { columnRole, type ColumnRole, type RawRecord, type RecordsRead } from './record.ts';

export interface CsvHeader {
  /** per column: its role, or null for a column that is not understood */
  roles: (ColumnRole | null)[];
  issues: IngestIssue[];
}

/** Map the header row to roles; unknown and duplicate columns are errors naming the column. */
export function readHeader(header: readonly string[], file: string): CsvHeader {
  const issues: IngestIssue[] = [];
  const seen = new Map<string, number>();
  const roles = header.map((h, i) => {
    const name = h.replace(/^\ufeff/, '');
    if (name.trim() === '') {
      issues.push(issue('error', file, `第 ${i + 1} 列没有列名`, { row: 1, column: `第 ${i + 1} 列` }));
      return null;
    }
    const role = columnRole(name);
    if (!role) {
      issues.push(issue('error', file, '不认识的列名：既不是指标编号，也不是指标的中文名称', { row: 1, column: name }));
      return null;
    }
    const key = role.kind === 'identity' ? role.field : role.def.id;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue('error', file, `与第 ${first + 1} 列重复`, { row: 1, column: name }));
      return null;
    }
    seen.set(key, i);
    return role;
  });
  return { roles, issues };
}

/** Turn parsed rows (header first) into raw records; row numbers are as a spreadsheet shows them. */
export function wideRecords({ rows, unclosedQuoteRow }: CsvRows, file: string): RecordsRead {
  const [header, ...body] = rows;
  if (!header) return { records: [], issues: [issue('error', file, '文件是空的')], skipped: 0 };
  const { roles, issues } = readHeader(header, file);
  const hasTown = roles.some((r) => r?.kind === 'identity' && r.field === 'town');
  const hasYear = roles.some((r) => r?.kind === 'identity' && r.field === 'year');
  if (!hasTown || !hasYear) {
    issues.push(issue('error', file, `表头缺少${!hasTown ? '「镇街」' : ''}${!hasTown && !hasYear ? '和' : ''}${!hasYear ? '「年度」' : ''}列`, { row: 1 }));
    return { records: [], issues, skipped: body.length };
  }
  const records: RawRecord[] = [];
  let skipped = 0;
  body.forEach((cells, i) => {
    const row = i + 2;
    if (unclosedQuoteRow === i + 1) {
      // The unclosed quote swallowed every later line into this row's last cell.
      const lost = (cells[cells.length - 1] ?? '').split(/\r\n|\n|\r/).slice(1).filter((l) => l.trim() !== '').length;
      issues.push(
        issue('error', file, `引号没有闭合：从这一行起到文件末尾都被读成了一个单元格，这一行${lost > 0 ? `及其后的 ${lost} 行` : ''}没有读入`, { row }),
      );
      skipped += 1 + lost;
      return;
    }
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== header.length) {
      issues.push(
        issue('error', file, `这一行有 ${cells.length} 列，表头有 ${header.length} 列：行可能被截断或多出了分隔符`, { row }),
      );
      skipped++;
      return;
    }
    const rec: RawRecord = { row, identity: {}, metrics: [] };
    cells.forEach((raw, c) => {
      const role = roles[c];
      if (!role) return;
      const cell = { column: header[c]!, raw };
      if (role.kind === 'identity') rec.identity[role.field] = cell;
      else rec.metrics.push({ def: role.def, cell });
    });
    records.push(rec);
  });
  return { records, issues, skipped };
}

export interface CsvRows {
  rows: string[][];
  /** index in `rows` of a row whose quoted field is never closed (it swallows the rest of the file) */
  unclosedQuoteRow: number | null;
}

/** Parse CSV text (already decoded to a string) into rows of strings. */
export function csvRows(text: string): CsvRows {
  const res = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: false });
  const rows = res.data;
  // PapaParse yields one empty row for a trailing newline.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === '')) rows.pop();
  const missing = res.errors.find((e) => e.code === 'MissingQuotes');
  const unclosedQuoteRow = missing?.row !== undefined && missing.row < rows.length ? missing.row : null;
  return { rows, unclosedQuoteRow };
}
