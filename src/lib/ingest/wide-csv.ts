/**
 * Wide CSV: one row per report, identity columns then one column per metric.
 * Headers may be metric ids or their 中文 labels.
 */
import { eachBodyRow, type CsvRows } from './csv-rows.ts';
import { issue, type IngestIssue } from './issues.ts';
import type { IdentityField } from '../model/report.ts';
import { columnRole, isIgnoredHeader, type ColumnRole, type RawRecord, type RecordsRead, type WideColumn } from './record.ts';
import { totalsCell, totalsNotice } from './sheet-shape.ts';

export { csvRows, type CsvRows } from './csv-rows.ts';

export interface CsvHeader {
  /** per column: its role, or null for a column that is not understood */
  roles: (ColumnRole | null)[];
  issues: IngestIssue[];
}

/**
 * Map the header row to roles; unknown and duplicate columns are errors naming the column. A
 * column a clerk's sheet adds beside the data (序号, 备注) is left out with a notice.
 */
export function readHeader(header: readonly string[], file: string, headerRow = 1): CsvHeader {
  const issues: IngestIssue[] = [];
  const seen = new Map<string, number>();
  const ignored: string[] = [];
  const roles = header.map((h, i) => {
    const name = h.replace(/^\ufeff/, '');
    if (isIgnoredHeader(name)) {
      ignored.push(name.trim());
      return null;
    }
    if (name.trim() === '') {
      issues.push(issue('error', file, `第 ${i + 1} 列没有列名`, { row: headerRow, column: `第 ${i + 1} 列` }));
      return null;
    }
    const role = columnRole(name);
    if (!role) {
      issues.push(issue('error', file, '不认识的列名：既不是指标编号，也不是指标的中文名称', { row: headerRow, column: name }));
      return null;
    }
    const key = role.kind === 'identity' ? role.field : role.def.id;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue('error', file, `与第 ${first + 1} 列重复`, { row: headerRow, column: name }));
      return null;
    }
    seen.set(key, i);
    return role;
  });
  if (ignored.length > 0) issues.push(issue('info', file, `${ignored.map((n) => `「${n}」`).join('、')}列不是报告的数据，未读入`, { row: headerRow }));
  return { roles, issues };
}


/** Turn parsed rows (header first) into raw records; row numbers are as a spreadsheet shows them. */
export function wideRecords(csv: CsvRows, file: string): RecordsRead {
  const header = csv.rows[0];
  if (!header) return { records: [], issues: [issue('error', file, '文件是空的')], skipped: 0 };
  const headerRow = csv.headerRow ?? 1;
  const { roles, issues } = readHeader(header, file, headerRow);
  const hasTown = roles.some((r) => r?.kind === 'identity' && r.field === 'town');
  const hasYear = roles.some((r) => r?.kind === 'identity' && r.field === 'year');
  if (!hasTown || !hasYear) {
    issues.push(issue('error', file, `表头缺少${!hasTown ? '「镇街」' : ''}${!hasTown && !hasYear ? '和' : ''}${!hasYear ? '「年度」' : ''}列`, { row: headerRow }));
    return { records: [], issues, skipped: csv.rows.length - 1 };
  }
  const records: RawRecord[] = [];
  const columns: WideColumn[] = [];
  const identity: { index: number; field: IdentityField }[] = [];
  roles.forEach((role, index) => {
    if (role?.kind === 'metric') columns.push({ index, header: header[index]!, def: role.def });
    else if (role?.kind === 'identity') identity.push({ index, field: role.field });
  });
  const townAt = identity.find((c) => c.field === 'town')!.index;
  const countyAt = identity.find((c) => c.field === 'county')?.index ?? -1;
  const totals: number[] = [];
  const totalsNames: string[] = [];
  const skipped = eachBodyRow(csv, file, issues, (cells, row) => {
    const total = totalsCell(cells, townAt, countyAt);
    if (total !== null) {
      totals.push(row);
      totalsNames.push(total);
      return;
    }
    const rec: RawRecord = { row, identity: {}, metrics: [], wide: { columns, cells } };
    for (const { index, field } of identity) rec.identity[field] = { column: header[index]!, raw: cells[index] };
    records.push(rec);
  });
  if (totals.length > 0) issues.push(totalsNotice(file, totals, totalsNames));
  return { records, issues, skipped };
}
