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

/** One way of having DuckDB read the file, and how long it took (ms). */
export interface Reading {
  name: string;
  ms: number;
  rows: number;
}

declare global {
  interface Window {
    __readings: () => Promise<Reading[]>;
  }
}

/**
 * The ways DuckDB could be the one reader of an import's values (docs/architecture.md), timed one
 * after the other on the picked file in one database: the floor's auto-detected read_csv, typed
 * columns (INTEGER, DOUBLE for 万元 amounts, as the staging reads today), the same with
 * store_rejects, every cell as text with each metric kept only where its text is the value cast
 * back (exact), and the Arrow export to the page of the exact table's identity columns and of its
 * metric columns. Only for a wide file whose header holds catalogue ids (the generated files).
 */
window.__readings = async () => {
  const { METRICS } = await import('../../src/lib/model/catalogue.ts');
  const kinds = new Map(METRICS.map((m) => [m.id, m.kind]));
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no file picked');
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ path: ':memory:' });
  const conn = await db.connect();
  const buffer = new Uint8Array(await file.arrayBuffer());
  // before the buffer is handed to DuckDB (registerFileBuffer transfers it)
  const header = new TextDecoder().decode(buffer.subarray(0, buffer.indexOf(10))).replace(/^\ufeff/, '').trim().split(',');
  await db.registerFileBuffer('x.csv', buffer);
  const metric = header.filter((h) => kinds.has(h));
  const identity = header.filter((h) => !kinds.has(h));
  const type = (h: string) => (kinds.get(h) === 'amount' ? 'DOUBLE' : kinds.has(h) ? 'INTEGER' : 'VARCHAR');
  const spec = (t: (h: string) => string) => `{${header.map((h) => `'${h}': '${t(h)}'`).join(', ')}}`;
  const csv = (columns: string, extra = '') => `read_csv('x.csv', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns}${extra})`;
  const out: Reading[] = [];
  const time = async (name: string, sql: string, table: string | null = 't') => {
    const t0 = performance.now();
    const result = await conn.query(sql);
    const ms = performance.now() - t0;
    const rows = table ? Number(((await conn.query(`SELECT count(*)::INTEGER AS n FROM ${table}`)).toArray()[0] as { n: number }).n) : result.numRows;
    out.push({ name, ms, rows });
  };
  const drop = () => conn.query('DROP TABLE IF EXISTS t');
  await time('read_csv 自动识别（下限）', `CREATE TABLE t AS SELECT * FROM read_csv('x.csv')`);
  await drop();
  await time('按类型读（INTEGER、DOUBLE）', `CREATE TABLE t AS SELECT * FROM ${csv(spec(type))}`);
  await drop();
  await time('按类型读，store_rejects', `CREATE TABLE t AS SELECT * FROM ${csv(spec(type), ', store_rejects = true')}`);
  await drop();
  const exact = metric.map((h) => `CASE WHEN CAST(TRY_CAST("${h}" AS ${type(h)}) AS VARCHAR) = "${h}" THEN TRY_CAST("${h}" AS ${type(h)}) END AS "${h}"`);
  const odd = metric.map((h) => `("${h}" IS NOT NULL AND CAST(TRY_CAST("${h}" AS ${type(h)}) AS VARCHAR) IS DISTINCT FROM "${h}")`).join(' OR ');
  await time('按文本读，值与文本一致才取（精确）', `CREATE TABLE t AS SELECT ${[...identity.map((h) => `"${h}"`), ...exact].join(', ')}, (${odd}) AS odd FROM ${csv(spec(() => 'VARCHAR'))}`);
  await time('导出身份列（Arrow 到页面）', `SELECT ${[...identity.map((h) => `"${h}"`), 'odd'].join(', ')} FROM t`, null);
  await time('导出指标列（Arrow 到页面）', `SELECT ${metric.map((h) => `"${h}"`).join(', ')} FROM t`, null);
  await conn.close();
  return out;
};
