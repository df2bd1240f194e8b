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
  /** Make a file readable by SQL as `name` (e.g. `read_csv('name')`), read from where it is as DuckDB needs it. */
  registerFile(name: string, file: Blob): Promise<void>;
  /** Forget a file given to registerFile. */
  dropFile(name: string): Promise<void>;
}

/** What rowsOf reads of an Arrow table. */
interface ColumnarResult {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): { length: number; nullCount: number; get(i: number): unknown; toArray(): ArrayLike<unknown> } | null;
}

/**
 * Arrow rows → plain objects, column by column: a column without nulls is copied from its array
 * in one pass, others cell by cell. Measured on 41,352 rows × 20 columns, this is several times
 * faster than Arrow's row proxies (`toArray().map(r => r.toJSON())`), which a national per-town
 * query spent most of its time in.
 */
export function rowsOf<T>(result: ColumnarResult): T[] {
  const n = result.numRows;
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = {};
  result.schema.fields.forEach((field, j) => {
    const column = result.getChildAt(j);
    const name = field.name;
    if (!column) return;
    if (column.nullCount === 0) {
      const values = column.toArray();
      if (values.length === n) {
        for (let i = 0; i < n; i++) rows[i]![name] = values[i];
        return;
      }
    }
    for (let i = 0; i < n; i++) rows[i]![name] = column.get(i);
  });
  return rows as T[];
}
