/**
 * Long CSV: one row per value — `town,year,metric,value` plus optional
 * `county,town_code,source,layout,synthetic`. Rows are grouped into one record per
 * (county, town, year); a report whose rows disagree, repeat a metric or name an unknown one is
 * rejected as a whole, never loaded with a value silently dropped or chosen.
 */
import { IDENTITY_FIELDS, type IdentityField } from '../model/report.ts';
import { eachBodyRow, listNames, type CsvRows } from './csv-rows.ts';
import { issue, type IngestIssue } from './issues.ts';
import { totalsCell, totalsNotice } from './sheet-shape.ts';
import { columnRole, headerKey, isIgnoredHeader, metricByName, parseBool, parseLayout, type RawCell, type RawRecord, type RecordsRead } from './record.ts';
import { normalizeText } from './values.ts';

export type LongRole = { kind: 'identity'; field: IdentityField } | { kind: 'metric' } | { kind: 'value' };

const METRIC_HEADERS = new Set(['metric', '指标', '指标编号', '指标名称'].map(headerKey));
const VALUE_HEADERS = new Set(['value', '数值', '值'].map(headerKey));

export function longColumnRole(header: string): LongRole | null {
  const key = headerKey(header);
  if (METRIC_HEADERS.has(key)) return { kind: 'metric' };
  if (VALUE_HEADERS.has(key)) return { kind: 'value' };
  const role = columnRole(header);
  return role?.kind === 'identity' ? role : null;
}

/** A CSV header is long when it has a metric column and a value column. */
export function isLongHeader(header: readonly string[]): boolean {
  const kinds = new Set(header.map((h) => longColumnRole(h.replace(/^\ufeff/, ''))?.kind));
  return kinds.has('metric') && kinds.has('value');
}

const LABEL = new Map<string, string>(IDENTITY_FIELDS.map((f) => [f.id, f.label]));
const REQUIRED = [
  ['town', '镇街'],
  ['year', '年度'],
  ['metric', '指标'],
  ['value', '数值'],
] as const;

const roleKey = (r: LongRole): string => (r.kind === 'identity' ? r.field : r.kind);

function readLongHeader(header: readonly string[], file: string, headerRow: number) {
  const issues: IngestIssue[] = [];
  const col = new Map<string, number>();
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const name = h.replace(/^\ufeff/, '');
    if (isIgnoredHeader(name)) {
      ignored.push(name.trim());
      return;
    }
    if (name.trim() === '') {
      issues.push(issue('error', file, `第 ${i + 1} 列没有列名`, { row: headerRow, column: `第 ${i + 1} 列` }));
      return;
    }
    const role = longColumnRole(name);
    if (!role) {
      const message = '不认识的列名：长表只能有镇街、年度、指标、数值，以及县（市、区）、区划代码、来源、表式、示例数据';
      issues.push(issue('error', file, message, { row: headerRow, column: name }));
      return;
    }
    const first = col.get(roleKey(role));
    if (first !== undefined) issues.push(issue('error', file, `与第 ${first + 1} 列重复`, { row: headerRow, column: name }));
    else col.set(roleKey(role), i);
  });
  if (ignored.length > 0) issues.push(issue('info', file, `${ignored.map((n) => `「${n}」`).join('、')}列不是报告的数据，未读入`, { row: headerRow }));
  const missing = REQUIRED.filter(([k]) => !col.has(k)).map(([, label]) => label);
  if (missing.length > 0) issues.push(issue('error', file, `表头缺少${listNames(missing)}列`, { row: headerRow }));
  return { col, issues, ok: missing.length === 0 };
}

/** Identity text compared between rows: `2019年` and `2019` are the same layout, `是` and `true` the same flag. */
function canonical(field: IdentityField, text: string): string {
  const parsed = field === 'layout' ? parseLayout(text) : field === 'synthetic' ? parseBool(text) : 'invalid';
  if (parsed !== 'invalid') return String(parsed);
  if (field === 'town_code') return /^(\d{9})(000)?$/.exec(text)?.[1] ?? text;
  return text;
}

interface Group {
  rec: RawRecord;
  metricRow: Map<string, number>;
  stated: Map<IdentityField, { canon: string; text: string; row: number }>;
}

const CHECKED: readonly IdentityField[] = ['town_code', 'layout', 'source', 'synthetic'];

/** Turn parsed rows (header first) into one raw record per report; row numbers as a spreadsheet shows them. */
export function longRecords(csv: CsvRows, file: string): RecordsRead {
  const header = csv.rows[0];
  if (!header) return { records: [], issues: [issue('error', file, '文件是空的')], skipped: 0 };
  const { col, issues, ok } = readLongHeader(header, file, csv.headerRow ?? 1);
  if (!ok) return { records: [], issues, skipped: csv.rows.length - 1 };
  const groups = new Map<string, Group>();
  let ungrouped = 0;
  const totals: number[] = [];
  const totalsNames: string[] = [];
  const townAt = col.get('town')!;
  const countyAt = col.get('county') ?? -1;

  const skipped = eachBodyRow(csv, file, issues, (cells, row) => {
    const total = totalsCell(cells, townAt, countyAt);
    if (total !== null) {
      totals.push(row);
      totalsNames.push(total);
      return;
    }
    const cell = (k: string): RawCell | undefined => {
      const i = col.get(k);
      return i === undefined ? undefined : { column: header[i]!, raw: cells[i]!, row };
    };
    const text = (k: string) => normalizeText(String(cell(k)?.raw ?? ''));
    const err = (message: string, c: RawCell | undefined) =>
      issues.push(issue('error', file, message, { row, column: c?.column ?? null, value: c ? String(c.raw) : null }));

    const town = text('town');
    const year = text('year').replace(/年$/, '');
    if (town === '') err('缺少镇街名称', cell('town'));
    if (year === '') err('缺少年度', cell('year'));
    if (town === '' || year === '') {
      ungrouped++;
      return;
    }
    const key = `${text('county')}\u001f${town}\u001f${year}`;
    let g = groups.get(key);
    if (!g) {
      const identity: RawRecord['identity'] = { town: cell('town')!, year: cell('year')! };
      if (col.has('county')) identity.county = cell('county')!;
      g = { rec: { row, identity, metrics: [], span: 0 }, metricRow: new Map(), stated: new Map() };
      groups.set(key, g);
    }
    const { rec } = g;
    rec.span = (rec.span ?? 0) + 1;

    for (const field of CHECKED) {
      const t = text(field);
      if (t === '') continue;
      const canon = canonical(field, t);
      const first = g.stated.get(field);
      if (!first) {
        g.stated.set(field, { canon, text: t, row });
        rec.identity[field] = cell(field)!;
      } else if (first.canon !== canon) {
        err(`同一镇街同一年度的「${LABEL.get(field)}」与第 ${first.row} 行（「${first.text}」）不一致`, cell(field));
        rec.rejected = true;
      }
    }

    const name = text('metric');
    const def = name === '' ? undefined : metricByName(name);
    if (name === '') err('缺少指标', cell('metric'));
    else if (!def) err('不认识的指标：既不是指标编号，也不是指标的中文名称', cell('metric'));
    const firstRow = def ? g.metricRow.get(def.id) : undefined;
    if (def && firstRow !== undefined) err(`与第 ${firstRow} 行重复：同一镇街同一年度的「${def.label}」出现两次`, cell('metric'));
    if (!def || firstRow !== undefined) {
      rec.rejected = true;
      return;
    }
    g.metricRow.set(def.id, row);
    rec.metrics.push({ def, cell: cell('value')! });
  });

  if (totals.length > 0) issues.push(totalsNotice(file, totals, totalsNames));
  return { records: [...groups.values()].map((g) => g.rec), issues, skipped: skipped + ungrouped };
}
