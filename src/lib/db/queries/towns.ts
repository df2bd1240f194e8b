/** The towns and years in the data, a summary of it, and one report's stored values. */
import { METRICS } from '../../model/catalogue.ts';
import type { Report } from '../../model/report.ts';
import { scopeSql, type Scope } from './scope.ts';
import { rememberTownLabels } from './per-town.ts';
import type { Store } from '../store.ts';

export interface DatasetSummary {
  reports: number;
  towns: number;
  years: number[];
  /** the county names reports give (a report without one adds none: the header showed “汶上县、”) */
  counties: string[];
  syntheticReports: number;
}

export async function datasetSummary(db: Store): Promise<DatasetSummary> {
  // one round trip: the lists come back as Arrow list vectors
  const [row] = await db.query<{ reports: number; towns: number; synthetic: number; years: ListLike<number> | null; counties: ListLike<string> | null }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS reports,
            (SELECT CAST(COUNT(*) AS INTEGER) FROM ${db.towns}) AS towns,
            CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic,
            (SELECT list(y ORDER BY y) FROM (SELECT DISTINCT CAST(year AS INTEGER) AS y FROM ${db.reports})) AS years,
            (SELECT list(county ORDER BY code NULLS LAST, county) FROM (SELECT county, MIN(town_code) AS code FROM ${db.reports} WHERE county <> '' GROUP BY county)) AS counties
     FROM ${db.reports}`,
  );
  return {
    reports: row?.reports ?? 0,
    towns: row?.towns ?? 0,
    years: listOf(row?.years).map(Number),
    counties: listOf(row?.counties).map(String),
    syntheticReports: row?.synthetic ?? 0,
  };
}

/** An Arrow list cell (a vector) or a plain array. */
type ListLike<T> = { toArray(): ArrayLike<T> } | T[];
const listOf = <T>(v: ListLike<T> | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : Array.from(v.toArray()));

export interface TownInfo {
  town_key: string;
  /** the name in the town's latest report */
  town: string;
  town_code: string | null;
  county: string;
  /** years with a report */
  reports: number;
}

/** Every town in the data, in official code order (towns without a code last, by name). */
export async function listTowns(db: Store): Promise<TownInfo[]> {
  const generation = db.version; // the towns table's version before reading it
  const rows = await db.query<TownInfo>(
    `SELECT town_key, town, town_code, county, reports FROM ${db.towns} ORDER BY ord`,
  );
  rememberTownLabels(db, rows, generation);
  return rows;
}

/** One report's stored values (identity and every metric column), or null. */
export async function reportValues(db: Store, townKey: string, year: number): Promise<Record<string, unknown> | null> {
  const rows = await db.query(`SELECT * EXCLUDE (origin) FROM ${db.reports} WHERE town_key = ? AND year = ?`, [townKey, year]);
  return rows[0] ?? null;
}

/** Reports in scope as Report objects (identity and every metric), for checks run in JS. */
export async function loadReports(db: Store, from: number, to: number, scope: Scope): Promise<Report[]> {
  const where = scopeSql(scope);
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * EXCLUDE (origin, town_key) FROM ${db.reports} WHERE year BETWEEN ? AND ?${where.sql} ORDER BY town_code NULLS LAST, county, town, year`,
    [from, to, ...where.params],
  );
  return rows.map((r) => ({
    county: r.county as string,
    town: r.town as string,
    town_code: (r.town_code as string | null) ?? null,
    year: Number(r.year),
    layout: (r.layout as Report['layout']) ?? null,
    source: r.source as string,
    synthetic: r.synthetic === true,
    metrics: Object.fromEntries(METRICS.map((m) => [m.id, (r[m.id] as number | null) ?? null])),
  }));
}
