/**
 * DuckDB-WASM's Node build behind the same SqlClient interface, for unit tests of the loader and
 * the named queries. Not imported by the app.
 */
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { rowsOf, type Param, type SqlClient } from '../sql.ts';
import { Store } from '../store.ts';

/** A connection to a new in-memory database, as the store the loaders and queries take. */
export async function nodeSql(): Promise<Store> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
      eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  const conn = db.connect();
  const client: SqlClient = {
    async query<T extends object>(sql: string, params: readonly Param[] = []) {
      if (params.length === 0) return rowsOf<T>(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return rowsOf<T>(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrow(table, name) {
      // Serialise with the app's own (ESM) Arrow: the CJS build's instanceof checks fail on it.
      conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name, create: true });
    },
    async appendArrow(table, schema, name) {
      conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { schema, name, create: false });
    },
    async registerFile(name, file) {
      db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
    },
    async dropFile(name) {
      db.dropFile(name);
    },
  };
  return new Store(client);
}
