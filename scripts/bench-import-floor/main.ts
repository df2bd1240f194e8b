/**
 * Bench-only page (never part of the app's build): DuckDB-WASM's own read_csv on a file, in the
 * same browser and with the same bundle the app uses, as the floor the import is compared with.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/**
 * With `compress`, into a compressed in-memory database, as the app stores more than 20,000
 * reports (an uncompressed country's reports do not fit in the tab's memory).
 */
async function floor(url: string, compress: boolean): Promise<{ fetchMs: number; readMs: number; rows: number }> {
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule);
  await db.open({ path: ':memory:' });
  const t0 = performance.now();
  // `url|part size`: the file comes in parts (see scripts/bench-import.ts)
  const [base, partSize] = url.split('|') as [string, string];
  const size = Number(await (await fetch(`${base}?size`)).text());
  const bytes = new Uint8Array(size);
  for (let part = 0, at = 0; at < size; part++) {
    const chunk = new Uint8Array(await (await fetch(`${base}?part=${part}`)).arrayBuffer());
    bytes.set(chunk, at);
    at += chunk.length || Number(partSize);
  }
  await db.registerFileBuffer('input.csv', bytes);
  const t1 = performance.now();
  const c = await db.connect();
  if (compress) await c.query(`ATTACH ':memory:' AS store (COMPRESS)`);
  await c.query(`CREATE TABLE ${compress ? 'store.' : ''}t AS SELECT * FROM read_csv('input.csv')`);
  const t2 = performance.now();
  const rows = Number((await c.query(`SELECT count(*)::INTEGER AS n FROM ${compress ? 'store.' : ''}t`)).toArray()[0]!.n);
  await c.close();
  await db.terminate();
  return { fetchMs: t1 - t0, readMs: t2 - t1, rows };
}

(window as unknown as { floor: typeof floor }).floor = floor;
document.body.dataset.ready = 'true';
