/**
 * Staging from the import's side (db/csv-stage.ts): DuckDB reads each CSV file while the worker
 * reads it, the two readings are compared row by row (checksums of the values of every report the
 * worker accepted), and the load then takes the values of those reports from the staged tables
 * (one of which usually becomes the reports table itself, reports-table.ts replaceAllParts). A
 * file DuckDB cannot read, or reads differently in any accepted row, is simply not staged: its
 * reports are loaded from the worker's reading as before. Each staged table lives in an attached
 * database of its own, detached when the import is loaded, cancelled or replaced by another
 * (unless it became the store).
 */
import { checksumListSql, checksumTableSql, planStage, stageSql, type StagePlan } from '../db/csv-stage.ts';
import { COMPRESS_ABOVE, STORE } from '../db/reports-table.ts';
import type { SqlClient } from '../db/sql.ts';
import { rowChecksums } from '../ingest/checksum.ts';
import type { ReportSet } from '../ingest/columns.ts';
import { markImport } from './marks.ts';
import type { ReportOrigin } from './origin.ts';

/** A file DuckDB has read into `table`, the reports table of an attached database of its own. */
export interface StagedFile {
  /** the file's index among those imported together */
  f: number;
  plan: StagePlan;
  /** the attached in-memory database holding the staged table */
  db: string;
  /** `${db}.reports` */
  table: string;
  /** `${db}.checks`: each staged row's checksum (csv-stage.ts checksumTableSql) */
  checks: string;
  /** whether `db` is compressed (as the store is above COMPRESS_ABOVE reports) */
  compressed: boolean;
}

/** Staged files, and for each report read from them (by key) where its values are. */
export interface Stage {
  files: StagedFile[];
  at: Map<string, { f: number; r: number }>;
}

let serial = 0;

/**
 * Files above this size are staged into a compressed database: about as many reports as the
 * store is compressed above (COMPRESS_ABOVE) at the ~550 bytes a wide row takes, so that a large
 * staged table can become the store as it is.
 */
export const COMPRESS_STAGE_ABOVE_BYTES = COMPRESS_ABOVE * 400;

/** The first bytes of a file as UTF-8 text, or null when they are not UTF-8. */
async function headText(file: Blob): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.slice(0, 1 << 16).arrayBuffer(), { stream: true });
  } catch {
    return null;
  }
}

/**
 * Have DuckDB read each CSV file of an import into a table of its own. Files it is not to read
 * (not CSV, not UTF-8, not a wide table of reports) or cannot read are left out.
 */
export async function stageFiles(sql: SqlClient, files: readonly File[]): Promise<StagedFile[]> {
  const out: StagedFile[] = [];
  for (const [f, file] of files.entries()) {
    if (!/\.csv$/i.test(file.name)) continue;
    const head = await headText(file);
    const plan = head === null ? null : planStage(head);
    if (!plan) continue;
    const id = ++serial;
    const db = `import_stage_${id}`;
    const table = `${db}.reports`;
    const checks = `${db}.checks`;
    const name = `import_${id}.csv`;
    const compressed = file.size > COMPRESS_STAGE_ABOVE_BYTES;
    await sql.exec(`ATTACH ':memory:' AS ${db}${compressed ? ' (COMPRESS)' : ''}`);
    await sql.registerFile(name, file);
    try {
      await sql.exec(stageSql(plan, table, name));
      markImport('stage-read');
      await sql.exec(checksumTableSql(plan, table, checks));
      markImport('stage-checked');
      out.push({ f, plan, db, table, checks, compressed });
    } catch {
      // DuckDB cannot read it as planned: the worker's reading is used alone
      await detach(sql, db);
    } finally {
      await sql.dropFile(name).catch(() => undefined);
    }
  }
  return out;
}

/**
 * Compare DuckDB's reading of the staged files with the worker's (`incoming`, whose rows came
 * from the files and rows `origin` says): a file is kept only when every report read from it has
 * the same checksum in its staged row (`sums`: the worker's, rowChecksums of `incoming`). Files
 * that differ are dropped here. Each file's checksums come over as one list (~0.1 s for a
 * country's), compared here: inserting the worker's and joining them in DuckDB took ~0.4 s.
 */
export async function verifyStage(
  sql: SqlClient,
  staged: readonly StagedFile[],
  incoming: ReportSet,
  origin: ReportOrigin,
  sums: Float64Array = rowChecksums(incoming.columns),
): Promise<Stage | null> {
  if (staged.length === 0) return null;
  const kept: StagedFile[] = [];
  const at = new Map<string, { f: number; r: number }>();
  for (const s of staged) {
    const [res] = await sql.query<{ chk: { toArray(): ArrayLike<number> } | null; n: number; lo: number | null; hi: number | null }>(checksumListSql(s.checks));
    const chk = res?.chk ? res.chk.toArray() : new Float64Array(0);
    // the rows are 0…n-1, each once: a staged row's checksum is then chk[r]
    const dense = res !== undefined && chk.length === res.n && (res.n === 0 || (res.lo === 0 && res.hi === res.n - 1));
    const rows: [string, number][] = [];
    let same = dense;
    for (let i = 0; same && i < incoming.keys.length; i++) {
      if (origin.file[i] !== s.f) continue;
      const r = origin.row[i]! - 2; // the header is row 1; the first staged row is 0
      if (r < 0 || r >= chk.length || chk[r] !== sums[i]) same = false;
      else rows.push([incoming.keys[i]!, r]);
    }
    if (!same) {
      await detach(sql, s.db);
      continue;
    }
    kept.push(s);
    for (const [key, r] of rows) at.set(key, { f: s.f, r });
  }
  return kept.length === 0 ? null : { files: kept, at };
}

const detach = (sql: SqlClient, db: string) => sql.exec(`DETACH DATABASE IF EXISTS ${db}`).catch(() => undefined);

/**
 * Drop the staged tables (their databases), except one a load has made the store
 * (reports-table.ts replaceAllParts) and those already gone.
 */
export async function dropStage(sql: SqlClient, files: readonly StagedFile[]): Promise<void> {
  for (const s of files) if (s.db !== STORE) await detach(sql, s.db);
}

/**
 * The stage narrowed to the reports that are taken from the import (`taken`): the stage itself
 * when all are (copying a country's 290,000 entries took ~0.2 s).
 */
export function stageFor(stage: Stage | null, taken: (key: string) => boolean): Stage | null {
  if (!stage) return null;
  let all = true;
  for (const k of stage.at.keys()) {
    if (!taken(k)) {
      all = false;
      break;
    }
  }
  if (all) return stage.at.size === 0 ? null : stage;
  const at = new Map<string, { f: number; r: number }>();
  for (const [k, v] of stage.at) if (taken(k)) at.set(k, v);
  return at.size === 0 ? null : { files: stage.files, at };
}
