/**
 * Towns ranked by a measure for a year, with last year's value and rank among the same towns.
 * Ties share a rank; towns that did not report the value are unranked and listed last.
 */
import { measure, toSql } from '../../model/measures.ts';
import { REPORTS } from '../reports-table.ts';
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
  const rankedYear = `
       SELECT *, CASE WHEN value IS NULL THEN NULL
                      ELSE CAST(RANK() OVER (ORDER BY value DESC NULLS LAST) AS INTEGER) END AS rank
       FROM (SELECT town_key, ${expr} AS value, synthetic, source FROM ${REPORTS} WHERE year = ?${scope.sql})`;
  return sql.query<RankingRow>(
    `WITH towns AS (
       SELECT town_key, arg_max(town, year) AS town, arg_max(town_code, year) AS town_code, arg_max(county, year) AS county
       FROM ${REPORTS} WHERE TRUE${scope.sql} GROUP BY town_key
     ),
     cur AS (${rankedYear}),
     prev AS (${rankedYear})
     SELECT t.town_key, t.town, t.town_code, t.county,
            cur.value, cur.rank, cur.town_key IS NOT NULL AS reported, cur.synthetic, cur.source,
            prev.value AS prev_value, prev.rank AS prev_rank
     FROM towns t
     LEFT JOIN cur ON cur.town_key = t.town_key
     LEFT JOIN prev ON prev.town_key = t.town_key
     ORDER BY cur.value DESC NULLS LAST, t.town_code NULLS LAST, t.county, t.town`,
    [...scope.params, year, ...scope.params, year - 1, ...scope.params],
  );
}
