/**
 * Reports → wide CSV text in the canonical column order (identity, then every catalogue metric).
 * Reading the output back with parseReportFile gives the same reports.
 */
import Papa from 'papaparse';
import { METRICS } from '../model/catalogue.ts';
import { IDENTITY_FIELDS, type Report } from '../model/report.ts';

export interface WideCsvOptions {
  /** 'id' for metric ids as headers (compact), 'label' for 中文 labels (friendly in Excel) */
  headers?: 'id' | 'label';
  /** prefix a UTF-8 BOM so that Excel detects the encoding */
  bom?: boolean;
}

export function wideCsvHeader(headers: 'id' | 'label' = 'id'): string[] {
  return [...IDENTITY_FIELDS.map((f) => (headers === 'id' ? f.id : f.label)), ...METRICS.map((m) => (headers === 'id' ? m.id : m.label))];
}

/** One report's cells, 示例数据 written as `yes` or `no`. */
function rowCells(r: Report, yes: string, no: string): string[] {
  return [
    r.county,
    r.town,
    r.town_code ?? '',
    String(r.year),
    r.layout ?? '',
    r.source,
    r.synthetic ? yes : no,
    ...METRICS.map((m) => {
      const v = r.metrics[m.id];
      return v === null || v === undefined ? '' : String(v);
    }),
  ];
}

/**
 * One report's cells beside metric-id headers (the embedded and generated data files): 示例数据
 * as `true`/`false`.
 */
export const wideCsvRow = (r: Report): string[] => rowCells(r, 'true', 'false');

/**
 * One report's cells beside 中文 headers (the template, files for people): 示例数据 as `是`/`否`.
 * The readers take both spellings (record.ts parseBool, csv-stage.ts SYNTHETIC_SPELLINGS).
 */
export const wideCsvLabelRow = (r: Report): string[] => rowCells(r, '是', '否');

export function toWideCsv(reports: readonly Report[], opts: WideCsvOptions = {}): string {
  const text = Papa.unparse([wideCsvHeader(opts.headers), ...reports.map(opts.headers === 'label' ? wideCsvLabelRow : wideCsvRow)], { newline: '\n' });
  return (opts.bom ? '\ufeff' : '') + text + '\n';
}
