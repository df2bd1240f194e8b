/**
 * Units ranked by a measure for a year, with last year's value and rank among the same units.
 * Ties share a rank; units that did not report the value are unranked and listed last. At 镇街
 * the units are towns; above it, areas whose value is aggregated over their towns' reports.
 */
import { measure } from '../../model/measures.ts';
import type { SqlClient } from '../sql.ts';
import { labelAreas, unitsSql, unitYearValuesSql } from './per-town.ts';
import { scopeSql, type Frame } from './scope.ts';

export interface RankingRow {
  town_key: string;
  town: string;
  town_code: string | null;
  county: string;
  /** null when the unit did not report the value (未报告) */
  value: number | null;
  /** 1-based; ties share a rank; null when not reported */
  rank: number | null;
  /** whether the unit has a report for the year at all */
  reported: boolean;
  /** reports behind the value (1 for a town) */
  reports: number;
  synthetic_reports: number;
  synthetic: boolean | null;
  source: string | null;
  prev_value: number | null;
  prev_rank: number | null;
}

/** Every town (no level, no area, no selection). */
const ALL_TOWNS: Frame = { level: 'town', within: null, towns: null };

export async function ranking(sql: SqlClient, measureId: string, year: number, f: Frame = ALL_TOWNS): Promise<RankingRow[]> {
  const scope = scopeSql(f);
  const townScope = scopeSql(f, 't');
  const expr = measure(measureId).expr;
  // One scan over both years, one value per unit and year, ranked per year; the unit list comes
  // from the towns table, so that units without a report are listed too.
  const rows = await sql.query<RankingRow>(
    `WITH u AS (${unitsSql(f.level, townScope.sql)}),
     v AS (${unitYearValuesSql(f.level, expr, `year IN (?, ?)${scope.sql}`)}),
     r AS (
       SELECT unit, year, value, reports, synthetic_reports, source,
              CASE WHEN value IS NULL THEN NULL
                   ELSE CAST(RANK() OVER (PARTITION BY year ORDER BY value DESC NULLS LAST) AS INTEGER) END AS rank
       FROM v
     )
     SELECT u.unit AS town_key, ${f.level === 'town' ? 'u.name' : 'u.unit'} AS town, u.code AS town_code, u.county,
            cur.value, cur.rank, cur.unit IS NOT NULL AS reported, coalesce(cur.reports, 0) AS reports,
            coalesce(cur.synthetic_reports, 0) AS synthetic_reports, cur.synthetic_reports > 0 AS synthetic, cur.source,
            prev.value AS prev_value, prev.rank AS prev_rank
     FROM u
     LEFT JOIN r cur ON cur.unit = u.unit AND cur.year = ?
     LEFT JOIN r prev ON prev.unit = u.unit AND prev.year = ?
     ORDER BY cur.value DESC NULLS LAST, u.ord`,
    [...townScope.params, year, year - 1, ...scope.params, year, year - 1],
  );
  return labelAreas(rows, f.level);
}

/**
 * Rank a subset of rows fetched for all towns, as the query would have ranked the subset itself:
 * ties share a rank (1 + the number of greater values), rows without a value are unranked; the
 * same for last year's values. Order is kept (the query's order: value descending, then code).
 */
export function rerank(rows: readonly RankingRow[]): RankingRow[] {
  const sorted = (vs: (number | null)[]) => vs.filter((v): v is number => v !== null).sort((a, b) => b - a);
  const cur = sorted(rows.map((r) => r.value));
  const prev = sorted(rows.map((r) => r.prev_value));
  // 1 + how many values are greater: the first index in the descending list whose value is <= v
  const rankIn = (values: number[], v: number | null) => {
    if (v === null) return null;
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return rows.map((r) => ({ ...r, rank: rankIn(cur, r.value), prev_rank: rankIn(prev, r.prev_value) }));
}
