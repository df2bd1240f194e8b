/**
 * The shapes of a clerk's own sheet around the table proper: a title row (or a few) above the
 * header ("××县2024年各镇街……统计表", "单位：条"), and totals rows among the towns (合计, 总计,
 * 小计, 全县). Every reader skips them the same way and says which rows it skipped.
 */
import { compactRows } from './blank.ts';
import { issue, type IngestIssue } from './issues.ts';
import { normalizeText } from './values.ts';

/** How far down the header is looked for: a title block is a few rows, never a page. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The index of the header among the first rows: the first row `isHeader` accepts, or 0 when none
 * is (the reader then reports what is wrong with the first row, as for any file).
 */
export function headerRowIndex(rows: readonly (readonly string[])[], isHeader: (cells: readonly string[]) => boolean): number {
  const n = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < n; i++) if (isHeader(rows[i]!)) return i;
  return 0;
}

/** The notice for the title rows above a header found at index `header` (> 0). */
export function titleNotice(file: string, rows: readonly (readonly string[])[], header: number): IngestIssue {
  const titles = rows
    .slice(0, header)
    .map((cells) => cells.map((c) => c.trim()).filter((c) => c !== '').join(' '))
    .filter((t) => t !== '');
  const shown = titles.length > 0 ? `（${titles.map((t) => `「${t.length > 40 ? `${t.slice(0, 40)}…` : t}」`).join('、')}）` : '';
  const above = header === 1 ? '第 1 行' : `第 1–${header} 行`;
  return issue('info', file, `表头在第 ${header + 1} 行：${above}是表格标题或说明${shown}，未作为数据读入`);
}

/** 合计、总计、小计、汇总、共计, alone or after 全县/全区/全市/全旗/全镇/全乡/本县…: never a town. */
const TOTALS = /^(?:(?:全|本)(?:县|区|市|旗|镇|乡|街道))?(?:合计|总计|小计|汇总|共计|总数|合计数)$|^全(?:县|区|市|旗)$/;

/** True when a cell names a totals row rather than a town (spaces, 全角 or not, ignored). */
export function isTotalsName(cell: string): boolean {
  if (cell.length > 24) return false;
  const s = normalizeText(cell).replace(/[\s\u3000:：]/g, '');
  return s !== '' && TOTALS.test(s);
}

/** Whether a body row is a totals row (合计…): its town cell says so, or it has no town and its county cell does. */
export function totalsCell(cells: readonly string[], town: number, county: number): string | null {
  const t = cells[town] ?? '';
  if (isTotalsName(t)) return t;
  if (t.trim() === '' && county >= 0 && isTotalsName(cells[county] ?? '')) return cells[county]!;
  // a 合计 written in the first column when the town is not the first column (序号 column)
  if (t.trim() === '' && town !== 0 && isTotalsName(cells[0] ?? '')) return cells[0]!;
  return null;
}

/** The notice for totals rows skipped (ascending file rows). */
export function totalsNotice(file: string, rows: readonly number[], examples: readonly string[]): IngestIssue {
  const { text, more } = compactRows(rows);
  const names = [...new Set(examples)].slice(0, 3).map((e) => `「${e.trim()}」`).join('、');
  return issue('info', file, `${rows.length} 行是合计行（${names}），不是镇街的报告，未载入（第 ${text} 行${more ? '等' : ''}）`);
}
