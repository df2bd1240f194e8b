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

/** The part of an Arrow column's data (one chunk) that stringsOf reads. */
interface ColumnData {
  offset: number;
  length: number;
  nullCount: number;
  nullBitmap?: Uint8Array | null;
  valueOffsets?: Int32Array | null;
  values?: Uint8Array | null;
}

/** What rowsOf reads of an Arrow table. */
interface ColumnarResult {
  numRows: number;
  schema: { fields: { name: string; type?: { typeId: number } }[] };
  getChildAt(i: number): { length: number; nullCount: number; data?: readonly ColumnData[]; get(i: number): unknown; toArray(): ArrayLike<unknown> } | null;
}

/** Arrow's type id of Utf8 (apache-arrow Type.Utf8), not imported to keep this module light. */
const UTF8 = 5;
const decoder = new TextDecoder();

/**
 * A text column's values, each chunk's bytes decoded at once and cut where each value starts:
 * Arrow decodes every value with a TextDecoder call of its own, which for the 41,352 towns of a
 * country's town list (4 text columns) took ~0.2 s of the ~0.3 s the query took on the page.
 * Null where a chunk is not laid out as expected (an offset), for the caller to read it cell by cell.
 */
export function stringsOf(chunks: readonly ColumnData[], n: number): (string | null)[] | null {
  const out: (string | null)[] = new Array(n);
  let k = 0;
  for (const d of chunks) {
    const { valueOffsets: at, values: bytes } = d;
    if (d.offset !== 0 || !at || !bytes || at.length < d.length + 1) return null;
    const text = decoder.decode(bytes.subarray(at[0]!, at[d.length]!));
    // UTF-16 units before each value: one per byte that starts a character, two for 4-byte ones
    let pos = at[0]!;
    let unit = 0;
    for (let i = 0; i < d.length; i++) {
      const from = unit;
      for (const end = at[i + 1]!; pos < end; pos++) {
        const b = bytes[pos]!;
        if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
      }
      const valid = d.nullCount === 0 || !d.nullBitmap || ((d.nullBitmap[i >> 3]! >> (i & 7)) & 1) === 1;
      out[k++] = valid ? text.slice(from, unit) : null;
    }
  }
  return k === n ? out : null;
}

/**
 * Arrow rows → plain objects, column by column: a column without nulls is copied from its array
 * in one pass, text columns decoded a chunk at a time (stringsOf), others cell by cell. Measured
 * on 41,352 rows × 20 columns, this is several times faster than Arrow's row proxies
 * (`toArray().map(r => r.toJSON())`), which a national per-town query spent most of its time in.
 */
export function rowsOf<T>(result: ColumnarResult): T[] {
  const n = result.numRows;
  const rows: Record<string, unknown>[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = {};
  result.schema.fields.forEach((field, j) => {
    const column = result.getChildAt(j);
    const name = field.name;
    if (!column) return;
    const strings = field.type?.typeId === UTF8 && column.data ? stringsOf(column.data, n) : null;
    if (strings) {
      for (let i = 0; i < n; i++) rows[i]![name] = strings[i];
      return;
    }
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
