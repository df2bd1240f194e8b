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
import { checksumListSql, checksumTableSql, planStage, rejectedLinesSql, stageSql, type StagePlan } from './csv-stage.ts';
import type { LoadStage } from './reports-table.ts';
import type { SqlClient } from './sql.ts';
import type { Store } from './store.ts';
import { rowChecksums } from '../ingest/checksum.ts';
import type { ReportSet } from '../ingest/columns.ts';
import type { ReportOrigin } from '../ingest/origin.ts';

/**
 * A file DuckDB has read into `table`, the reports table of an attached database of its own. The
 * database is not compressed, whatever the file's size: reading into a compressed one was most of
 * what the import took beyond DuckDB's own read_csv. The table, once adopted as the store, is then
 * held uncompressed until the next visit (reports-table.ts replaceAllParts; figures:
 * docs/performance.md).
 */
export interface StagedFile {
  /** the file's index among those imported together */
  f: number;
  /** the file's name (the source of its reports without one) */
  name: string;
  plan: StagePlan;
  /** the attached in-memory database holding the staged table */
  db: string;
  /** `${db}.reports` */
  table: string;
  /** `${db}.checks`: each staged row's checksum (csv-stage.ts checksumTableSql) */
  checks: string;
  /** the file's lines whose rows DuckDB could not read and left out (ascending; the header is line 1) */
  rejected: Int32Array;
}

/** Staged files, and for each incoming report read from them where its values are (LoadStage). */
export interface Stage extends LoadStage {
  files: (StagedFile & { rows: number })[];
}

let serial = 0;

/**
 * Files smaller than this are not staged: their values go in through Arrow from the worker's
 * reading. Staging has a fixed cost (compiling the checksum of 236 columns) that pays off only
 * for large files; the threshold is measured through the panel (docs/performance.md).
 */
export const STAGE_MIN_BYTES = 16 * 1024 * 1024;

/** Whether DuckDB is to read a file of this name and size itself (a CSV of STAGE_MIN_BYTES or more). */
export const worthStaging = (name: string, size: number, minBytes = STAGE_MIN_BYTES): boolean => /\.csv$/i.test(name) && size >= minBytes;

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
export async function stageFiles(
  sql: SqlClient,
  files: readonly File[],
  mark: (step: 'stage-read' | 'stage-checked') => void = () => undefined,
  minBytes = STAGE_MIN_BYTES,
  /** false once the import is cancelled: the files not begun are then left */
  wanted: () => boolean = () => true,
): Promise<StagedFile[]> {
  const out: StagedFile[] = [];
  for (const [f, file] of files.entries()) {
    if (!wanted()) break;
    if (!worthStaging(file.name, file.size, minBytes)) continue;
    const head = await headText(file);
    const plan = head === null ? null : planStage(head);
    if (!plan) continue;
    const id = ++serial;
    const db = `import_stage_${id}`;
    const table = `${db}.reports`;
    const checks = `${db}.checks`;
    const name = `import_${id}.csv`;
    const rejects = { table: `${db}_rejects`, scan: `${db}_scans` };
    await sql.exec(`ATTACH ':memory:' AS ${db}`);
    await sql.registerFile(name, file);
    try {
      await sql.exec(stageSql(plan, table, name, rejects));
      mark('stage-read');
      const [res] = await sql.query<{ lines: { toArray(): ArrayLike<number> } | null }>(rejectedLinesSql(rejects.table));
      const rejected = Int32Array.from(res?.lines ? res.lines.toArray() : []);
      await sql.exec(checksumTableSql(plan, table, checks));
      mark('stage-checked');
      out.push({ f, name: file.name, plan, db, table, checks, rejected });
    } catch {
      // DuckDB cannot read it as planned: the worker's reading is used alone
      await detach(sql, db);
    } finally {
      await sql.dropFile(name).catch(() => undefined);
      // the lines are kept above; the tables DuckDB listed them in are not needed
      await sql.exec(`DROP TABLE IF EXISTS ${rejects.table}; DROP TABLE IF EXISTS ${rejects.scan}`).catch(() => undefined);
    }
  }
  return out;
}

const LEFT_OUT = -2;

/**
 * The staged row of the worker's row `row` (the header is row 1), given the lines DuckDB left out
 * (`rejected`, ascending): the rows before it, less those left out; LEFT_OUT for a row left out
 * itself. Right as long as the worker's rows are the file's lines (no line break inside a quoted
 * cell, no empty line DuckDB skips); where they are not, the rows after it meet other reports'
 * checksums and the file is not staged.
 */
function stagedRow(rejected: Int32Array): (row: number) => number {
  return (row) => {
    // how many rejected lines lie before `row`, and whether `row` is one
    let lo = 0;
    let hi = rejected.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rejected[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return rejected[lo] === row ? LEFT_OUT : row - 2 - lo;
  };
}

/**
 * Compare DuckDB's reading of the staged files with the worker's (`incoming`, whose rows came
 * from the files and rows `origin` says): a file is kept only when every report read from it has
 * the same checksum in its staged row (`sums`: the worker's, rowChecksums of `incoming`), except
 * the reports of rows DuckDB left out (a cell it cannot read: their values come from the worker's
 * reading). Files that differ are dropped here. Each file's checksums come over as one list and
 * are compared here, which was faster than inserting the worker's and joining them in DuckDB.
 * `asRead` (from the worker, when it knows) marks the reports whose identity DuckDB read as the
 * worker did (csv-stage.ts readAsStaged): the load writes no identity for those.
 */
export async function verifyStage(
  sql: SqlClient,
  staged: readonly StagedFile[],
  incoming: ReportSet,
  origin: ReportOrigin,
  sums: Float64Array = rowChecksums(incoming.columns),
  asRead: Uint8Array | null = null,
): Promise<Stage | null> {
  if (staged.length === 0) return null;
  const kept: Stage['files'] = [];
  const n = incoming.keys.length;
  const f = new Int32Array(n).fill(-1);
  const r = new Int32Array(n);
  for (const s of staged) {
    const [res] = await sql.query<{ chk: { toArray(): ArrayLike<number> } | null; n: number; lo: number | null; hi: number | null }>(checksumListSql(s.checks));
    const chk = res?.chk ? res.chk.toArray() : new Float64Array(0);
    // the rows are 0…n-1, each once: a staged row's checksum is then chk[r]
    const dense = res !== undefined && chk.length === res.n && (res.n === 0 || (res.lo === 0 && res.hi === res.n - 1));
    const rowOf = stagedRow(s.rejected);
    let same = dense;
    for (let i = 0; same && i < n; i++) {
      if (origin.file[i] !== s.f) continue;
      // kept in r: only read where f says the report is staged
      const at = (r[i] = rowOf(origin.row[i]!));
      // a row DuckDB left out: this report's values come from the worker's reading
      if (at === LEFT_OUT) continue;
      if (at < 0 || at >= chk.length || chk[at] !== sums[i]) same = false;
    }
    if (!same) {
      await detach(sql, s.db);
      continue;
    }
    kept.push({ ...s, rows: chk.length });
    for (let i = 0; i < n; i++) if (origin.file[i] === s.f && r[i] !== LEFT_OUT) f[i] = s.f;
  }
  return kept.length === 0 ? null : { files: kept, set: incoming, f, r, asRead };
}

const detach = (sql: SqlClient, db: string) => sql.exec(`DETACH DATABASE IF EXISTS ${db}`).catch(() => undefined);

/**
 * Drop the staged tables (their databases), except one a load has made the store
 * (reports-table.ts replaceAllParts) and those already gone.
 */
export async function dropStage(store: Store, files: readonly StagedFile[]): Promise<void> {
  for (const s of files) if (s.db !== store.database) await detach(store, s.db);
}

/**
 * The stage narrowed to the reports that are taken from the import as they were read (`taken`,
 * given each report's key and row in the set read): the stage itself when all are; null when none
 * is. A report merged with the one shown (更新已填写的单元格) is not taken as read: its values are
 * not those of its staged row.
 */
export function stageFor(stage: Stage | null, taken: (key: string, row: number) => boolean): Stage | null {
  if (!stage) return null;
  const { keys } = stage.set;
  let f: Int32Array | null = null;
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    if (stage.f[i]! < 0) continue;
    if (taken(keys[i]!, i)) count++;
    else (f ??= stage.f.slice())[i] = -1;
  }
  if (count === 0) return null;
  return f ? { ...stage, f } : stage;
}

/** How many reports the stage has values for. */
export const stagedCount = (stage: LoadStage | null): number => (stage ? stage.f.reduce((a, f) => a + (f >= 0 ? 1 : 0), 0) : 0);
