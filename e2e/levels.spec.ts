/**
 * 层级 at prefecture scale: all 158 towns of 济宁市 (generated, 2026) imported beside the
 * embedded 汶上县 data; compare 地市, drill from 济宁市 to its 县区, from 汶上县 to its towns, and
 * open a town. Every area's value must be the sum of its members' values shown one level down.
 */
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateReports } from '../scripts/sample/generator.ts';
import { wideCsvHeader, wideCsvRow } from '../src/lib/ingest/write-csv.ts';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import { open, rankingRows, waitComplete } from './helpers.ts';

const divisions = parseDivisions(readFileSync(fileURLToPath(new URL('../data/divisions/townships_jining_3708.csv', import.meta.url)), 'utf8'));
const reports = [...generateReports(divisions, { years: [2026], breaks: false })];
const csv = Papa.unparse([wideCsvHeader('id'), ...reports.map(wideCsvRow)], { newline: '\n' });

const num = (s: string) => Number(s.replace(/,/g, ''));

async function importJining(page: Page) {
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件').setInputFiles({ name: '济宁市_2026.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const load = page.getByRole('button', { name: `载入 ${reports.length} 份报告` });
  await expect(load).toBeVisible({ timeout: 30_000 });
  await load.click();
  await expect(page.getByRole('status').filter({ hasText: `已载入 ${reports.length} 份报告` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: '已保存在本浏览器中' })).toBeVisible({ timeout: 30_000 });
}

test('switches 层级 and drills from 济宁市 to 汶上县 to a town', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // one county: no 层级 control
  await expect(page.getByLabel('层级')).toHaveCount(0);
  await importJining(page);

  await page.getByRole('link', { name: '排名', exact: true }).click();
  await page.getByLabel('年度', { exact: true }).selectOption('2026');
  await waitComplete(page, 'ranking');
  // 158 towns: compared as towns by default
  const level = page.getByLabel('层级');
  await expect(level).toHaveValue('town');
  const towns = await rankingRows(page);
  expect(towns).toHaveLength(158);
  const townSum = towns.reduce((a, r) => a + (r.value.startsWith('未报告') ? 0 : num(r.value)), 0);

  await level.selectOption('city');
  await waitComplete(page, 'ranking');
  await expect(page.locator('table.ranking caption')).toContainText('各地市');
  const cities = await rankingRows(page);
  expect(cities).toEqual([{ rank: '1', town: '济宁市', value: townSum.toLocaleString('zh-CN') }]);

  // drill: 济宁市 → its 县区
  await page.locator('table.ranking').getByRole('link', { name: '济宁市' }).click();
  await waitComplete(page, 'ranking');
  await expect(level).toHaveValue('county');
  await expect(page).toHaveURL(/in=3708/);
  await expect(page.getByRole('navigation', { name: '区划范围' })).toContainText('济宁市');
  const counties = await rankingRows(page);
  expect(counties).toHaveLength(12);
  expect(counties.reduce((a, r) => a + num(r.value), 0)).toBe(townSum);
  const wenshang = counties.find((r) => r.town === '汶上县')!;

  // the charts follow: publication per 县区
  await page.getByRole('link', { name: '主动公开', exact: true }).click();
  await waitComplete(page, 'publication');
  await expect(page.locator('[data-view="publication"] figure.card').first()).toHaveAttribute('data-chart', /各县区/);
  await page.getByRole('link', { name: '排名', exact: true }).click();
  await waitComplete(page, 'ranking');

  // drill: 汶上县 → its towns
  await page.locator('table.ranking').getByRole('link', { name: '汶上县' }).click();
  await waitComplete(page, 'ranking');
  await expect(level).toHaveValue('town');
  await expect(page).toHaveURL(/in=370830/);
  const path = page.getByRole('navigation', { name: '区划范围' });
  await expect(path).toContainText('济宁市');
  await expect(path).toContainText('汶上县');
  const wenshangTowns = await rankingRows(page);
  expect(wenshangTowns).toHaveLength(15);
  expect(wenshangTowns.reduce((a, r) => a + num(r.value), 0)).toBe(num(wenshang.value));

  // back up one step with the path, then down again and into a town
  await path.getByRole('link', { name: '济宁市' }).click();
  await waitComplete(page, 'ranking');
  await expect(level).toHaveValue('county');
  expect(await rankingRows(page)).toHaveLength(12);
  await page.goBack();
  await waitComplete(page, 'ranking');
  await expect(level).toHaveValue('town');

  await page.locator('table.ranking').getByRole('link', { name: '康驿镇' }).click();
  await waitComplete(page, 'town');
  await expect(page.locator('[data-view="town"] h2')).toContainText('康驿镇');
});

test('towns with neither a division code nor a county name are the 县区 未知县区, never its key', async ({ page }) => {
  await open(page);
  // a file without a 县 column, of towns the division list does not know (no code filled in)
  const file = '镇街,年度,主动公开信息总数\n甲新镇,2025,10\n乙新镇,2025,20\n';
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件').setInputFiles({ name: '无县名.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
  const load = page.getByRole('button', { name: '载入 2 份报告' });
  await expect(load).toBeVisible({ timeout: 30_000 });
  await load.click();
  await expect(page.getByRole('status').filter({ hasText: '已保存在本浏览器中' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('link', { name: '排名', exact: true }).click();
  await page.getByLabel('层级').selectOption('county');
  await waitComplete(page, 'ranking');
  const rows = await rankingRows(page);
  expect(rows.map((r) => r.town)).toEqual(['汶上县', '未知县区']);
  expect(rows[1]!.value).toBe('30');
  expect(await page.locator('[data-view="ranking"]').innerText()).not.toMatch(/n:/);
  // the chart's data table names it the same way
  await page.locator('[data-view] details.data summary').first().click();
  await expect(page.locator('[data-view] details.data')).toContainText('未知县区');

  // and it can be drilled into like any 县区
  await page.locator('table.ranking').getByRole('link', { name: '未知县区' }).click();
  await waitComplete(page, 'ranking');
  await expect(page.getByRole('navigation', { name: '区划范围' })).toContainText('未知县区');
  expect((await rankingRows(page)).map((r) => r.town)).toEqual(['乙新镇', '甲新镇']);
});
