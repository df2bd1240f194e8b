/**
 * Per-unit values for one year: every unit of the frame's level in scope (official order), with
 * computed columns from catalogue expressions. At 镇街 a unit is a town and its values are its
 * report's; above it (县区, 地市, 省) the values are aggregated over the towns' reports as totals
 * are (sums; ratios as sum over sum). Units without a report for the year come back with
 * `reported` false and empty values, so that charts can list them as 未报告 rather than drop them.
 */
import { toSql, type Expr } from '../../model/measures.ts';
import { areaName, parentArea, type Level } from '../../model/levels.ts';
import type { Store } from '../store.ts';
import { alias, scopeSql, unitSql, type Frame } from './scope.ts';
import { aggregateColumns } from './totals.ts';

export interface TownRowBase {
  /** the unit key: a town key at 镇街, an area key above (see model/levels.ts) */
  town_key: string;
  /** the unit's name: the town's latest name; for areas filled in by the caller (areaName) */
  town: string;
  /** a town's code; an area's code prefix */
  town_code: string | null;
  county: string;
  reported: boolean;
  /** reports behind the row (0 or 1 for a town) */
  reports: number;
  /** of which synthetic */
  synthetic_reports: number;
  synthetic: boolean | null;
  source: string | null;
}

export type TownRow<K extends string> = TownRowBase & Record<K, number | null>;

/**
 * The units of a level among the towns in scope (`townScope`: conditions on towns aliased `t`):
 * unit key, official order, first code, first county and (for a town) its name.
 */
export function unitsSql(db: Store, level: Level, townScope: string): string {
  // the towns table has one row per town: nothing to group at 镇街 (a country's towns: ~100 ms)
  if (level === 'town') return `SELECT t.town_key AS unit, t.ord, t.town_code AS code, t.county, t.town AS name FROM ${db.towns} t WHERE TRUE${townScope}`;
  return `SELECT ${unitSql(level, 't')} AS unit, MIN(t.ord) AS ord, MIN(t.town_code) AS code,
                 arg_min(t.county, t.ord) AS county, arg_min(t.town, t.ord) AS name
          FROM ${db.towns} t WHERE TRUE${townScope} GROUP BY 1`;
}

/**
 * One value of `expr` per unit and year among the reports `where` selects (its `?` bound by the
 * caller): a town's is its report's, an area's is aggregated over its towns' reports. With the
 * reports behind each value, how many are synthetic, and the source when they share one.
 */
export function unitYearValuesSql(db: Store, level: Level, expr: Expr, where: string): string {
  if (level === 'town')
    return `SELECT town_key AS unit, year, ${toSql(expr)} AS value, 1 AS reports, CAST(synthetic AS INTEGER) AS synthetic_reports, source
            FROM ${db.reports} WHERE ${where}`;
  const { inner, outer } = aggregateColumns({ value: expr });
  return `SELECT unit, year, ${outer.join(', ')}, CAST(COUNT(*) AS INTEGER) AS reports,
                 CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic_reports,
                 CASE WHEN COUNT(DISTINCT source) = 1 THEN MIN(source) END AS source
          FROM (SELECT ${unitSql(level)} AS unit, year, synthetic, source, ${inner.join(', ')} FROM ${db.reports} WHERE ${where})
          GROUP BY unit, year`;
}

export async function perTown<K extends string>(
  db: Store,
  year: number,
  frame: Frame,
  columns: Readonly<Record<K, Expr>>,
): Promise<TownRow<K>[]> {
  return frame.level === 'town' ? perTownRows(db, year, frame, columns) : perAreaRows(db, year, frame, columns);
}

async function perTownRows<K extends string>(db: Store, year: number, frame: Frame, columns: Readonly<Record<K, Expr>>) {
  const scope = scopeSql(frame);
  const townScope = scopeSql(frame, 't');
  const cols = Object.entries<Expr>(columns).map(([k, e]) => `${toSql(e)} AS ${alias(k)}`);
  const out = Object.keys(columns).map((k) => `y.${alias(k)}`);
  return db.query<TownRow<K>>(
    `WITH y AS (
       SELECT town_key, synthetic, source${cols.length > 0 ? ', ' + cols.join(', ') : ''}
       FROM ${db.reports} WHERE year = ?${scope.sql}
     )
     SELECT t.town_key, t.town, t.town_code, t.county, y.town_key IS NOT NULL AS reported,
            CAST(y.town_key IS NOT NULL AS INTEGER) AS reports, CAST(coalesce(y.synthetic, false) AS INTEGER) AS synthetic_reports,
            y.synthetic, y.source
            ${out.length > 0 ? ', ' + out.join(', ') : ''}
     FROM ${db.towns} t LEFT JOIN y ON y.town_key = t.town_key
     WHERE TRUE${townScope.sql}
     ORDER BY t.ord`,
    [year, ...scope.params, ...townScope.params],
  );
}

interface TownLabel {
  town: string;
  town_code: string | null;
  county: string;
}

const labelCache = new WeakMap<Store, { generation: number; labels: Map<string, TownLabel> }>();

/**
 * Remember rows read from the whole towns table (its version taken before reading) as the labels
 * of that version; listTowns does, so that the first ranking needs no query of its own. Rows read
 * while the table changed are not kept.
 */
export function rememberTownLabels(db: Store, rows: readonly (TownLabel & { town_key: string })[], generation: number): Map<string, TownLabel> {
  const labels = new Map(rows.map((r) => [r.town_key, { town: r.town, town_code: r.town_code, county: r.county }]));
  if (generation === db.version) labelCache.set(db, { generation, labels });
  return labels;
}

/** Every town's name, code and county by key, read once per version of the towns table. */
async function townLabels(db: Store, reread = false): Promise<Map<string, TownLabel>> {
  const hit = labelCache.get(db);
  if (!reread && hit && hit.generation === db.version) return hit.labels;
  const generation = db.version;
  const rows = await db.query<TownLabel & { town_key: string }>(`SELECT town_key, town, town_code, county FROM ${db.towns}`);
  return rememberTownLabels(db, rows, generation);
}

/**
 * Fill in the name, code and county of town rows queried by key alone. A country's 41,352 towns
 * come back from a query ~100 ms sooner without three strings each, and the names change only
 * with the data.
 */
export async function labelTowns<R extends { town_key: string; town: string; town_code: string | null; county: string }>(db: Store, rows: R[]): Promise<R[]> {
  let labels = await townLabels(db);
  if (rows.some((r) => !labels.has(r.town_key))) labels = await townLabels(db, true);
  for (const r of rows) {
    const l = labels.get(r.town_key);
    r.town = l?.town ?? r.town_key;
    r.town_code = l?.town_code ?? null;
    r.county = l?.county ?? '';
  }
  return rows;
}

/** Name area rows (their `town` is the unit key as queried) and put their parent area in `county`. */
export function labelAreas<R extends { town_key: string; town: string; county: string }>(rows: R[], level: Level): R[] {
  if (level === 'town') return rows;
  for (const r of rows) {
    const county = r.county;
    const parent = parentArea(r.town_key);
    r.town = areaName(r.town_key, () => county);
    r.county = parent === null ? '' : areaName(parent);
  }
  return rows;
}

async function perAreaRows<K extends string>(db: Store, year: number, frame: Frame, columns: Readonly<Record<K, Expr>>) {
  const scope = scopeSql(frame);
  const townScope = scopeSql(frame, 't');
  const { inner, outer } = aggregateColumns(columns);
  const out = Object.keys(columns).flatMap((k) => [`y.${alias(k)}`, `coalesce(y.n_${alias(k)}, 0) AS n_${alias(k)}`]);
  const rows = await db.query<TownRow<K>>(
    `WITH u AS (${unitsSql(db, frame.level, townScope.sql)}), y AS (
       SELECT unit, CAST(COUNT(*) AS INTEGER) AS reports, CAST(COUNT(*) FILTER (WHERE synthetic) AS INTEGER) AS synthetic_reports,
              CASE WHEN COUNT(DISTINCT source) = 1 THEN MIN(source) END AS source
              ${outer.length > 0 ? ', ' + outer.join(', ') : ''}
       FROM (SELECT ${unitSql(frame.level)} AS unit, synthetic, source${inner.length > 0 ? ', ' + inner.join(', ') : ''}
             FROM ${db.reports} WHERE year = ?${scope.sql})
       GROUP BY unit
     )
     SELECT u.unit AS town_key, u.unit AS town, u.code AS town_code, u.county,
            y.unit IS NOT NULL AS reported, coalesce(y.reports, 0) AS reports, coalesce(y.synthetic_reports, 0) AS synthetic_reports,
            y.synthetic_reports > 0 AS synthetic, y.source
            ${out.length > 0 ? ', ' + out.join(', ') : ''}
     FROM u LEFT JOIN y ON y.unit = u.unit
     ORDER BY u.ord`,
    [...townScope.params, year, ...scope.params],
  );
  return labelAreas(rows, frame.level);
}
