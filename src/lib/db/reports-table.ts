/**
 * The `reports` table: one row per report, identity columns then one typed column per catalogue
 * metric (INTEGER for counts and changes, DOUBLE for 万元 amounts). DuckDB stores it by column,
 * so a query for one metric reads one column however wide the catalogue is, and the mostly-zero
 * table columns compress well: the same layout serves 15 towns and 290,000 reports.
 */
import { Float64, Int16, Int32, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import { boolVector, dictionaryVector, int32Vector, utf8Vector } from './arrow-columns.ts';
import { partLength, selectRows, setFromReports, sliceRows, type ReportColumns, type ReportSet, type SetPart } from '../ingest/columns.ts';
import { METRICS } from '../model/catalogue.ts';
import { sqlIdent } from '../model/measures.ts';
import { townKey, type Report } from '../model/report.ts';
import type { SqlClient } from './sql.ts';
import type { Store } from './store.ts';
import { adoptStagedSql, dropRowsSql, fillSourceSql, loadStagedSql, startAdoptSql } from './csv-stage.ts';
import { IDENTITY_COLUMNS, metricType } from './reports-layout.ts';

/** Where a report came from: the embedded dataset or a user's import. */
export type Origin = 'embedded' | 'imported';

/**
 * The tables live in an attached in-memory database of their own (store.ts), compressed when the
 * data is large: DuckDB does not compress its default in-memory database, and a country's
 * reports (mostly 0) shrink to a few percent of their size, while for a county the compression
 * costs every query more than it saves. The exception is an import DuckDB read itself
 * (db/stage.ts): its table becomes the store as it was read, uncompressed, because reading into
 * a compressed one made the import slower; the next visit loads the same reports from the
 * browser's storage into a compressed store. (Figures: docs/performance.md.)
 */
/** Above this many reports the store is compressed. */
export const COMPRESS_ABOVE = 20_000;

const attachStore = (database: string, compress: boolean) => `ATTACH IF NOT EXISTS ':memory:' AS ${database}${compress ? ' (COMPRESS)' : ''}`;

const createReports = (table: string) => `CREATE TABLE IF NOT EXISTS ${table} (
  ${[
    ...IDENTITY_COLUMNS.map(([name, type, required]) => `${name} ${type}${required ? ' NOT NULL' : ''}`),
    ...METRICS.map((m) => `${sqlIdent(m.id)} ${metricType(m.kind)}`),
  ].join(',\n  ')}
)`;

let stores = 0;

/**
 * Rebuild the towns table: one row per town with its latest name, official order and number of
 * reports, kept beside `reports` so that queries listing every town (including those without a
 * report in a year) do not regroup the reports. The store's version is bumped before and after.
 */
export async function refreshTowns(store: Store): Promise<void> {
  store.touch();
  try {
    await refreshTownsTable(store);
  } finally {
    store.touch();
  }
}

async function refreshTownsTable(store: Store): Promise<void> {
  await store.exec(
    `CREATE OR REPLACE TABLE ${store.towns} AS
     SELECT town_key, town, town_code, county, CAST(row_number() OVER (ORDER BY town_code NULLS LAST, county, town) AS INTEGER) AS ord, reports
     FROM (SELECT town_key, arg_max(town, year) AS town, arg_max(town_code, year) AS town_code, arg_max(county, year) AS county,
                  CAST(count(*) AS INTEGER) AS reports
           FROM ${store.reports} GROUP BY town_key)`,
  );
}

/** The towns table before any report is inserted (refreshTowns replaces it). */
const createTowns = (table: string) => `CREATE TABLE IF NOT EXISTS ${table} (town_key VARCHAR, town VARCHAR, town_code VARCHAR, county VARCHAR, ord INTEGER, reports INTEGER)`;

/** Create the store and its (empty) tables, in one round trip to the database worker. */
export async function createReportsTable(store: Store, expectedReports = 0): Promise<void> {
  await store.exec(`${attachStore(store.database, expectedReports > COMPRESS_ABOVE)}; ${createReports(store.reports)}; ${createTowns(store.towns)};`);
}

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => b.toString(2).replace(/0/g, '').length);

/** Nulls among the first n bits of a validity bitmap. */
function nullCount(valid: Uint8Array, n: number): number {
  let set = 0;
  const full = n >> 3;
  for (let i = 0; i < full; i++) set += POPCOUNT[valid[i]!]!;
  if (n & 7) set += POPCOUNT[valid[full]! & ((1 << (n & 7)) - 1)]!;
  return n - set;
}

/**
 * The identity columns of `reports` for rows of `c`, as Arrow vectors in the table's order; those
 * with few distinct values dictionary-encoded. Without `origin` (null), also without `town_key`:
 * a staged load has its origin and makes the key in SQL (csv-stage.ts).
 */
function identityVectors(c: ReportColumns, rows: ArrayLike<number>, origin: Origin | null): Record<string, Vector> {
  const n = rows.length;
  const pick = <T>(col: readonly T[]) => Array.from({ length: n }, (_, k) => col[rows[k]!]!);
  const county = pick(c.county);
  const town = pick(c.town);
  const code = pick(c.town_code);
  const year = new Int16Array(n);
  const synthetic = new Array<boolean>(n);
  for (let k = 0; k < n; k++) {
    year[k] = c.year[rows[k]!]!;
    synthetic[k] = c.synthetic[rows[k]!] === 1;
  }
  return {
    ...(origin ? { town_key: utf8Vector(code.map((town_code, k) => townKey({ county: county[k]!, town: town[k]!, town_code }))) } : {}),
    county: dictionaryVector(county),
    // a town's name and code repeat in its years' consecutive rows: cheap to encode as a dictionary
    town: dictionaryVector(town),
    town_code: dictionaryVector(code),
    year: makeVector(makeData({ type: new Int16(), length: n, data: year, nullCount: 0 })),
    layout: dictionaryVector(pick(c.layout)),
    source: dictionaryVector(pick(c.source)),
    synthetic: boolVector(synthetic),
    ...(origin ? { origin: dictionaryVector(new Array<string>(n).fill(origin)) } : {}),
  };
}

const allRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** Report columns → an Arrow table whose columns match `reports`; metric arrays are used as they are. */
export function columnsToArrow(c: ReportColumns, origin: Origin): Table {
  const n = c.length;
  const columns: Record<string, Vector> = identityVectors(c, allRows(n), origin);
  METRICS.forEach((m, k) => {
    const col = c.metrics[k]!;
    const base = { length: n, nullBitmap: col.valid, nullCount: nullCount(col.valid, n) };
    columns[m.id] =
      m.kind === 'amount'
        ? makeVector(makeData({ type: new Float64(), data: (col.values as Float64Array).subarray(0, n), ...base }))
        : makeVector(makeData({ type: new Int32(), data: (col.values as Int32Array).subarray(0, n), ...base }));
  });
  return new Table(columns);
}

/** A part of a set to load, with the origin its rows are given. */
export interface LoadPart extends SetPart {
  origin: Origin;
}

/**
 * Imported reports whose metric values DuckDB has read itself (db/csv-stage.ts), checked against
 * the worker's reading: for row i of `set` (the reports read), the staged file `f[i]` (-1: its
 * values are not staged), the row `r[i]` in it, and whether DuckDB read its identity as the worker
 * did (`asRead[i]` = 1: csv-stage.ts readAsStaged); per staged file, its table, its name and how
 * many rows it has. By row rather than by report key: a map of a country's 290,000 keys took
 * ~0.2 s to build.
 */
export interface LoadStage {
  files: readonly { f: number; name: string; db: string; table: string; checks: string; rows: number }[];
  set: ReportSet;
  f: Int32Array;
  r: Int32Array;
  asRead: Uint8Array | null;
}

/** For row i of `set`, its row in the stage's set (-1: none); by key unless it is that set. */
function stagedRowOf(stage: LoadStage, set: ReportSet): (i: number) => number {
  if (set === stage.set) return (i) => i;
  const at = new Map<string, number>();
  stage.set.keys.forEach((k, j) => {
    if (stage.f[j]! >= 0) at.set(k, j);
  });
  return (i) => at.get(set.keys[i]!) ?? -1;
}

/** Rows per Arrow batch when loading columns: building one is cheap, sending it to DuckDB takes ~0.1 s. */
const COLUMN_BATCH = 32768;

let idTables = 0;

/**
 * Load the rows of an imported part found in the stage: their identity through Arrow (9 columns),
 * their values copied from the staged tables inside DuckDB, except those of the staged file
 * `adopted`, whose table is `target` itself: its rows only get their identity, and only those
 * whose identity DuckDB did not read as the worker did; its rows taken are marked in `taken`.
 * Returns the rows left to load. (The table's row order is not part of its meaning: every query
 * orders what it returns.)
 */
async function appendStaged(sql: SqlClient, target: string, p: LoadPart, stage: LoadStage, adopted: number | null, taken: Uint8Array | null): Promise<number[]> {
  const rows = p.rows ?? allRows(partLength(p));
  const staged: number[] = [];
  const rest: number[] = [];
  const f: number[] = [];
  const r: number[] = [];
  const rowOf = stagedRowOf(stage, p.set);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const j = rowOf(i);
    if (j < 0 || stage.f[j]! < 0) {
      rest.push(i);
      continue;
    }
    if (stage.f[j] === adopted) {
      taken![stage.r[j]!] = 1;
      if (stage.asRead?.[j] === 1) continue;
    }
    staged.push(i);
    f.push(stage.f[j]!);
    r.push(stage.r[j]!);
  }
  if (staged.length === 0) return rest;
  const ids = `load_ids_${++idTables}`;
  const table = new Table({
    ...identityVectors(p.set.columns, staged, null),
    f: int32Vector(f),
    r: int32Vector(r),
  });
  await sql.insertArrow(table, ids);
  try {
    for (const file of stage.files) {
      if (file.f === adopted) await sql.exec(adoptStagedSql(target, ids, file.f));
      else await sql.exec(loadStagedSql(file.table, ids, file.f, target));
    }
  } finally {
    await sql.exec(`DROP TABLE IF EXISTS ${ids}`).catch(() => undefined);
  }
  return rest;
}

/** Append straight into `store.<name>` (columnsToArrow gives the table's columns in its order). */
async function appendParts(
  sql: SqlClient,
  name: string,
  parts: readonly LoadPart[],
  onProgress: ((done: number) => void) | undefined,
  schema: string,
  stage?: LoadStage,
  adopted: number | null = null,
  taken: Uint8Array | null = null,
) {
  const total = parts.reduce((a, p) => a + partLength(p), 0);
  let done = 0;
  for (const part of parts) {
    let p = part;
    if (stage && p.origin === 'imported') {
      const before = partLength(p);
      const rest = await appendStaged(sql, `${schema}.${name}`, p, stage, adopted, taken);
      p = { ...p, rows: Int32Array.from(rest) };
      done += before - rest.length;
      onProgress?.(done / total);
    }
    const n = partLength(p);
    for (let start = 0; start < n; start += COLUMN_BATCH) {
      const end = Math.min(n, start + COLUMN_BATCH);
      const cols = p.rows ? selectRows(p.set.columns, Array.prototype.slice.call(p.rows, start, end) as number[]) : sliceRows(p.set.columns, start, end);
      await sql.appendArrow(columnsToArrow(cols, p.origin), schema, name);
      done += end - start;
      onProgress?.(done / total);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}

/** Append the parts' rows to the reports table. */
export async function insertParts(store: Store, parts: readonly LoadPart[], onProgress?: (done: number) => void): Promise<void> {
  await appendParts(store, 'reports', parts, onProgress, store.database);
  await refreshTowns(store);
}

/**
 * Replace every report by the parts' rows, all or nothing (see replaceAllReports); with a stage,
 * the imported reports found in it take their values from the staged tables.
 */
export async function replaceAllParts(store: Store, parts: readonly LoadPart[], onProgress?: (done: number) => void, stage?: LoadStage): Promise<void> {
  const sql = store.sql;
  // A staged table becomes the new set (the one most rows come from): copying a country's values
  // into a new database took as long as reading them. It is not compressed (db/stage.ts):
  // faster to read into, ~520 MB for a country's reports.
  const adopt = stage ? adoptable(stage, store.database) : null;
  // Otherwise the new set goes into a database of its own, compressed when it is large (a whole
  // country read back from the browser's storage into an uncompressed one would take ~550 MB
  // instead of ~16 MB).
  const total = parts.reduce((a, p) => a + partLength(p), 0);
  const compress = total > COMPRESS_ABOVE;
  const next = adopt ? adopt.db : `store_${++stores}`;
  await sql.exec(
    adopt
      ? `${startAdoptSql(adopt.checks)}; ${createTowns(`${next}.towns`)};`
      : `ATTACH ':memory:' AS ${next}${compress ? ' (COMPRESS)' : ''}; ${createReports(`${next}.reports`)}; ${createTowns(`${next}.towns`)};`,
  );
  try {
    const taken = adopt ? new Uint8Array(adopt.rows) : null;
    await appendParts(sql, 'reports', parts, onProgress, next, stage, adopt?.f ?? null, taken);
    if (adopt) await finishAdopt(sql, `${next}.reports`, adopt, taken!);
  } catch (e) {
    await sql.exec(`DETACH DATABASE IF EXISTS ${next}`).catch(() => undefined);
    throw e;
  }
  // switch: from here on every query reads the new database; the old one is dropped
  const old = store.database;
  store.switchTo(next);
  // (an old database left attached only costs memory until the page is closed)
  const detached = sql.exec(`DETACH ${old}`).catch(() => undefined);
  try {
    await refreshTowns(store);
  } catch (e) {
    throw new LoadedIncomplete(`镇街列表未能更新（${e instanceof Error ? e.message : String(e)}）`);
  } finally {
    await detached;
  }
}

/**
 * A replacement that went through (the new reports are the ones queried) but whose last step
 * failed: what is shown is the new data, not the old, and the page must say so.
 */
export class LoadedIncomplete extends Error {}

/**
 * The last steps of adopting a staged file's table `table`: delete its rows not `taken`, and name
 * the file as the source of the rows whose source cell was empty (csv-stage.ts).
 */
async function finishAdopt(sql: SqlClient, table: string, file: LoadStage['files'][number], taken: Uint8Array): Promise<void> {
  const drop: number[] = [];
  for (let r = 0; r < taken.length; r++) if (taken[r] === 0) drop.push(r);
  if (drop.length > 0) {
    const name = `load_drop_${++idTables}`;
    await sql.insertArrow(new Table({ r: int32Vector(drop) }), name);
    try {
      await sql.exec(dropRowsSql(table, name));
    } finally {
      await sql.exec(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
    }
  }
  await sql.query(fillSourceSql(table), [file.name]);
}

/** The staged file to adopt as the new store: the one with the most staged rows. */
function adoptable(stage: LoadStage, current: string): LoadStage['files'][number] | null {
  const counts = new Map<number, number>();
  for (const f of stage.f) if (f >= 0) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: LoadStage['files'][number] | null = null;
  let most = 0;
  for (const file of stage.files) {
    const n = counts.get(file.f) ?? 0;
    if (n > most && file.db !== current) {
      best = file;
      most = n;
    }
  }
  return best;
}

/** Report objects as parts to load, by origin (for tests and tools that hold Report objects). */
function partsOfReports(reports: readonly Report[], origin: Origin | ((r: Report) => Origin)): LoadPart[] {
  const originOf = typeof origin === 'function' ? origin : () => origin;
  return (['embedded', 'imported'] as const)
    .map((o) => ({ set: setFromReports(reports.filter((r) => originOf(r) === o)), origin: o }))
    .filter((p) => p.set.keys.length > 0);
}

/** Append reports given as Report objects (through the same columns and Arrow batches as insertParts). */
export async function insertReports(store: Store, reports: readonly Report[], origin: Origin | ((r: Report) => Origin)): Promise<void> {
  await insertParts(store, partsOfReports(reports, origin));
}

/** Replace every report by a new set given as Report objects (the same mechanism as replaceAllParts). */
export async function replaceAllReports(store: Store, reports: readonly Report[], origin: (r: Report) => Origin): Promise<void> {
  await replaceAllParts(store, partsOfReports(reports, origin));
}
