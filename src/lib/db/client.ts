/**
 * The one DuckDB client: DuckDB-WASM started once, in a Web Worker, from bundles this app serves
 * itself (never a CDN). Every operation opens its own connection and closes it in `finally`.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import { rowsOf, type Param, type SqlClient } from './sql.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export interface StartupTiming {
  /** milliseconds from the first call to a connected database */
  ms: number;
  bundle: string;
  version: string;
}

let started: Promise<{ db: duckdb.AsyncDuckDB; timing: StartupTiming }> | null = null;

async function start(): Promise<{ db: duckdb.AsyncDuckDB; timing: StartupTiming }> {
  const t0 = performance.now();
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:' });
  const conn = await db.connect();
  await conn.close();
  const version = await db.getVersion();
  return { db, timing: { ms: performance.now() - t0, bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp', version } };
}

/** Start DuckDB once; every caller shares the same promise. */
export function startDuckDB(): Promise<{ db: duckdb.AsyncDuckDB; timing: StartupTiming }> {
  started ??= start().catch((e: unknown) => {
    started = null;
    throw e;
  });
  return started;
}

async function withConnection<T>(fn: (c: duckdb.AsyncDuckDBConnection) => Promise<T>): Promise<T> {
  const { db } = await startDuckDB();
  const conn = await db.connect();
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

export const browserSql: SqlClient = {
  query<T extends object>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return withConnection(async (c) => {
      if (params.length === 0) return rowsOf<T>(await c.query(sql));
      const stmt = await c.prepare(sql);
      try {
        return rowsOf<T>(await stmt.query(...params));
      } finally {
        await stmt.close();
      }
    });
  },
  exec(sql: string): Promise<void> {
    return withConnection(async (c) => {
      await c.query(sql);
    });
  },
  insertArrow(table: Table, name: string): Promise<void> {
    return withConnection((c) => c.insertArrowTable(table, { name, create: true }));
  },
};
