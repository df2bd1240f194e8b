import { describe, expect, it } from 'vitest';
import { METRICS } from '../model/catalogue.ts';
import { CHECK_WEIGHTS, checksumSql, rowChecksums } from './checksum.ts';
import { columnsFromReports } from './columns.ts';
import type { Report } from '../model/report.ts';
import { nodeSql } from '../db/testing/node-sql.ts';

const base: Report = { county: '汶上县', town: '康驿镇', town_code: '370830106', year: 2021, layout: '2021', source: 't', synthetic: false, metrics: {} };
const sum = (metrics: Report['metrics']) => rowChecksums(columnsFromReports([{ ...base, metrics }]))[0]!;
const count = METRICS.find((m) => m.kind === 'count')!.id;
const change = METRICS.find((m) => m.kind === 'change')!.id;
const amount = METRICS.find((m) => m.kind === 'amount')!.id;

describe('rowChecksums', () => {
  it('tells an empty value from 0, and every value of a cell from another', () => {
    expect(sum({})).toBe(0);
    expect(sum({ [count]: 0 })).not.toBe(sum({}));
    const seen = new Set([-3, -1, 0, 1, 2, 7, 1_999_999_999].map((v) => sum({ [change]: v })));
    expect(seen.size).toBe(7);
  });

  it('is exact for the largest values in every column (below 2^53)', () => {
    const all = Object.fromEntries(METRICS.map((m) => [m.id, m.kind === 'amount' ? 1_999_999_999.99 : 2_000_000_000]));
    const s = sum(all);
    expect(Number.isSafeInteger(s)).toBe(true);
    expect(s).toBe(METRICS.reduce((a, m, i) => a + CHECK_WEIGHTS[i]! * (2 * (m.kind === 'amount' ? 199_999_999_999 : 2_000_000_000) + 1), 0));
  });

  it('reads amounts to the cent', () => {
    expect(sum({ [amount]: 40.13 })).not.toBe(sum({ [amount]: 40.14 }));
    expect(sum({ [amount]: 40.13 })).toBe(sum({ [amount]: 40.130000001 }));
  });

  it('has an SQL twin that gives the same sums in DuckDB: empty cells, negatives, cents, the largest values', async () => {
    const sql = await nodeSql();
    const ids = [count, change, amount];
    const rows: Report['metrics'][] = [
      {},
      { [count]: 0 },
      { [count]: 5, [change]: -3, [amount]: 40.13 },
      { [change]: 0, [amount]: 0 },
      { [count]: 2_000_000_000, [change]: -1_999_999_999, [amount]: 1_999_999_999.99 },
      { [amount]: 0.01 },
    ];
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? 'NULL' : String(v));
    const values = rows.map((r, i) => `(${i}, ${ids.map((id) => cell(r[id])).join(', ')})`).join(', ');
    const at = (m: number) => {
      const k = ids.indexOf(METRICS[m]!.id);
      return k < 0 ? null : `c${k}`;
    };
    const got = await sql.query<{ chk: number }>(
      `SELECT ${checksumSql(at)} AS chk FROM (VALUES ${values}) AS t(i, c0, c1, c2) ORDER BY i`,
    );
    expect(got.map((r) => r.chk)).toEqual(rows.map((r) => sum(r)));
    expect(checksumSql(() => null)).toBe('CAST(0 AS DOUBLE)');
  }, 30_000);
});
