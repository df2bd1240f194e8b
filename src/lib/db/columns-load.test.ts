/**
 * Loading report columns (the fast path) gives the same table as loading Report objects.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_FILES } from '../ingest/corpus/files.ts';
import { concatParts } from '../ingest/columns.ts';
import { mergeFiles, mergeSets } from '../ingest/merge.ts';
import { parseFileColumns } from '../ingest/parse-columns.ts';
import { parseReportFile } from '../ingest/parse-file.ts';
import { createReportsTable, insertParts, insertReports } from './reports-table.ts';
import type { Store } from './store.ts';
import { nodeSql } from './testing/node-sql.ts';

const read = (p: string) => new Uint8Array(readFileSync(new URL(`../../../${p}`, import.meta.url)));

let sql: Store;
beforeAll(async () => {
  sql = await nodeSql();
  await createReportsTable(sql);
}, 30_000);

const rows = async () => sql.query(`SELECT * FROM ${sql.reports} ORDER BY town_key, year, origin`);

async function bothWays(files: [string, Uint8Array][]) {
  const old = mergeFiles(files.map(([n, b]) => parseReportFile(n, b, { maxYear: 2026 })));
  const parsed = files.map(([n, b]) => parseFileColumns(n, b, { maxYear: 2026 }));
  const now = mergeSets(parsed.map((p) => ({ file: p.file, set: { columns: p.columns, keys: p.keys }, issues: p.issues })));
  expect(now.issues).toEqual(old.issues);
  expect(now.count).toBe(old.reports.length);
  await sql.exec(`DELETE FROM ${sql.reports}`);
  await insertReports(sql, old.reports, 'imported');
  const want = await rows();
  await sql.exec(`DELETE FROM ${sql.reports}`);
  await insertParts(sql, now.parts.map((p) => ({ ...p, origin: 'imported' as const })));
  expect(await rows()).toEqual(want);
  // and once more as one concatenated set
  await sql.exec(`DELETE FROM ${sql.reports}`);
  await insertParts(sql, [{ set: concatParts(now.parts), origin: 'imported' }]);
  expect(await rows()).toEqual(want);
  return want.length;
}

describe('columns → DuckDB', () => {
  it('the embedded data', async () => {
    expect(await bothWays([
      ['kangyi_2021.json', read('data/reports/kangyi_2021.json')],
      ['wenshang_sample_2019-2025.csv', read('data/reports/wenshang_sample_2019-2025.csv')],
    ])).toBe(105);
  }, 30_000);

  it('the corpus, all files at once (with conflicts between files)', async () => {
    expect(await bothWays(Object.entries(CORPUS_FILES))).toBeGreaterThan(20);
  }, 30_000);
});
