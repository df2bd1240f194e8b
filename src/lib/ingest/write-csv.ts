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

export function wideCsvRow(r: Report): string[] {
  return [
    r.county,
    r.town,
    r.town_code ?? '',
    String(r.year),
    r.layout ?? '',
    r.source,
    r.synthetic ? 'true' : 'false',
    ...METRICS.map((m) => {
      const v = r.metrics[m.id];
      return v === null || v === undefined ? '' : String(v);
    }),
  ];
}

export function toWideCsv(reports: readonly Report[], opts: WideCsvOptions = {}): string {
  const text = Papa.unparse([wideCsvHeader(opts.headers), ...reports.map(wideCsvRow)], { newline: '\n' });
  return (opts.bom ? '\ufeff' : '') + text + '\n';
}
