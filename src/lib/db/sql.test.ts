import { describe, expect, it } from 'vitest';
import { Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { nodeSql } from './testing/node-sql.ts';
import { rowsOf, stringsOf } from './sql.ts';

describe('rowsOf (Arrow result → plain rows, column by column)', () => {
  it('keeps nulls, booleans, strings, integers, doubles, bigints and lists as the row proxies did', async () => {
    const sql = await nodeSql();
    const rows = await sql.query(
      `SELECT * FROM (VALUES
         (1, 'a', 1.5::DOUBLE, true, 10::BIGINT, [1, 2]),
         (NULL, NULL, NULL, NULL, NULL, NULL),
         (3, '中文', -0.25::DOUBLE, false, 30::BIGINT, [])
       ) t(i, s, d, b, big, l)`,
    );
    expect(rows.map((r) => ({ ...r, l: r.l == null ? null : Array.from((r.l as { toArray(): ArrayLike<number> }).toArray()) }))).toEqual([
      { i: 1, s: 'a', d: 1.5, b: true, big: 10n, l: [1, 2] },
      { i: null, s: null, d: null, b: null, big: null, l: null },
      { i: 3, s: '中文', d: -0.25, b: false, big: 30n, l: [] },
    ]);
  });

  it('copies whole columns without nulls, over many rows', async () => {
    const sql = await nodeSql();
    const rows = await sql.query<{ i: number; half: number | null }>(
      `SELECT CAST(i AS INTEGER) AS i, CASE WHEN i % 2 = 0 THEN CAST(i AS INTEGER) END AS half FROM range(50000) r(i)`,
    );
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]).toEqual({ i: 49_999, half: null });
    expect(rows[49_998]).toEqual({ i: 49_998, half: 49_998 });
  });

  it('decodes text columns a chunk at a time into the same strings Arrow gives cell by cell', () => {
    const words = ['康驿镇', '', 'a', null, '𠀀字', 'ASCII only', '汶上县 南站街道', '😀', 'é'];
    const chunk = (from: number, n: number) => Array.from({ length: n }, (_, i) => words[(from + i) % words.length]!);
    // two record batches (two chunks), one of them with nulls
    const table = new Table({ s: vectorFromArray(chunk(0, 5000), new Utf8()) }).concat(new Table({ s: vectorFromArray(chunk(5000, 3001).map((w) => w ?? 'x'), new Utf8()) }));
    const column = table.getChild('s')!;
    expect(column.data.length).toBe(2);
    const want = Array.from({ length: table.numRows }, (_, i) => column.get(i));
    // decoded a chunk at a time (not left to Arrow cell by cell)
    expect(stringsOf(column.data, table.numRows)).toEqual(want);
    expect(rowsOf<{ s: string | null }>(table).map((r) => r.s)).toEqual(want);
    expect(want.filter((w) => w === null).length).toBeGreaterThan(0);
  });

  it('reads text from DuckDB as it stored it: Chinese, 4-byte characters, empty strings and nulls', async () => {
    const sql = await nodeSql();
    const rows = await sql.query<{ s: string | null }>(
      `SELECT CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN '镇' || i WHEN 3 THEN '𠀀' || i ELSE 'x' || i END AS s FROM range(10000) r(i) ORDER BY i`,
    );
    expect(rows.slice(0, 5).map((r) => r.s)).toEqual([null, '', '镇2', '𠀀3', 'x4']);
    expect(rows[9998]!.s).toBe('𠀀9998');
  });
});

