/**
 * What the rest of the app needs from a database: parameterised queries, statements and Arrow
 * inserts. The browser implementation (client.ts) runs DuckDB-WASM in a Web Worker; unit tests
 * run the same queries on DuckDB-WASM's Node build.
 */
import type { Table } from 'apache-arrow';

export type Param = number | string | boolean | null;

export interface SqlClient {
  /** Run a query. Parameters are bound to `?` placeholders of a prepared statement, never spliced. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Run statements that return nothing. Only for SQL built from constants and catalogue ids. */
  exec(sql: string): Promise<void>;
  /** Insert an Arrow table as a new table `name`. */
  insertArrow(table: Table, name: string): Promise<void>;
  /** Append an Arrow table's rows to the existing table `schema.name`; its columns must match the table's, in order. */
  appendArrow(table: Table, schema: string, name: string): Promise<void>;
}

/** Arrow rows → plain objects. */
export function rowsOf<T>(result: { toArray(): { toJSON(): unknown }[] }): T[] {
  return result.toArray().map((r) => r.toJSON() as T);
}
