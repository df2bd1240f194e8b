/**
 * Values stated approximately (一百余条, 约 300 人次): kept in the reports as the number stated, and
 * listed here by town, year and metric, so that every view can mark them (约) and say when a total
 * includes them. Only imported report documents bring such marks; the table is rewritten with
 * the imports (never spliced: the rows are bound parameters).
 */
import type { SqlClient } from './sql.ts';

/** By report key, the metric ids stated approximately. */
export type ApproximateMarks = ReadonlyMap<string, readonly string[]>;

export const APPROXIMATE = 'approximate_values';

/** The report key `town_key@year` as its two parts. */
function splitKey(key: string): { town_key: string; year: number } | null {
  const at = key.lastIndexOf('@');
  const year = Number(key.slice(at + 1));
  return at > 0 && Number.isInteger(year) ? { town_key: key.slice(0, at), year } : null;
}

export async function replaceApproximate(sql: SqlClient, marks: ApproximateMarks | undefined): Promise<void> {
  await sql.exec(`CREATE OR REPLACE TABLE ${APPROXIMATE} (town_key VARCHAR NOT NULL, year SMALLINT NOT NULL, metric VARCHAR NOT NULL)`);
  for (const [key, ids] of marks ?? []) {
    const k = splitKey(key);
    if (!k) continue;
    for (const id of ids) await sql.query(`INSERT INTO ${APPROXIMATE} VALUES (?, ?, ?)`, [k.town_key, k.year, id]);
  }
}

/** For a year and some metrics: by town key, which of them the town's report states approximately. */
export async function approximateCells(sql: SqlClient, year: number, metrics: readonly string[]): Promise<Map<string, string[]>> {
  if (metrics.length === 0) return new Map();
  const rows = await sql.query<{ town_key: string; metric: string }>(
    `SELECT town_key, metric FROM ${APPROXIMATE} WHERE year = ? AND metric IN (${metrics.map(() => '?').join(', ')}) ORDER BY town_key, metric`,
    [year, ...metrics],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.town_key, [...(out.get(r.town_key) ?? []), r.metric]);
  return out;
}

/** The metrics one report (a town's, for a year) states approximately. */
export async function approximateOfReport(sql: SqlClient, townKey: string, year: number): Promise<Set<string>> {
  const rows = await sql.query<{ metric: string }>(`SELECT metric FROM ${APPROXIMATE} WHERE town_key = ? AND year = ?`, [townKey, year]);
  return new Set(rows.map((r) => r.metric));
}
