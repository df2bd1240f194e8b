/**
 * Units ranked by a measure for a year, with last year's value and rank among the same units.
 * Ties share a rank; a ratio without a base (NaN: no application, no case) is unranked and listed
 * after the ranked units; units that did not report the value are unranked and listed last. At 镇街
 * the units are towns; above it, areas whose value is aggregated over their towns' reports.
 */
import { isRankable, measure } from '../../model/measures.ts';
import type { Store } from '../store.ts';
import { labelAreas, labelTowns, unitsSql, unitYearValuesSql } from './per-town.ts';
import { scopeSql, type Frame } from './scope.ts';

export interface RankingRow {
  town_key: string;
  town: string;
  town_code: string | null;
  county: string;
  /** null when the unit did not report the value (未报告); NaN for a ratio without a base ("—") */
  value: number | null;
  /** 1-based; ties share a rank; null when not reported or not computable */
  rank: number | null;
  /** whether the unit has a report for the year at all */
  reported: boolean;
  /** reports behind the value (1 for a town) */
  reports: number;
  synthetic_reports: number;
  synthetic: boolean | null;
  prev_value: number | null;
  prev_rank: number | null;
}

/** Every town (no level, no area, no selection). */
const ALL_TOWNS: Frame = { level: 'town', within: null, towns: null };

export async function ranking(db: Store, measureId: string, year: number, f: Frame = ALL_TOWNS): Promise<RankingRow[]> {
  const scope = scopeSql(f);
  const townScope = scopeSql(f, 't');
  const expr = measure(measureId).expr;
  // One scan over both years, one value per unit and year, ranked per year, then both years of a
  // unit side by side in one row (one join with the unit list instead of one per year: a
  // country's 41,352 towns took ~100 ms less). The unit list comes from the towns table, so that
  // units without a report are listed too.
  const rows = await db.query<RankingRow>(
    `WITH u AS (${unitsSql(db, f.level, townScope.sql)}),
     v AS (${unitYearValuesSql(db, f.level, expr, `year IN (?, ?)${scope.sql}`)}),
     r AS (
       SELECT unit, year, value, reports, synthetic_reports,
              -- NaN sorts above every number in DuckDB: rank only the computable values
              CASE WHEN value IS NULL OR isnan(value) THEN NULL
                   ELSE CAST(RANK() OVER (PARTITION BY year ORDER BY CASE WHEN isnan(value) THEN NULL ELSE value END DESC NULLS LAST) AS INTEGER) END AS rank
       FROM v
     ),
     p AS (
       SELECT unit,
              max(value) FILTER (WHERE year = ?) AS value, max(rank) FILTER (WHERE year = ?) AS rank,
              max(reports) FILTER (WHERE year = ?) AS reports, max(synthetic_reports) FILTER (WHERE year = ?) AS synthetic_reports,
              max(value) FILTER (WHERE year = ?) AS prev_value, max(rank) FILTER (WHERE year = ?) AS prev_rank
       FROM r GROUP BY unit
     )
     SELECT u.unit AS town_key, ${f.level === 'town' ? '' : 'u.unit AS town, u.code AS town_code, u.county,'}
            p.value, p.rank, p.reports IS NOT NULL AS reported, coalesce(p.reports, 0) AS reports,
            coalesce(p.synthetic_reports, 0) AS synthetic_reports, p.synthetic_reports > 0 AS synthetic,
            p.prev_value, p.prev_rank
     FROM u LEFT JOIN p ON p.unit = u.unit
     ORDER BY p.value IS NULL, isnan(p.value), p.value DESC, u.ord`,
    [...townScope.params, year, year - 1, ...scope.params, year, year, year, year, year - 1, year - 1],
  );
  // towns are named from the towns table (labelTowns), areas from the division names
  return f.level === 'town' ? labelTowns(db, rows) : labelAreas(rows, f.level);
}

/**
 * Rank a subset of rows fetched for all towns, as the query would have ranked the subset itself:
 * ties share a rank (1 + the number of greater values), rows without a value are unranked; the
 * same for last year's values. Order is kept (the query's order: value descending, then the
 * ratios without a base, then 未报告; each in official order).
 */
export function rerank(rows: readonly RankingRow[]): RankingRow[] {
  const sorted = (vs: (number | null)[]) => vs.filter(isRankable).sort((a, b) => b - a);
  const cur = sorted(rows.map((r) => r.value));
  const prev = sorted(rows.map((r) => r.prev_value));
  // 1 + how many values are greater: the first index in the descending list whose value is <= v
  const rankIn = (values: number[], v: number | null) => {
    if (!isRankable(v)) return null;
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
