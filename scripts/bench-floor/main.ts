/**
 * Bench-only page (not part of the app): the floor for importing a CSV — DuckDB-WASM's own
 * read_csv on the same file, in the same browser, from the same bundles the app serves. Driven by
 * scripts/bench.ts, which picks the file into #file and calls window.__floor().
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

export interface FloorResult {
  bytes: number;
  /** DuckDB start: select bundle, worker, instantiate, open, connect */
  startMs: number;
  /** File.arrayBuffer() */
  readMs: number;
  /** registerFileBuffer */
  registerMs: number;
  /** CREATE TABLE t AS SELECT * FROM read_csv('x.csv') */
  createMs: number;
  rows: number;
  columns: number;
  /** SELECT sum(memory_usage_bytes) FROM duckdb_memory() after the load, or null if unavailable */
  duckdbMemoryBytes: number | null;
}

declare global {
  interface Window {
    __floor: (compress?: boolean) => Promise<FloorResult>;
  }
}

/**
 * With `compress`, the table goes into a compressed in-memory database, as the app stores more
 * than 20,000 reports (an uncompressed country's reports hardly fit in the tab's memory).
 */
window.__floor = async (compress = false) => {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no file picked');
  let t = performance.now();
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:' });
  const conn = await db.connect();
  const startMs = performance.now() - t;
  t = performance.now();
  const buffer = new Uint8Array(await file.arrayBuffer());
  const readMs = performance.now() - t;
  t = performance.now();
  await db.registerFileBuffer('x.csv', buffer);
  const registerMs = performance.now() - t;
  t = performance.now();
  if (compress) await conn.query(`ATTACH ':memory:' AS store (COMPRESS)`);
  const table = compress ? 'store.t' : 't';
  await conn.query(`CREATE TABLE ${table} AS SELECT * FROM read_csv('x.csv')`);
  const createMs = performance.now() - t;
  const count = (await conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`)).toArray()[0] as { n: number };
  const columns = (await conn.query(`SELECT * FROM ${table} LIMIT 0`)).schema.fields.length;
  let duckdbMemoryBytes: number | null = null;
  try {
    const m = (await conn.query('SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()')).toArray()[0] as { b: number };
    duckdbMemoryBytes = Number(m.b);
  } catch {
    /* older DuckDB without duckdb_memory() */
  }
  await conn.close();
  return { bytes: file.size, startMs, readMs, registerMs, createMs, rows: Number(count.n), columns, duckdbMemoryBytes };
};
