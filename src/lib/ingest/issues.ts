/**
 * Typed problems found while reading a file: each names the file, row, column and value, in Chinese.
 */
/**
 * `error`: the row or file was not loaded. `warning`: loaded, but probably wrong — check it.
 * `info`: loaded, and something was done that the user should know about (e.g. a code filled in).
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

/** How each severity is named to the user, most serious first. */
export const SEVERITY_LABELS: Readonly<Record<IssueSeverity, string>> = { error: '错误', warning: '警告', info: '说明' };
export const SEVERITY_ORDER: readonly IssueSeverity[] = ['error', 'warning', 'info'];

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

/** Values and column names longer than this are cut in an issue (a 5 MB cell is not shown whole). */
export const SHOWN_CHARS = 200;

/** Text cut to SHOWN_CHARS characters, saying how long it was. */
export function shownText(s: string): string {
  if (s.length <= SHOWN_CHARS) return s;
  return `${s.slice(0, SHOWN_CHARS)}…（共 ${s.length.toLocaleString('zh-CN')} 个字符）`;
}

export function issue(
  severity: IssueSeverity,
  file: string,
  message: string,
  where: { row?: number | null; column?: string | null; value?: string | null } = {},
): IngestIssue {
  const column = where.column ?? null;
  const value = where.value ?? null;
  return { severity, file, row: where.row ?? null, column: column === null ? null : shownText(column), value: value === null ? null : shownText(value), message };
}

/**
 * One line of Chinese naming everything the user needs to find the problem. With
 * `withSeverity`, it starts with 错误 / 警告 / 说明.
 */
export function describeIssue(i: IngestIssue, rowWord = '行', withSeverity = false): string {
  const parts = [i.file];
  if (i.row !== null) parts.push(`第 ${i.row} ${rowWord}`);
  if (i.column !== null) parts.push(`「${i.column}」列`);
  const where = parts.join(' ');
  const val = i.value !== null ? `（值：${JSON.stringify(i.value)}）` : '';
  return `${withSeverity ? `${SEVERITY_LABELS[i.severity]}：` : ''}${where}：${i.message}${val}`;
}
