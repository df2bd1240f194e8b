/**
 * A ratio over 0 is not 未报告: in 2025 most towns of the sample received no application, so they
 * have no 公开率. They reported: the ranking lists them as "—（无办理的申请）" after the ranked
 * towns, the chart names them apart from 未报告, and the exported CSV says the same.
 */
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { nodeSql } from '../src/lib/db/testing/node-sql.ts';
import { downloaded, open, rankingRows } from './helpers.ts';

/** 2025's handled applications and open ones per town, straight from the data file. */
async function fromFile(): Promise<{ town: string; handled: number | null; opened: number | null }[]> {
  const sql = await nodeSql();
  const file = resolve('data/reports/wenshang_sample_2019-2025.csv');
  return sql.query(
    `SELECT town, CAST(t3_total_total AS DOUBLE) AS handled,
            CAST(CASE WHEN t3_open_total IS NULL AND t3_partial_total IS NULL THEN NULL ELSE coalesce(t3_open_total, 0) + coalesce(t3_partial_total, 0) END AS DOUBLE) AS opened
     FROM read_csv('${file}', header = true, types = {'town_code': 'VARCHAR'}) WHERE year = 2025 ORDER BY town_code`,
  );
}

test('公开率 2025 lists every town that reported; those with no application as "—" after the ranked ones, never 未报告', async ({ page }) => {
  const file = await fromFile();
  const none = file.filter((t) => t.handled === 0).map((t) => t.town);
  expect(none.length).toBeGreaterThan(5);
  await open(page, '?view=ranking&year=2025&measure=open_rate');
  const rows = await rankingRows(page);
  expect(rows).toHaveLength(15);
  expect(rows.filter((r) => r.value.startsWith('未报告'))).toEqual([]);
  const ranked = rows.filter((r) => r.rank !== '—');
  const dashes = rows.filter((r) => r.rank === '—');
  // the ranked towns first, by value, then the towns without a base
  expect(rows.slice(0, ranked.length)).toEqual(ranked);
  expect(dashes.map((r) => r.town).sort()).toEqual([...none].sort());
  expect(dashes.every((r) => r.value === '—（无办理的申请）')).toBe(true);
  for (const r of ranked) {
    const t = file.find((x) => x.town === r.town)!;
    expect(r.value).toBe(`${Math.round((t.opened! / t.handled!) * 1000) / 10}%`.replace('.0%', '%'));
  }

  // the chart names them apart from 未报告
  const title = '2025 年各镇街公开率排名';
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出图片（SVG）：${title}` }).click()]);
  const svgText = (await downloaded(svg)).toString('utf8');
  expect(svgText).toContain('无办理的申请（“—”，不参与排名）');
  expect(svgText).not.toContain('未报告（不参与排名）');

  // the ranking table's CSV: values as shown, 同比增幅 in %, the rank change in words
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出数据（CSV）：${title}` }).last().click()]);
  const lines = new TextDecoder().decode(await downloaded(csv)).replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toBe('排名,镇街,公开率（%）,同比增减（较 2024 年，个百分点）,同比增幅（%）,排名变化');
  for (const town of none) expect(lines.find((l) => l.split(',')[1] === town)).toMatch(/^—,[^,]+,—（无办理的申请）,/);
  const moves = lines.slice(1).map((l) => l.split(',').at(-1));
  expect(moves.every((m) => /^(上升 \d+ 位|下降 \d+ 位|持平|上年未排名|—)$/.test(m!))).toBe(true);
});

test('the ranking table’s CSV writes 同比增幅 as a percentage and 排名变化 in words, as the table shows them', async ({ page }) => {
  await open(page, '?view=ranking&year=2025&measure=pub_volume');
  const rows = await page.locator('table.ranking tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim())));
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出数据（CSV）：2025 年各镇街主动公开总量排名' }).last().click(),
  ]);
  const lines = new TextDecoder().decode(await downloaded(csv)).replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toBe('排名,镇街,主动公开总量（条）,同比增减（较 2024 年）,同比增幅（%）,排名变化');
  for (const shown of rows) {
    const [rank, town, , , ratio, move] = shown;
    const line = lines.find((l) => l.split(',')[1] === town!.replace(/\s*示例$/, ''))!.split(',');
    expect(line[0]).toBe(rank);
    expect(line[5]).toBe(move);
    // +17.2% on screen is 17.2 in the file
    if (ratio !== '—') expect(Number(line[4])).toBeCloseTo(Number(ratio!.replace(/[+%]/g, '')), 5);
  }
});
