import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { nodeSql } from '../src/lib/db/testing/node-sql.ts';
import { open, rankingRows } from './helpers.ts';

/** The ranking computed by a hand-written SQL query straight over the embedded CSV file (not the app's queries). */
async function directRanking(year: number, measureSql: string): Promise<{ town: string; v: number | null }[]> {
  const sql = await nodeSql();
  const file = resolve('data/reports/wenshang_sample_2019-2025.csv');
  return sql.query<{ town: string; v: number | null }>(
    `SELECT town, CAST(${measureSql} AS DOUBLE) AS v FROM read_csv('${file}', header = true, types = {'town_code': 'VARCHAR'})
     WHERE year = ${year} ORDER BY v DESC NULLS LAST, town_code`,
  );
}

const VOLUME = `COALESCE(pub_total, CASE WHEN pub_website IS NULL AND pub_newmedia IS NULL AND pub_board IS NULL AND pub_other IS NULL
  THEN NULL ELSE COALESCE(pub_website, 0) + COALESCE(pub_newmedia, 0) + COALESCE(pub_board, 0) + COALESCE(pub_other, 0) END)`;

for (const [year, measure, sql] of [
  [2023, 'pub_volume', VOLUME],
  [2020, 'pub_volume', VOLUME],
  [2024, 'train_people', 'train_people'],
] as const) {
  test(`the ranking of ${measure} ${year} matches a direct SQL query over the data file`, async ({ page }) => {
    const expected = await directRanking(year, sql);
    await open(page, `?view=ranking&year=${year}&measure=${measure}`);
    const shown = await rankingRows(page);
    expect(shown.map((r) => r.town)).toEqual(expected.map((r) => r.town));
    expect(shown.map((r) => (r.value.startsWith('未报告') ? null : Number(r.value.replace(/,/g, ''))))).toEqual(expected.map((r) => r.v));
  });
}
