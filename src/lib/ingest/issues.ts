/**
 * Typed problems found while reading a file: each names the file, row, column and value, in Chinese.
 */
export type IssueSeverity = 'error' | 'warning';

export interface IngestIssue {
  severity: IssueSeverity;
  file: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1), or the record number in JSON */
  row: number | null;
  /** the column header as written in the file, or the JSON key */
  column: string | null;
  /** the offending value as written */
  value: string | null;
  message: string;
}

export function issue(
  severity: IssueSeverity,
  file: string,
  message: string,
  where: { row?: number | null; column?: string | null; value?: string | null } = {},
): IngestIssue {
  return { severity, file, row: where.row ?? null, column: where.column ?? null, value: where.value ?? null, message };
}

/** One line of Chinese naming everything the user needs to find the problem. */
export function describeIssue(i: IngestIssue, rowWord = '行'): string {
  const parts = [i.file];
  if (i.row !== null) parts.push(`第 ${i.row} ${rowWord}`);
  if (i.column !== null) parts.push(`「${i.column}」列`);
  const where = parts.join(' ');
  const val = i.value !== null ? `（值：${JSON.stringify(i.value)}）` : '';
  return `${where}：${i.message}${val}`;
}
