/**
 * Totals over the towns in scope, per year, for a range of years: each column aggregated as its
 * measure defines (sums; ratios as sum over sum), with how many reports stated it.
 */
import { toAggregateSql, toSql, type Expr } from '../../model/measures.ts';
import { REPORTS } from '../reports-table.ts';
import type { SqlClient } from '../sql.ts';
import { alias, scopeSql, type TownScope } from './scope.ts';

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

export async function totalsByYear<K extends string>(
  sql: SqlClient,
  from: number,
  to: number,
  towns: TownScope,
  columns: Readonly<Record<K, Expr>>,
): Promise<YearTotals<K>[]> {
  const scope = scopeSql(towns);
  const keys = Object.keys(columns) as K[];
  const cols = keys.flatMap((k) => {
    const e = columns[k];
    const stated = e.op === 'ratio' ? `${toSql(e.num)} IS NOT NULL AND ${toSql(e.den)} IS NOT NULL` : `${toSql(e)} IS NOT NULL`;
    return [
      `CAST(${toAggregateSql(e)} AS DOUBLE) AS ${alias(k)}`,
      `CAST(COUNT(*) FILTER (WHERE ${stated}) AS INTEGER) AS ${alias(`n_${k}`)}`,
    ];
  });
  const rows = await sql.query<Record<string, number | null>>(
    `SELECT CAST(year AS INTEGER) AS year, CAST(COUNT(*) AS INTEGER) AS reports,
            CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic
            ${cols.length > 0 ? ', ' + cols.join(', ') : ''}
     FROM ${REPORTS} WHERE year BETWEEN ? AND ?${scope.sql}
     GROUP BY year ORDER BY year`,
    [from, to, ...scope.params],
  );
  return rows.map((r) => ({
    year: r.year as number,
    reports: r.reports as number,
    synthetic: r.synthetic as number,
    values: Object.fromEntries(keys.map((k) => [k, r[k] ?? null])) as Record<K, number | null>,
    stated: Object.fromEntries(keys.map((k) => [k, (r[`n_${k}`] as number) ?? 0])) as Record<K, number>,
  }));
}
