/**
 * 下载模板: a wide CSV that opens cleanly in Excel (UTF-8 with BOM, 中文 headers) with one row per
 * town for a chosen year, every value empty, ready to be filled in and imported back. Written by
 * the exports' CSV writer (export/csv.ts): a town name that Excel would take for a formula is
 * written with a leading ' and read back without it (ingest/record.ts).
 */
import { toCsv } from '../export/csv.ts';
import type { Report } from '../model/report.ts';
import { wideCsvHeader, wideCsvLabelRow } from '../ingest/write-csv.ts';

export interface TemplateTown {
  town: string;
  town_code: string | null;
  county: string;
}

export function templateReports(towns: readonly TemplateTown[], year: number): Report[] {
  return towns.map((t) => ({
    county: t.county,
    town: t.town,
    town_code: t.town_code,
    year,
    layout: '2021',
    source: '',
    synthetic: false,
    metrics: {},
  }));
}

export function templateCsv(towns: readonly TemplateTown[], year: number): string {
  return toCsv(wideCsvHeader('label'), templateReports(towns, year).map(wideCsvLabelRow));
}

export const templateFileName = (counties: readonly string[], year: number) => `${counties.join('、') || '本县'}_${year}年_政务公开年报数据模板.csv`;
