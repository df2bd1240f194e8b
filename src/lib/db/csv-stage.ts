/**
 * DuckDB reads an imported CSV itself ("staging") while the import worker reads and checks the
 * same file in JS. The worker's reading decides everything: which rows are reports, their
 * identity (names matched to the division list), every issue. The staged table supplies the
 * metric values of the rows the worker accepted, only once a checksum of each accepted row's
 * values (ingest/checksum.ts) agrees between the two readings (otherwise the values go through
 * Arrow as before), and the identity of those whose identity cells DuckDB reads as the worker
 * does (readAsStaged). Measured on a country's file (290,000 reports × 236 metrics) in DuckDB-WASM:
 * appending the values through Arrow took ~5 s and writing them into the compressed store ~1.5 s
 * more, longer than DuckDB's read_csv of the whole file; copying the staged values into a new
 * store inside DuckDB still took ~5 s. So the staged table is read in the store's layout and, at
 * the load, becomes the store itself: the rows whose identity DuckDB read otherwise get the
 * worker's (adoptStagedSql, one UPDATE), the rows not taken are deleted (dropRowsSql), an empty
 * source becomes the file's name (fillSourceSql); the values of other files imported with it are
 * copied into it (loadStagedSql).
 *
 * The one text from outside in this SQL, the file's name, is a parameter (fillSourceSql). Every
 * other identifier and literal in this SQL is made here (c0, c1, … for the file's columns,
 * catalogue ids, generated table and file names, a delimiter from a fixed list): nothing read
 * from a file is ever spliced in.
 */
import Papa from 'papaparse';
import { METRICS } from '../model/catalogue.ts';
import { sqlIdent } from '../model/measures.ts';
import { checksumSql } from '../ingest/checksum.ts';
import { EMPTY_MARKS } from '../ingest/values.ts';
import { readHeader } from '../ingest/wide-csv.ts';
import { SYNTHETIC_SPELLINGS } from '../ingest/staged-identity.ts';
import { IDENTITY_COLUMNS, metricType } from './reports-layout.ts';
import type { IdentityField } from '../model/report.ts';

/** How DuckDB is to read one file: its delimiter and, per column, the type and metric it holds. */
export interface StagePlan {
  delimiter: ',' | ';' | '|' | '\t';
  /** per file column: the metric (index in METRICS) it holds, or null */
  metrics: (number | null)[];
  /** the file column of each identity field the file has */
  identity: Partial<Record<IdentityField, number>>;
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
  const identity: StagePlan['identity'] = {};
  roles.forEach((r, i) => {
    if (r?.kind === 'identity') identity[r.field] = i;
  });
  return { delimiter, metrics, identity };
}

const column = (i: number) => `c${i}`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;


/**
 * How stageSql reads each identity field from its column `c` (null: the file has no such column).
 * Text is taken as it is in the cell; an empty cell, like a 未报告 mark such as `-`, is NULL
 * (nullstr), read here as ''. (Not force_not_null: DuckDB applied it to the wrong columns when a
 * column before them was not read.) The load corrects every row the worker read otherwise
 * (readAsStaged).
 */
const STAGED_IDENTITY: Record<IdentityField, (c: string | null) => string> = {
  county: (c) => (c ? `coalesce(${c}, '')` : `''`),
  town: (c) => (c ? `coalesce(${c}, '')` : `''`),
  town_code: (c) => c ?? 'CAST(NULL AS VARCHAR)',
  year: (c) => (c ? `TRY_CAST(${c} AS SMALLINT)` : 'CAST(NULL AS SMALLINT)'),
  layout: (c) => c ?? 'CAST(NULL AS VARCHAR)',
  // an empty source is the file's name (fillSourceSql at the load)
  source: (c) => c ?? 'CAST(NULL AS VARCHAR)',
  synthetic: (c) => (c ? `CASE coalesce(${c}, '') ${[...SYNTHETIC_SPELLINGS].map(([k, v]) => `WHEN ${literal(k)} THEN ${v}`).join(' ')} END` : 'false'),
};

/** How a staged row's report key is made from its identity, as model/report.ts townKey makes it. */
const townKeySql = (t: string) => `CASE WHEN coalesce(${t}.town_code, '') <> '' THEN 'code:' || ${t}.town_code ELSE 'name:' || ${t}.county || '/' || ${t}.town END`;

/**
 * CREATE TABLE `table` from the registered file `file` as the plan says, in the layout of the
 * reports table (reports-table.ts): the identity columns as the cells have them (STAGED_IDENTITY;
 * the load corrects the rows the worker read otherwise), then every catalogue metric (NULL where
 * the file has no column for it). Counts and changes are read as INTEGER, amounts as DOUBLE, as
 * the table stores them (a count beyond INTEGER, which the worker rejects anyway, makes DuckDB
 * refuse the file: it is then loaded from the worker's reading); other columns are not kept. A
 * staged table whose rows the load takes (most often all of them) thereby becomes the new reports
 * table without a copy, and most often without an identity written (adoptStagedSql).
 *
 * With `rejects` (table names made by the caller), a row with a cell DuckDB cannot read as its
 * column's type (`１２`, `1,234`, `x`) or with the wrong number of cells is left out of the table
 * and listed, with its line, in `rejects.table` (rejectedLinesSql) instead of failing the file.
 */
export function stageSql(plan: StagePlan, table: string, file: string, rejects?: { table: string; scan: string }): string {
  const columns = plan.metrics
    .map((m, i) => `${literal(column(i))}: ${literal(m === null ? 'VARCHAR' : metricType(METRICS[m]!.kind))}`)
    .join(', ');
  const at = metricColumns(plan);
  const identity = IDENTITY_COLUMNS.flatMap(([name]) => {
    if (name === 'town_key') return [];
    if (name === 'origin') return [`CAST('imported' AS VARCHAR) AS origin`];
    const i = plan.identity[name];
    return [`${STAGED_IDENTITY[name](i === undefined ? null : column(i))} AS ${name}`];
  });
  const metrics = METRICS.map((m, k) => `${at(k) ?? `CAST(NULL AS ${metricType(m.kind)})`} AS ${sqlIdent(m.id)}`);
  return `CREATE TABLE ${table} AS SELECT ${townKeySql('s')} AS town_key, s.* FROM (SELECT ${[...identity, ...metrics].join(', ')}
    FROM ${readCsvSql(file, plan.delimiter, `{${columns}}`, rejects ? `store_rejects = true, rejects_table = ${literal(rejects.table)}, rejects_scan = ${literal(rejects.scan)}` : '')}) s`;
}

/**
 * How the staging has DuckDB read a registered file: a header row, the given delimiter, RFC 4180
 * quotes, the given column types (`columns`, a struct literal made here), every 未报告 mark as
 * NULL; `extra` adds options (tests add ignore_errors). Nothing from the file is spliced in.
 */
export function readCsvSql(file: string, delimiter: StagePlan['delimiter'], columns: string, extra = ''): string {
  const nulls = [...EMPTY_MARKS].map(literal).join(', ');
  return `read_csv(${literal(file)}, header = true, auto_detect = false, delim = ${literal(delimiter)}, quote = '"', escape = '"',
                  columns = ${columns}, nullstr = [${nulls}]${extra ? `, ${extra}` : ''})`;
}

/** The lines (the header is line 1) of the rows a staging with `rejects` left out, in order. */
export const rejectedLinesSql = (rejects: string) => `SELECT list(DISTINCT CAST(line AS INTEGER) ORDER BY CAST(line AS INTEGER)) AS lines FROM ${rejects}`;

/**
 * CREATE TABLE `checks` with each row of the staged table `table` (r: its rowid) and the checksum
 * of its values as stored (chk, ingest/checksum.ts), for verifyStage (db/stage.ts). Run right
 * after staging, while the worker is still reading: in the CREATE TABLE of the stage itself it
 * cost ~2 s more.
 */
export function checksumTableSql(plan: StagePlan, table: string, checks: string): string {
  const present = new Set(plan.metrics.filter((m): m is number => m !== null));
  return `CREATE TABLE ${checks} AS SELECT CAST(rowid AS INTEGER) AS r, (${checksumSql((k) => (present.has(k) ? sqlIdent(METRICS[k]!.id) : null))}) AS chk FROM ${table}`;
}

/** Where each metric is in the file's columns (c0, c1, …), by METRICS index. */
function metricColumns(plan: StagePlan): (m: number) => string | null {
  const at = new Map<number, string>();
  plan.metrics.forEach((m, i) => {
    if (m !== null) at.set(m, column(i));
  });
  return (m) => at.get(m) ?? null;
}

/**
 * The checksums of a staged file's rows (`checks`, checksumTableSql) as one list in row order
 * (chk), with how many rows there are (n) and the first and last row number (lo, hi).
 */
export const checksumListSql = (checks: string) =>
  `SELECT list(chk ORDER BY r) AS chk, CAST(count(*) AS INTEGER) AS n, CAST(min(r) AS INTEGER) AS lo, CAST(max(r) AS INTEGER) AS hi FROM ${checks}`;

/**
 * The identity columns of a staged load, from the table of identities aliased `i` (which has all
 * but town_key and origin): town_key made as model/report.ts townKey makes it; origin is the
 * staged table's own ('imported').
 */
const IDENTITY_VALUES: readonly (readonly [string, string])[] = IDENTITY_COLUMNS.filter(([name]) => name !== 'origin').map(([name]) => [
  name,
  name === 'town_key' ? townKeySql('i') : `i.${name}`,
]);

/**
 * Append to `target` the reports listed in `ids` (identity columns as the reports table has them
 * but town_key and origin, and f, r: file and staged row) for file `f`: identity from `ids`,
 * metric values from the staged table. Rows go in in the file's order; no ORDER BY, which sorted
 * every wide row (~1 s).
 */
export function loadStagedSql(table: string, ids: string, f: number, target: string): string {
  return `INSERT INTO ${target} BY NAME
          SELECT ${IDENTITY_VALUES.map(([name, value]) => `${value} AS ${name}`).join(', ')}, s.origin, ${METRICS.map((m) => `s.${sqlIdent(m.id)}`).join(', ')}
          FROM ${table} s JOIN ${ids} i ON s.rowid = i.r
          WHERE i.f = ${f}`;
}

/**
 * Give the rows of the staged table `table` of file `f` listed in `ids` their identity as the
 * worker read it (the rows stageSql did not read so): a step of making it a reports table in place
 * (startAdoptSql is the first, dropRowsSql and fillSourceSql the last). The values are not
 * copied: this is what makes loading a country's file cost about as much as reading it.
 */
export function adoptStagedSql(table: string, ids: string, f: number): string {
  // rowid: the staged row, as verifyStage compares it; no row has been deleted yet
  return `UPDATE ${table} SET ${IDENTITY_VALUES.map(([name, value]) => `${name} = ${value}`).join(', ')}
          FROM ${ids} i WHERE ${table}.rowid = i.r AND i.f = ${f}`;
}

/** The first step of adopting a staged table: its checksums go (verifyStage is done). */
export const startAdoptSql = (checks: string) => `DROP TABLE IF EXISTS ${checks}`;

/**
 * A last step, once every report is in an adopted staged table: delete the staged rows the load
 * does not take (rejected by the worker, or not taken), listed in `drop` (column r: the staged row).
 */
export const dropRowsSql = (table: string, drop: string) => `DELETE FROM ${table} WHERE rowid IN (SELECT r FROM ${drop})`;

/**
 * The other last step: the source of a report whose source cell was empty is the file's name, as
 * the worker has it; the name is the statement's one parameter (never spliced in).
 */
export const fillSourceSql = (table: string) => `UPDATE ${table} SET source = ? WHERE source IS NULL`;
