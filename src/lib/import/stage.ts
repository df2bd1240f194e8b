/**
 * Staging from the import's side (db/csv-stage.ts): DuckDB reads each CSV file while the worker
 * reads it, the two readings are compared row by row (checksums of the values of every report the
 * worker accepted), and the load then takes the values of those reports from the staged tables.
 * A file DuckDB cannot read, or reads differently in any accepted row, is simply not staged: its
 * reports are loaded from the worker's reading as before. The staged tables are dropped when the
 * import is loaded, cancelled or replaced by another.
 */
import { Float64, Int32, makeData, makeVector, Table } from 'apache-arrow';
import { planStage, stageFile, verifySql, type StagePlan } from '../db/csv-stage.ts';
import type { SqlClient } from '../db/sql.ts';
import { rowChecksums } from '../ingest/checksum.ts';
import type { ReportSet } from '../ingest/columns.ts';
import type { ReportOrigin } from './origin.ts';

/** A file DuckDB has read into `table`. */
export interface StagedFile {
  /** the file's index among those imported together */
  f: number;
  plan: StagePlan;
  table: string;
}

/** Staged files, and for each report read from them (by key) where its values are. */
export interface Stage {
  files: StagedFile[];
  at: Map<string, { f: number; r: number }>;
}

let serial = 0;

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
    const table = `import_stage_${id}`;
    const name = `import_${id}.csv`;
    await sql.registerFile(name, new Uint8Array(await file.arrayBuffer()));
    try {
      if (await stageFile(sql, plan, table, name)) out.push({ f, plan, table });
    } finally {
      await sql.dropFile(name).catch(() => undefined);
    }
  }
  return out;
}

/**
 * Compare DuckDB's reading of the staged files with the worker's (`incoming`, whose rows came
 * from the files and rows `origin` says): a file is kept only when every report read from it has
 * the same checksum in its staged row. Files that differ are dropped here.
 */
export async function verifyStage(sql: SqlClient, staged: readonly StagedFile[], incoming: ReportSet, origin: ReportOrigin): Promise<Stage | null> {
  if (staged.length === 0) return null;
  const stagedFiles = new Set(staged.map((s) => s.f));
  const rows: number[] = [];
  for (let i = 0; i < incoming.keys.length; i++) if (stagedFiles.has(origin.file[i]!)) rows.push(i);
  const sums = rowChecksums(incoming.columns);
  const n = rows.length;
  const f = new Int32Array(n);
  const r = new Int32Array(n);
  const sum = new Float64Array(n);
  rows.forEach((i, k) => {
    f[k] = origin.file[i]!;
    r[k] = origin.row[i]! - 2; // the header is row 1; the first staged row is 0
    sum[k] = sums[i]!;
  });
  const checks = `import_checks_${++serial}`;
  const table = new Table({
    f: makeVector(makeData({ type: new Int32(), length: n, data: f })),
    r: makeVector(makeData({ type: new Int32(), length: n, data: r })),
    sum: makeVector(makeData({ type: new Float64(), length: n, data: sum })),
  });
  const kept: StagedFile[] = [];
  try {
    await sql.insertArrow(table, checks);
    for (const s of staged) {
      const [res] = await sql.query<{ bad: number }>(verifySql(s.table, checks, s.f));
      if (res?.bad === 0) kept.push(s);
      else await sql.exec(`DROP TABLE IF EXISTS ${s.table}`);
    }
  } finally {
    await sql.exec(`DROP TABLE IF EXISTS ${checks}`).catch(() => undefined);
  }
  if (kept.length === 0) return null;
  const keptFiles = new Set(kept.map((s) => s.f));
  const at = new Map<string, { f: number; r: number }>();
  rows.forEach((i, k) => {
    if (keptFiles.has(f[k]!)) at.set(incoming.keys[i]!, { f: f[k]!, r: r[k]! });
  });
  return { files: kept, at };
}

/** Drop the staged tables. */
export async function dropStage(sql: SqlClient, files: readonly StagedFile[]): Promise<void> {
  for (const s of files) await sql.exec(`DROP TABLE IF EXISTS ${s.table}`).catch(() => undefined);
}

/** The stage narrowed to the reports that are taken from the import (`taken`). */
export function stageFor(stage: Stage | null, taken: (key: string) => boolean): Stage | null {
  if (!stage) return null;
  const at = new Map([...stage.at].filter(([k]) => taken(k)));
  return at.size === 0 ? null : { files: stage.files, at };
}
