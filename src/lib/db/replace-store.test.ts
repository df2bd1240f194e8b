/**
 * Replacing every report loads the new set into a database of its own and switches to it: the old
 * one is detached (its memory freed), and a failure leaves the data shown before untouched.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeSets } from '../ingest/merge.ts';
import { parseFileColumns } from '../ingest/parse-columns.ts';
import { createReportsTable, insertParts, LoadedIncomplete, replaceAllParts, type LoadPart } from './reports-table.ts';
import type { Store } from './store.ts';
import { nodeSql } from './testing/node-sql.ts';

const read = (p: string) => new Uint8Array(readFileSync(new URL(`../../../${p}`, import.meta.url)));
const partsOf = (name: string, bytes: Uint8Array, origin: 'embedded' | 'imported'): LoadPart[] => {
  const p = parseFileColumns(name, bytes, { maxYear: 2026 });
  return mergeSets([{ file: p.file, set: { columns: p.columns, keys: p.keys }, issues: p.issues }]).parts.map((x) => ({ ...x, origin }));
};

let sql: Store;
const count = async () => (await sql.query<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${sql.reports}`))[0]!.n;
const databases = async () =>
  (await sql.query<{ name: string }>(`SELECT database_name AS name FROM duckdb_databases() WHERE database_name LIKE 'store%' ORDER BY 1`)).map((r) => r.name);

beforeAll(async () => {
  sql = await nodeSql();
  await createReportsTable(sql);
  await insertParts(sql, partsOf('wenshang.csv', read('data/reports/wenshang_sample_2019-2025.csv'), 'embedded'));
}, 30_000);

describe('replaceAllParts', () => {
  it('switches to a new database with the new set and detaches the old one', async () => {
    expect([sql.database, await count()]).toEqual(['store', 104]);
    await replaceAllParts(sql, partsOf('kangyi.json', read('data/reports/kangyi_2021.json'), 'imported'));
    expect(sql.database).not.toBe('store');
    expect(await databases()).toEqual([sql.database]);
    expect(await count()).toBe(1);
    expect(await sql.query(`SELECT town FROM ${sql.towns}`)).toEqual([{ town: '康驿镇' }]);
  });

  it('a failed load leaves the data shown before as it was', async () => {
    const before = sql.database;
    const good = partsOf('wenshang.csv', read('data/reports/wenshang_sample_2019-2025.csv'), 'imported');
    // the database refuses the rows half way (e.g. out of memory)
    const refuse = vi.spyOn(sql.sql, 'appendArrow').mockRejectedValueOnce(new Error('内存不足'));
    await expect(replaceAllParts(sql, good)).rejects.toThrow('内存不足');
    expect(refuse).toHaveBeenCalled();
    refuse.mockRestore();
    expect(sql.database).toBe(before);
    expect(await databases()).toEqual([before]);
    expect(await count()).toBe(1);
  });

  it('a failure after the switch says the new data is loaded (LoadedIncomplete), not that nothing changed', async () => {
    const before = sql.database;
    const exec = sql.sql.exec.bind(sql.sql);
    // the towns table of the new database cannot be rebuilt (e.g. out of memory)
    const refuse = vi.spyOn(sql.sql, 'exec').mockImplementation((q: string) => (/CREATE OR REPLACE TABLE \S+\.towns AS/.test(q) ? Promise.reject(new Error('内存不足')) : exec(q)));
    const kangyi = partsOf('kangyi.json', read('data/reports/kangyi_2021.json'), 'imported');
    const failure = await replaceAllParts(sql, kangyi).catch((e: unknown) => e);
    refuse.mockRestore();
    expect(failure).toBeInstanceOf(LoadedIncomplete);
    expect((failure as Error).message).toContain('镇街列表未能更新');
    // the new reports are the ones queried, the old database is gone
    expect(sql.database).not.toBe(before);
    expect(await databases()).toEqual([sql.database]);
    expect(await count()).toBe(1);
  });
});
