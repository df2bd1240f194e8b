/**
 * The one DuckDB client: DuckDB-WASM started once, in a Web Worker, from bundles this app serves
 * itself (never a CDN). Queries, statements and Arrow inserts share one connection (the worker
 * runs one request at a time anyway).
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

interface Started {
  db: duckdb.AsyncDuckDB;
  /** the connection every operation shares, opened as part of the start */
  conn: duckdb.AsyncDuckDBConnection;
  timing: StartupTiming;
}

let started: Promise<Started> | null = null;

async function start(): Promise<Started> {
  const t0 = performance.now();
  performance.mark('zwgk:duckdb-start');
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:' });
  const conn = await db.connect();
  const version = await db.getVersion();
  return { db, conn, timing: { ms: performance.now() - t0, bundle: bundle.mainModule === ehWasm ? 'eh' : 'mvp', version } };
}

/** Start DuckDB once; every caller shares the same promise. */
export function startDuckDB(): Promise<Started> {
  started ??= start().catch((e: unknown) => {
    started = null;
    throw e;
  });
  return started;
}

/**
 * Reads share one connection and keep their prepared statements, keyed by SQL text (the text
 * depends only on the measure and the shape of the filter; values are bound). Measured on the
 * embedded dataset in Chromium on a 2-core machine: a connection per query cost ~15 ms and a
 * fresh prepare ~20 ms of a ~65 ms ranking update. The worker runs one request at a time anyway,
 * so sharing the connection does not serialise anything that ran in parallel before.
 */
const STATEMENT_CACHE = 128;
const statements = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();

async function readConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  return (await startDuckDB()).conn;
}

function prepared(conn: duckdb.AsyncDuckDBConnection, sql: string): Promise<duckdb.AsyncPreparedStatement> {
  let stmt = statements.get(sql);
  if (stmt) {
    statements.delete(sql); // re-insert: most recently used last
  } else {
    stmt = conn.prepare(sql);
    stmt.catch(() => statements.delete(sql));
    if (statements.size >= STATEMENT_CACHE) {
      const [oldest, old] = statements.entries().next().value!;
      statements.delete(oldest);
      void old.then((s) => s.close()).catch(() => undefined);
    }
  }
  statements.set(sql, stmt);
  return stmt;
}

/** Forget prepared statements, e.g. after tables are replaced. */
async function resetStatements(): Promise<void> {
  const all = [...statements.values()];
  statements.clear();
  await Promise.all(all.map((p) => p.then((s) => s.close()).catch(() => undefined)));
}

export const browserSql: SqlClient = {
  async query<T extends object>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const conn = await readConnection();
    if (params.length === 0) return rowsOf<T>(await conn.query(sql));
    return rowsOf<T>(await (await prepared(conn, sql)).query(...params));
  },
  async exec(sql: string): Promise<void> {
    // on the shared connection: a connection of its own cost two more round trips to the worker
    await (await readConnection()).query(sql);
    // statements prepared against a table that changed shape must be prepared again
    await resetStatements();
  },
  // on the shared connection too: a connection of its own cost two round trips to the worker per insert
  async insertArrow(table: Table, name: string): Promise<void> {
    await (await readConnection()).insertArrowTable(table, { name, create: true });
  },
  async appendArrow(table: Table, schema: string, name: string): Promise<void> {
    await (await readConnection()).insertArrowTable(table, { schema, name, create: false });
  },
  // DuckDB's worker reads the file itself (FileReaderSync), a part at a time: reading all of a
  // country's 159 MB on the page first and handing the buffer over took ~0.8 s before DuckDB began
  async registerFile(name: string, file: Blob): Promise<void> {
    const { db } = await startDuckDB();
    await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  },
  async dropFile(name: string): Promise<void> {
    const { db } = await startDuckDB();
    await db.dropFile(name);
  },
};
