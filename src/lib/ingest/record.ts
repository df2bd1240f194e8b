/**
 * One raw record (a CSV row or a JSON object) → a validated Report, or the issues that stop it.
 * Shared by every input format so that they all validate the same way.
 */
import { METRICS, type MetricDef } from '../model/catalogue.ts';
import { IDENTITY_FIELDS, MIN_YEAR, type IdentityField, type Report } from '../model/report.ts';
import type { Layout } from '../model/tables.ts';
import { issue, type IngestIssue } from './issues.ts';
import { normalizeText, parseCell } from './values.ts';

export interface RawCell {
  /** the header or key as written in the file */
  column: string;
  raw: unknown;
  /** the file row the cell was read from, when it differs from the record's (long CSV) */
  row?: number;
}

/** A metric column of a wide CSV: its index in the row, header and definition. */
export interface WideColumn {
  index: number;
  header: string;
  def: MetricDef;
}

export interface RawRecord {
  /** the record's first row (header = row 1), or its number in a JSON array */
  row: number;
  identity: Partial<Record<IdentityField, RawCell>>;
  metrics: { def: MetricDef; cell: RawCell }[];
  /**
   * Wide CSV rows in compact form (no object per cell, which made garbage collection the largest
   * cost of reading a large file): the metric columns of the file and this row's cells.
   */
  wide?: { columns: readonly WideColumn[]; cells: readonly string[] };
  /** file rows the record was read from (long CSV: one per value); 1 when absent */
  span?: number;
  /** the reader already found an error: validate it to list every issue, but never load it */
  rejected?: boolean;
}

/** What a format reader returns: records to validate, issues so far, and rows it could not read. */
export interface RecordsRead {
  records: RawRecord[];
  issues: IngestIssue[];
  skipped: number;
}

export interface RecordContext {
  file: string;
  /** latest statistical year accepted: next year by default */
  maxYear: number;
}

/** Column header → identity field or metric; tolerant of spaces and full-width brackets. */
export type ColumnRole = { kind: 'identity'; field: IdentityField } | { kind: 'metric'; def: MetricDef };

/** A header or label reduced for comparison: NFKC, no spaces, lower case. */
export const headerKey = (s: string): string => normalizeText(s).replace(/\s+/g, '').toLowerCase();

const IDENTITY_BY_HEADER = new Map<string, IdentityField>();
for (const f of IDENTITY_FIELDS) {
  IDENTITY_BY_HEADER.set(headerKey(f.id), f.id);
  IDENTITY_BY_HEADER.set(headerKey(f.label), f.id);
}
// Common ways people head these columns in their own sheets.
for (const [alias, field] of [
  ['县', 'county'],
  ['县区', 'county'],
  ['县市区', 'county'],
  ['乡镇', 'town'],
  ['镇街名称', 'town'],
  ['乡镇街道', 'town'],
  ['单位', 'town'],
  ['代码', 'town_code'],
  ['统计年度', 'year'],
  ['年份', 'year'],
] as const) {
  IDENTITY_BY_HEADER.set(headerKey(alias), field);
}

const METRIC_BY_HEADER = new Map<string, MetricDef>();
for (const m of METRICS) {
  METRIC_BY_HEADER.set(headerKey(m.id), m);
  METRIC_BY_HEADER.set(headerKey(m.label), m);
}
// The short labels the charts show (网站公开, 新媒体发布), as a clerk copies them into a sheet's
// header: each one that names a single metric and is not already a full label or an id.
{
  const shortCount = new Map<string, number>();
  for (const m of METRICS) shortCount.set(headerKey(m.short), (shortCount.get(headerKey(m.short)) ?? 0) + 1);
  for (const m of METRICS) {
    const key = headerKey(m.short);
    if (shortCount.get(key) === 1 && !METRIC_BY_HEADER.has(key) && !IDENTITY_BY_HEADER.has(key)) METRIC_BY_HEADER.set(key, m);
  }
}

/** A metric by its id or full 中文 label, tolerant of spaces and full-width brackets. */
export function metricByName(name: string): MetricDef | undefined {
  return METRIC_BY_HEADER.get(headerKey(name));
}

/** Columns a clerk's sheet has beside the data: read as nothing, never as an unknown column. */
const IGNORED_HEADERS = new Set(['序号', '序', '编号', '排序', '排名', '备注', '说明', 'no', 'no.'].map(headerKey));

export const isIgnoredHeader = (header: string): boolean => IGNORED_HEADERS.has(headerKey(header));

export function columnRole(header: string): ColumnRole | null {
  const key = headerKey(header);
  const field = IDENTITY_BY_HEADER.get(key);
  if (field) return { kind: 'identity', field };
  const def = METRIC_BY_HEADER.get(key);
  return def ? { kind: 'metric', def } : null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * An identity cell's text. A leading ' before = + - @ is how this project's CSV files (the
 * template, export/csv.ts) keep such a name from being read by Excel as a formula: it is not
 * part of the name.
 */
const text = (c: RawCell | undefined): string => {
  if (c === undefined || c.raw === null || c.raw === undefined) return '';
  const s = normalizeText(String(c.raw));
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
};
const shown = (c: RawCell | undefined): string | null => (c === undefined || c.raw === undefined || c.raw === null ? null : String(c.raw));

export function parseLayout(s: string): Layout | null | 'invalid' {
  if (s === '') return null;
  if (/^2019(年|版|表式)*$/.test(s)) return '2019';
  if (/^2021(年|版|表式)*$/.test(s)) return '2021';
  return 'invalid';
}

export function parseBool(s: string): boolean | 'invalid' {
  const k = s.toLowerCase();
  if (['', 'false', '0', '否', 'no', 'n'].includes(k)) return false;
  if (['true', '1', '是', 'yes', 'y'].includes(k)) return true;
  return 'invalid';
}

/** A report's identity fields, validated. */
export type Identity = Omit<Report, 'metrics'>;

type Reporter = (message: string, cell?: RawCell, column?: string) => void;

/**
 * Validate a record's identity cells, reporting each problem through `err` (in a fixed order, the
 * same for every input format). The result is meaningful only when nothing was reported.
 */
export function buildIdentity(id: RawRecord['identity'], ctx: RecordContext, err: Reporter): Identity {
  for (const cell of Object.values(id)) {
    if (cell && typeof cell.raw === 'object' && cell.raw !== null) err('应为文字或数字，不能是对象或数组', cell);
  }

  const town = text(id.town);
  if (town === '') err('缺少镇街名称', id.town, '镇街');
  else if (town.length > 60) err('镇街名称过长（超过 60 个字）', id.town);

  const county = text(id.county);
  if (county.length > 60) err('县（市、区）名称过长（超过 60 个字）', id.county);
  // Control characters have no place in a name (and U+001F separates town keys in queries).
  if (CONTROL.test(town)) err('镇街名称含有控制字符', id.town);
  if (CONTROL.test(county)) err('县（市、区）名称含有控制字符', id.county);

  const yearText = text(id.year).replace(/年$/, '');
  let year = NaN;
  if (yearText === '') err('缺少年度', id.year, '年度');
  else if (!/^\d{4}$/.test(yearText)) err('年度应为四位数字，如 2023', id.year);
  else {
    year = Number(yearText);
    if (year < MIN_YEAR || year > ctx.maxYear) err(`年度应在 ${MIN_YEAR}–${ctx.maxYear} 之间`, id.year);
  }

  const codeText = text(id.town_code);
  let town_code: string | null = null;
  if (codeText !== '') {
    // 12-digit 统计用区划代码 ends in 000 at township level; keep its first 9 digits.
    const m = /^(\d{9})(000)?$/.exec(codeText);
    if (m) town_code = m[1]!;
    else err('区划代码应为 9 位数字（如 370830106）', id.town_code);
  }

  const layoutParsed = parseLayout(text(id.layout));
  let layout: Layout | null = null;
  if (layoutParsed === 'invalid') err('表式应为 2019 或 2021（或留空）', id.layout);
  else layout = layoutParsed;

  const syntheticParsed = parseBool(text(id.synthetic));
  let synthetic = false;
  if (syntheticParsed === 'invalid') err('示例数据一栏应为 是/否（true/false）', id.synthetic);
  else synthetic = syntheticParsed;

  const source = text(id.source) || ctx.file;
  return { county, town, town_code, year, layout, source, synthetic };
}

/** The issue for a problem found in a cell of record `row`. */
export const cellIssue = (severity: 'error' | 'warning', file: string, row: number, message: string, cell?: RawCell, column?: string): IngestIssue =>
  issue(severity, file, message, { row: cell?.row ?? row, column: cell?.column ?? column ?? null, value: shown(cell) });

/**
 * Validate one record. Returns the report when it has no error; the issues list holds every
 * error and warning found, so that nothing is dropped without being listed.
 */
export function buildReport(rec: RawRecord, ctx: RecordContext): { report: Report | null; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const err = (message: string, cell?: RawCell, column?: string) => issues.push(cellIssue('error', ctx.file, rec.row, message, cell, column));
  const warn = (message: string, cell?: RawCell) => issues.push(cellIssue('warning', ctx.file, rec.row, message, cell));
  const identity = buildIdentity(rec.identity, ctx, err);
  const { layout } = identity;

  const metrics: Record<string, number | null> = {};
  // one plain function call per cell, no closure or object unless there is something to report
  const take = (def: MetricDef, raw: unknown, column: string, cell?: RawCell) => {
    const res = parseCell(raw, def.kind);
    if (!res.ok) {
      err(res.reason, cell ?? { column, raw });
      return;
    }
    metrics[def.id] = res.value;
    if (res.value !== null && layout !== null && !def.layouts.includes(layout)) {
      warn(`${layout} 表式的报告没有「${def.label}」这一项`, cell ?? { column, raw });
    }
  };
  for (const { def, cell } of rec.metrics) take(def, cell.raw, cell.column, cell);
  if (rec.wide) {
    const { columns, cells } = rec.wide;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      take(c.def, cells[c.index], c.header);
    }
  }

  if (issues.some((i) => i.severity === 'error')) return { report: null, issues };
  return { report: { ...identity, metrics }, issues };
}
