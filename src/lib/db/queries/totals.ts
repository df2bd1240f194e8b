/**
 * Totals over the towns in scope, per year, for a range of years: each column aggregated as its
 * measure defines (sums; ratios as sum over sum), with how many reports stated it.
 */
import { SQL_NAN, toSql, type Expr } from '../../model/measures.ts';
import type { Store } from '../store.ts';
import { alias, scopeSql, type Scope } from './scope.ts';

export interface YearTotals<K extends string> {
  year: number;
  /** reports in scope for the year */
  reports: number;
  /** of which synthetic */
  synthetic: number;
  values: Record<K, number | null>;
  /** reports that stated each column */
  stated: Record<K, number>;
}

/**
 * SQL to aggregate catalogue expressions over reports: `inner` computes each expression once per
 * report, `outer` aggregates them — sums over the reports that state a value; a ratio as the sum
 * of numerators over the sum of denominators, counting only reports that state both (NaN when
 * those denominators add up to 0, NULL when none states both) — with, for
 * each column `k`, `n_k`: how many reports stated it.
 */
export function aggregateColumns(columns: Readonly<Record<string, Expr>>): { inner: string[]; outer: string[] } {
  const inner: string[] = [];
  const outer: string[] = [];
  for (const [k, e] of Object.entries(columns)) {
    const a = alias(k);
    if (e.op === 'ratio') {
      inner.push(`${toSql(e.num)} AS ${a}__num`, `${toSql(e.den)} AS ${a}__den`);
      const both = `${a}__num IS NOT NULL AND ${a}__den IS NOT NULL`;
      const den = `SUM(${a}__den) FILTER (WHERE ${both})`;
      outer.push(
        `CAST(CASE WHEN ${den} = 0 THEN ${SQL_NAN} ELSE SUM(${a}__num) FILTER (WHERE ${both}) / ${den} END AS DOUBLE) AS ${a}`,
        `CAST(COUNT(*) FILTER (WHERE ${both}) AS INTEGER) AS n_${a}`,
      );
    } else {
      inner.push(`${toSql(e)} AS ${a}__v`);
      outer.push(`CAST(SUM(${a}__v) AS DOUBLE) AS ${a}`, `CAST(COUNT(${a}__v) AS INTEGER) AS n_${a}`);
    }
  }
  return { inner, outer };
}

export async function totalsByYear<K extends string>(
  db: Store,
  from: number,
  to: number,
  scope: Scope,
  columns: Readonly<Record<K, Expr>>,
): Promise<YearTotals<K>[]> {
  const where = scopeSql(scope);
  const keys = Object.keys(columns) as K[];
  const { inner, outer } = aggregateColumns(columns);
  const rows = await db.query<Record<string, number | null>>(
    `SELECT CAST(year AS INTEGER) AS year, CAST(COUNT(*) AS INTEGER) AS reports,
            CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic
            ${outer.length > 0 ? ', ' + outer.join(', ') : ''}
     FROM (SELECT year, synthetic${inner.length > 0 ? ', ' + inner.join(', ') : ''}
           FROM ${db.reports} WHERE year BETWEEN ? AND ?${where.sql})
     GROUP BY year ORDER BY year`,
    [from, to, ...where.params],
  );
  return rows.map((r) => ({
    year: r.year as number,
    reports: r.reports as number,
    synthetic: r.synthetic as number,
    values: Object.fromEntries(keys.map((k) => [k, r[k] ?? null])) as Record<K, number | null>,
    stated: Object.fromEntries(keys.map((k) => [k, (r[`n_${k}`] as number) ?? 0])) as Record<K, number>,
  }));
}

/**
 * The same totals computed in JS from per-town rows already fetched (sums of stated values), to
 * spare a query when a view has the rows anyway.
 */
export function totalsFromRows<K extends string>(
  year: number,
  rows: readonly ({ reported: boolean; synthetic: boolean | null; reports?: number; synthetic_reports?: number } & Record<K, number | null>)[],
  keys: readonly K[],
): YearTotals<K> {
  const reported = rows.filter((r) => r.reported);
  const values = {} as Record<K, number | null>;
  const stated = {} as Record<K, number>;
  // an area's row (above 镇街) carries how many reports stated each column as n_<column>
  const n = (r: object, k: string) => ((r as Record<string, unknown>)[`n_${k}`] as number | undefined) ?? 1;
  for (const k of keys) {
    let sum = 0;
    let count = 0;
    for (const r of reported) {
      const v = (r as Record<K, number | null>)[k];
      if (v === null) continue;
      sum += v;
      count += n(r, k);
    }
    values[k] = count === 0 ? null : sum;
    stated[k] = count;
  }
  return {
    year,
    reports: reported.reduce((a, r) => a + (r.reports ?? 1), 0),
    synthetic: reported.reduce((a, r) => a + (r.synthetic_reports ?? (r.synthetic ? 1 : 0)), 0),
    values,
    stated,
  };
}
