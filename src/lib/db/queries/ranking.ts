/**
 * Towns ranked by a measure for a year, with last year's value and rank among the same towns.
 * Ties share a rank; towns that did not report the value are unranked and listed last.
 */
import { measure, toSql } from '../../model/measures.ts';
import { REPORTS, TOWNS } from '../reports-table.ts';
import type { SqlClient } from '../sql.ts';
import { scopeSql, type TownScope } from './scope.ts';

export interface RankingRow {
  town_key: string;
  town: string;
  town_code: string | null;
  county: string;
  /** null when the town did not report the value (未报告) */
  value: number | null;
  /** 1-based; ties share a rank; null when not reported */
  rank: number | null;
  /** whether the town has a report for the year at all */
  reported: boolean;
  synthetic: boolean | null;
  source: string | null;
  prev_value: number | null;
  prev_rank: number | null;
}

export async function ranking(sql: SqlClient, measureId: string, year: number, towns: TownScope = null): Promise<RankingRow[]> {
  const expr = toSql(measure(measureId).expr);
  const scope = scopeSql(towns);
  const townScope = scopeSql(towns, 't.town_key');
  // One scan over both years, ranked per year; the town list comes from the towns table.
  return sql.query<RankingRow>(
    `WITH r AS (
       SELECT town_key, year, value, synthetic, source,
              CASE WHEN value IS NULL THEN NULL
                   ELSE CAST(RANK() OVER (PARTITION BY year ORDER BY value DESC NULLS LAST) AS INTEGER) END AS rank
       FROM (SELECT town_key, year, ${expr} AS value, synthetic, source FROM ${REPORTS} WHERE year IN (?, ?)${scope.sql})
     )
     SELECT t.town_key, t.town, t.town_code, t.county,
            cur.value, cur.rank, cur.town_key IS NOT NULL AS reported, cur.synthetic, cur.source,
            prev.value AS prev_value, prev.rank AS prev_rank
     FROM ${TOWNS} t
     LEFT JOIN r cur ON cur.town_key = t.town_key AND cur.year = ?
     LEFT JOIN r prev ON prev.town_key = t.town_key AND prev.year = ?
     WHERE TRUE${townScope.sql}
     ORDER BY cur.value DESC NULLS LAST, t.ord`,
    [year, year - 1, ...scope.params, year, year - 1, ...townScope.params],
  );
}
