/**
 * An Excel workbook (.xlsx) as import input, read by read-excel-file (a small, maintained reader;
 * the registry's `xlsx` package is frozen with known vulnerabilities on its read path). The sheets
 * taken are the first one, or every sheet with a year in its name ("2023年", "2024年度数据");
 * each becomes the rows of a CSV with the same row numbers as the sheet, and is read by the same
 * readers as a CSV file (title rows, 合计 rows and all). A sheet without a 年度 column whose name
 * has a year gets that year, said in a notice. Numbers arrive as numbers, merged title cells as
 * their first cell.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { issue, type IngestIssue } from '../ingest/issues.ts';
import { isHeaderRow, parseReportFile, type ParsedFile, type ParseOptions } from '../ingest/parse-file.ts';
import { columnRole } from '../ingest/record.ts';
import { headerRowIndex } from '../ingest/sheet-shape.ts';
import { reportKey, type Report } from '../model/report.ts';
import { checkedZip, EXCEL_XLSX, ZipRejected } from './zip-inflate.ts';

/** A sheet's year, from its name: a 4-digit year 2000–2099 standing alone ("2023年", "数据2024"). */
export function sheetYear(sheet: string): number | null {
  const m = /(?<!\d)(20\d{2})(?!\d)/.exec(sheet);
  return m ? Number(m[1]) : null;
}

/** A cell as the text a CSV of the sheet would hold. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    // Excel keeps 15 significant digits: 0.1 + 0.2 stored as 0.30000000000000004 is 0.3
    const shown = Number(v.toPrecision(15));
    return Math.abs(shown) < 1e21 ? String(shown) : shown.toLocaleString('en-US', { useGrouping: false });
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

interface SheetRows {
  name: string;
  rows: string[][];
}

/** Which sheets a workbook's data is in: those with a year in their name, else the first. */
export function chooseSheets(sheets: readonly SheetRows[]): SheetRows[] {
  const withYear = sheets.filter((s) => sheetYear(s.name) !== null && s.rows.some((r) => r.some((c) => c.trim() !== '')));
  return withYear.length > 0 ? withYear : sheets.slice(0, 1);
}

/**
 * The sheet's rows with a 年度 column added from the sheet's name when its header has none, or
 * the rows as they are.
 */
export function withSheetYear(sheet: SheetRows): { rows: string[][]; year: number | null } {
  const year = sheetYear(sheet.name);
  if (year === null) return { rows: sheet.rows, year: null };
  const h = headerRowIndex(sheet.rows, isHeaderRow);
  const header = sheet.rows[h];
  if (!header || !isHeaderRow(header)) return { rows: sheet.rows, year: null };
  const hasYear = header.some((c) => {
    const role = columnRole(c);
    return role?.kind === 'identity' && role.field === 'year';
  });
  if (hasYear) return { rows: sheet.rows, year: null };
  const rows = sheet.rows.map((r, i) => (i < h ? [...r, ''] : i === h ? [...r, '年度'] : r.every((c) => c.trim() === '') ? [...r, ''] : [...r, String(year)]));
  return { rows, year };
}

/** Read a workbook's data sheets as CSV files would be read. */
export async function readWorkbook(name: string, bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedFile> {
  const failed = (message: string): ParsedFile => ({ file: name, format: 'xlsx', encoding: null, reports: [], issues: [issue('error', name, message)], rejected: 0, blank: 0 });
  let data: ArrayBuffer;
  try {
    data = checkedZip(name, bytes, EXCEL_XLSX).slice().buffer as ArrayBuffer;
  } catch (e) {
    if (e instanceof ZipRejected) return failed(e.message.replace(`「${name}」`, '文件'));
    throw e;
  }
  let sheets: SheetRows[];
  try {
    const read = await readXlsxFile(data, { trim: false });
    sheets = read.map((s) => ({ name: s.sheet, rows: s.data.map((r) => r.map(cellText)) }));
  } catch (e) {
    return failed(`无法读取这个 Excel 工作簿（${e instanceof Error ? e.message : String(e)}）：请在 Excel 中打开后另存为「Excel 工作簿（.xlsx）」或 CSV 再导入`);
  }
  const chosen = chooseSheets(sheets);
  if (chosen.length === 0 || chosen.every((s) => s.rows.length === 0)) return failed('工作簿是空的：第一个工作表没有内容');
  const several = sheets.length > 1;
  const parts = chosen.map((sheet) => {
    const label = several ? `${name}（工作表「${sheet.name}」）` : name;
    const { rows, year } = withSheetYear(sheet);
    const parsed = parseReportFile(label, Papa.unparse(rows, { newline: '\n' }), opts);
    if (year !== null) parsed.issues.unshift(issue('info', label, `工作表没有「年度」列：按工作表名称读作 ${year} 年度`));
    return parsed;
  });
  const skippedSheets = several ? sheets.filter((s) => !chosen.includes(s)).map((s) => s.name) : [];
  return mergeSheets(name, parts, chosen.length > 1 || skippedSheets.length > 0 ? sheetNotice(name, chosen, skippedSheets) : null);
}

function sheetNotice(name: string, chosen: readonly SheetRows[], skipped: readonly string[]): IngestIssue {
  const list = (names: readonly string[]) => names.map((n) => `「${n}」`).join('、');
  const read = `读取了工作表${list(chosen.map((s) => s.name))}`;
  const rule = chosen.length > 1 || sheetYear(chosen[0]!.name) !== null ? '（名称中有年份的工作表）' : '（第一个工作表；名称中有年份的工作表会逐个读取）';
  return issue('info', name, `${read}${rule}${skipped.length > 0 ? `，未读取${list(skipped)}` : ''}`);
}

/** The sheets' outcomes as one file's: a town and year in two sheets is a duplicate, as in one. */
function mergeSheets(name: string, parts: readonly ParsedFile[], notice: IngestIssue | null): ParsedFile {
  const reports: Report[] = [];
  const rows: number[] = [];
  const issues: IngestIssue[] = notice ? [notice] : [];
  const first = new Map<string, string>();
  let rejected = 0;
  let blank = 0;
  for (const p of parts) {
    issues.push(...p.issues);
    rejected += p.rejected;
    blank += p.blank;
    p.reports.forEach((r, i) => {
      const key = reportKey(r);
      const row = p.rows?.[i] ?? 0;
      const seen = first.get(key);
      if (seen !== undefined) {
        issues.push(issue('error', p.file, `与${seen}重复：同一镇街（${r.town}）同一年度（${r.year}）出现两次`, { row }));
        rejected++;
        return;
      }
      first.set(key, `${p.file === name ? '' : p.file.slice(name.length + 1, -1)}第 ${row} 行`);
      reports.push(r);
      rows.push(row);
    });
  }
  return { file: name, format: 'xlsx', encoding: null, reports, issues, rejected, blank, rows };
}
