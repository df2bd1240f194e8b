/**
 * Named queries. Values chosen by the user (year, town) are bound as parameters; the only
 * identifiers spliced into SQL are catalogue ids, through the measure compiler.
 */
import { measure, toSql } from '../model/measures.ts';
import { REPORTS } from './reports-table.ts';
import type { SqlClient } from './sql.ts';

export interface DatasetSummary {
  reports: number;
  towns: number;
  years: number[];
  counties: string[];
  syntheticReports: number;
}

export async function datasetSummary(sql: SqlClient): Promise<DatasetSummary> {
  const [totals] = await sql.query<{ reports: number; towns: number; synthetic: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS reports,
            CAST(COUNT(DISTINCT town_key) AS INTEGER) AS towns,
            CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic
     FROM ${REPORTS}`,
  );
  const years = await sql.query<{ year: number }>(`SELECT DISTINCT CAST(year AS INTEGER) AS year FROM ${REPORTS} ORDER BY year`);
  const counties = await sql.query<{ county: string }>(
    `SELECT county FROM ${REPORTS} GROUP BY county ORDER BY MIN(town_code) NULLS LAST, county`,
  );
  return {
    reports: totals?.reports ?? 0,
    towns: totals?.towns ?? 0,
    years: years.map((r) => r.year),
    counties: counties.map((r) => r.county),
    syntheticReports: totals?.synthetic ?? 0,
  };
}

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
}

/**
 * Every town known to the dataset, ranked by a measure for one year: highest first, ties sharing
 * a rank, then the towns that did not report it, in official code order.
 */
export async function ranking(sql: SqlClient, measureId: string, year: number): Promise<RankingRow[]> {
  const expr = toSql(measure(measureId).expr);
  return sql.query<RankingRow>(
    `WITH towns AS (
       SELECT town_key, arg_max(town, year) AS town, arg_max(town_code, year) AS town_code, arg_max(county, year) AS county
       FROM ${REPORTS} GROUP BY town_key
     ), y AS (
       SELECT town_key, ${expr} AS value, synthetic, source FROM ${REPORTS} WHERE year = ?
     )
     SELECT t.town_key, t.town, t.town_code, t.county,
            y.value,
            CASE WHEN y.value IS NULL THEN NULL
                 ELSE CAST(RANK() OVER (ORDER BY y.value DESC NULLS LAST) AS INTEGER) END AS rank,
            y.town_key IS NOT NULL AS reported,
            y.synthetic, y.source
     FROM towns t LEFT JOIN y ON y.town_key = t.town_key
     ORDER BY y.value DESC NULLS LAST, t.town_code NULLS LAST, t.town`,
    [year],
  );
}

/** One report's stored values, for checks and the town detail view. */
export async function reportValues(sql: SqlClient, townKey: string, year: number): Promise<Record<string, unknown> | null> {
  const rows = await sql.query(`SELECT * FROM ${REPORTS} WHERE town_key = ? AND year = ?`, [townKey, year]);
  return rows[0] ?? null;
}
