import { describe, expect, it } from 'vitest';
import { nodeSql } from './testing/node-sql.ts';

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
});
