/**
 * A report: what one township-level body states in its annual report for one statistical year.
 */
import type { Layout } from './tables.ts';

/** Metric values by catalogue id; a missing key or null means 未报告 (empty is not zero). */
export type MetricValues = Record<string, number | null>;

export interface Report {
  /** 县（市、区） */
  county: string;
  /** 镇街: the name as written in the report */
  town: string;
  /** 9-digit 区划代码, or null when not known */
  town_code: string | null;
  /** the statistical year the report covers */
  year: number;
  /** 表式, or null when unknown */
  layout: Layout | null;
  /** file name or URL the numbers came from */
  source: string;
  /** true for generated demonstration data */
  synthetic: boolean;
  metrics: MetricValues;
}

/** Identity fields, with their 中文 labels, in canonical column order. */
export const IDENTITY_FIELDS = [
  { id: 'county', label: '县（市、区）' },
  { id: 'town', label: '镇街' },
  { id: 'town_code', label: '区划代码' },
  { id: 'year', label: '年度' },
  { id: 'layout', label: '表式' },
  { id: 'source', label: '来源' },
  { id: 'synthetic', label: '示例数据' },
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number]['id'];

/** The key that identifies a report: town code when known, else county + town; and the year. */
export function reportKey(r: Pick<Report, 'county' | 'town' | 'town_code' | 'year'>): string {
  return `${townKey(r)}@${r.year}`;
}

/** The key that identifies a town across years. */
export function townKey(r: Pick<Report, 'county' | 'town' | 'town_code'>): string {
  return r.town_code ? `code:${r.town_code}` : `name:${r.county}/${r.town}`;
}

export function value(r: Report, id: string): number | null {
  const v = r.metrics[id];
  return v === undefined ? null : v;
}

/** Earliest statistical year accepted (the 条例 took effect in 2008). */
export const MIN_YEAR = 2008;
