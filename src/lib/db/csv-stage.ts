/**
 * DuckDB reads an imported CSV itself ("staging") while the import worker reads and checks the
 * same file in JS. The worker's reading decides everything: which rows are reports, their
 * identity (names matched to the division list), every issue. The staged table only supplies the
 * metric values of the rows the worker accepted, and only once a checksum of each accepted row's
 * values (ingest/checksum.ts) agrees between the two readings; otherwise the values go through
 * Arrow as before. Measured on a country's file (290,000 reports × 236 metrics) in DuckDB-WASM:
 * appending the values through Arrow took ~5 s and writing them into the compressed store ~1.5 s
 * more, longer than DuckDB's read_csv of the whole file; copying staged values inside DuckDB
 * avoids the first part entirely.
 *
 * Every identifier and literal in this SQL is made here (c0, c1, … for the file's columns,
 * catalogue ids, generated table and file names, a delimiter from a fixed list): nothing read
 * from a file is ever spliced in.
 */
import Papa from 'papaparse';
import { METRICS } from '../model/catalogue.ts';
import { sqlIdent } from '../model/measures.ts';
import { checksumSql } from '../ingest/checksum.ts';
import { EMPTY_MARKS } from '../ingest/values.ts';
import { readHeader } from '../ingest/wide-csv.ts';
import type { SqlClient } from './sql.ts';

/** How DuckDB is to read one file: its delimiter and, per column, the type and metric it holds. */
export interface StagePlan {
  delimiter: ',' | ';' | '|' | '\t';
  /** per file column: the metric (index in METRICS) it holds, or null */
  metrics: (number | null)[];
}

const DELIMITERS = [',', ';', '|', '\t'] as const;
const METRIC_INDEX = new Map(METRICS.map((m, i) => [m.id, i]));

/**
 * The plan for a wide CSV whose beginning (`head`, decoded) is given, or null when DuckDB is not
 * to read it (not a wide table of reports, an unusual delimiter). The header is understood as the
 * worker understands it (readHeader).
 */
export function planStage(head: string): StagePlan | null {
  const text = head.replace(/^\ufeff/, '');
  const probe = Papa.parse<string[]>(text, { header: false, preview: 2 });
  const delimiter = DELIMITERS.find((d) => d === probe.meta.delimiter);
  const header = probe.data[0];
  if (!delimiter || !header || header.length < 2) return null;
  const { roles } = readHeader(header, 'staging');
  const has = (field: string) => roles.some((r) => r?.kind === 'identity' && r.field === field);
  if (!has('town') || !has('year')) return null;
  const metrics = roles.map((r) => (r?.kind === 'metric' ? METRIC_INDEX.get(r.def.id)! : null));
  if (!metrics.some((m) => m !== null)) return null;
  return { delimiter, metrics };
}

const column = (i: number) => `c${i}`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * CREATE TABLE `table` from the registered file `file` as the plan says (counts as BIGINT, amounts
 * as DOUBLE, the rest as text), with each row's checksum (ingest/checksum.ts) in column `chk`:
 * computed while DuckDB reads, which runs beside the worker's reading, rather than after it.
 */
export function stageSql(plan: StagePlan, table: string, file: string): string {
  const columns = plan.metrics
    .map((m, i) => `${literal(column(i))}: ${literal(m === null ? 'VARCHAR' : METRICS[m]!.kind === 'amount' ? 'DOUBLE' : 'BIGINT')}`)
    .join(', ');
  const nulls = [...EMPTY_MARKS].map(literal).join(', ');
  return `CREATE TABLE ${table} AS SELECT *, (${checksumSql(metricColumns(plan))}) AS chk
    FROM read_csv(${literal(file)}, header = true, auto_detect = false, delim = ${literal(plan.delimiter)}, quote = '"', escape = '"',
                  columns = {${columns}}, nullstr = [${nulls}])`;
}

/** Where each metric is in the staged table, by METRICS index. */
function metricColumns(plan: StagePlan, prefix = ''): (m: number) => string | null {
  const at = new Map<number, string>();
  plan.metrics.forEach((m, i) => {
    if (m !== null) at.set(m, `${prefix ? `${prefix}.` : ''}${column(i)}`);
  });
  return (m) => at.get(m) ?? null;
}

/**
 * How many of the rows listed in `checks` (columns f, r, sum: file, staged row, expected
 * checksum) the staged table `table` of file `f` lacks or reads with another checksum (`bad`).
 */
export function verifySql(table: string, checks: string, f: number): string {
  return `SELECT CAST(count(*) FILTER (WHERE s.rowid IS NULL OR c.sum <> s.chk) AS INTEGER) AS bad
          FROM ${checks} c LEFT JOIN ${table} s ON s.rowid = c.r
          WHERE c.f = ${f}`;
}

/**
 * Append to `target` the reports listed in `ids` (identity columns as the reports table has them,
 * and f, r: file and staged row) for file `f`: identity from `ids`, metric values from the staged
 * table. Rows go in in the file's order; no ORDER BY, which sorted every wide row (~1 s).
 */
export function loadStagedSql(plan: StagePlan, table: string, ids: string, f: number, target: string): string {
  const at = metricColumns(plan, 's');
  const metrics = METRICS.flatMap((m, k) => {
    const col = at(k);
    return col === null ? [] : [`CAST(${col} AS ${m.kind === 'amount' ? 'DOUBLE' : 'INTEGER'}) AS ${sqlIdent(m.id)}`];
  });
  return `INSERT INTO ${target} BY NAME
          SELECT i.town_key, i.county, i.town, i.town_code, i.year, i.layout, i.source, i.synthetic, i.origin${metrics.length > 0 ? ', ' + metrics.join(', ') : ''}
          FROM ${table} s JOIN ${ids} i ON s.rowid = i.r
          WHERE i.f = ${f}`;
}

/** Read a registered file into a new staged table; false when DuckDB cannot read it as planned. */
export async function stageFile(sql: SqlClient, plan: StagePlan, table: string, file: string): Promise<boolean> {
  try {
    await sql.exec(stageSql(plan, table, file));
    return true;
  } catch {
    await sql.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    return false;
  }
}
