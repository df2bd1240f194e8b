/**
 * Imports kept in the browser are never lost: a page closed in the middle of a save reopens with
 * the earlier imports or the new ones, whole; two tabs importing one after the other both keep
 * their data (each tab shows the other's as soon as it is saved).
 */
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateReports } from '../scripts/sample/generator.ts';
import { wideCsvHeader, wideCsvRow } from '../src/lib/ingest/write-csv.ts';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import { open, rankingRows, waitComplete } from './helpers.ts';

const HEADER = '县（市、区）,镇街,区划代码,年度,表式,来源,政府网站主动公开信息';
const csv = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${rows.join('\n')}\n`, 'utf8') });

async function importFile(page: Page, f: ReturnType<typeof csv>, n: number) {
  const toggle = page.getByRole('button', { name: '导入数据', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByLabel('选择文件').setInputFiles(f);
  await page.getByRole('button', { name: `载入 ${n} 份报告` }).click();
}

async function saved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: '已保存在本浏览器中' })).toBeVisible({ timeout: 30_000 });
}

async function websiteRanking(page: Page, year: number) {
  await page.goto(`/?view=ranking&year=${year}&measure=pub_website`);
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await waitComplete(page, 'ranking');
  return rankingRows(page);
}

test('a page closed in the middle of saving an import reopens with the earlier imports or the new ones, whole', async ({ context }) => {
  test.setTimeout(120_000);
  // IndexedDB writes counted; once the test asks, the page stalls for a while after the next write,
  // so that it is closed between two writes of the save, as a person closing the tab would
  await context.addInitScript(() => {
    const w = window as unknown as { __puts: number; __stallAfter: number | null };
    w.__puts = 0;
    w.__stallAfter = null;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      request.addEventListener('success', () =>
        setTimeout(() => {
          w.__puts++;
          if (w.__stallAfter !== null && w.__puts > w.__stallAfter) {
            const until = Date.now() + 10_000;
            while (Date.now() < until) {
              // the page is busy: no further write is issued until it is closed
            }
          }
        }, 0),
      );
      return request;
    };
  });
  const page = await context.newPage();
  await open(page);
  await importFile(page, csv('早先.csv', ['汶上县,康驿镇,370830106,2026,2021,早先,11', '汶上县,南旺镇,370830102,2026,2021,早先,22']), 2);
  await saved(page);
  await page.evaluate(() => {
    const w = window as unknown as { __puts: number; __stallAfter: number | null };
    w.__stallAfter = w.__puts;
  });

  // a larger import (20,000 towns, 2026: two chunks in the browser's storage), closed as soon as its
  // first chunk is written, before the second and before the switch to it
  const divisions = parseDivisions(readFileSync(fileURLToPath(new URL('../data/divisions/townships_cn.csv', import.meta.url)), 'utf8')).slice(0, 20_000);
  const reports = [...generateReports(divisions, { years: [2026], breaks: false })];
  const big = { name: '两万个镇街.csv', mimeType: 'text/csv', buffer: Buffer.from(Papa.unparse([wideCsvHeader('id'), ...reports.map(wideCsvRow)], { newline: '\n' }), 'utf8') };
  await importFile(page, big, reports.length);
  // the first chunk of the save is written, then the page stalls: close it
  await expect(page.getByRole('status').filter({ hasText: '正在把导入的数据保存' })).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(3_000);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await open(again);
  const header = (await again.locator('header').innerText()).replace(/\s+/g, ' ');
  if (header.includes(' 15 个镇街')) {
    // the earlier imports, whole
    const rows = (await websiteRanking(again, 2026)).filter((r) => !r.value.startsWith('未报告'));
    expect(rows.map((r) => [r.town, r.value]).sort()).toEqual([
      ['南旺镇', '22'],
      ['康驿镇', '11'],
    ]);
  } else {
    // or the new import, whole: the embedded towns and the 20,000 imported (some of them the same)
    const embedded = Papa.parse<Record<string, string>>(readFileSync(fileURLToPath(new URL('../data/reports/wenshang_sample_2019-2025.csv', import.meta.url)), 'utf8'), { header: true }).data;
    const towns = new Set([...embedded.map((r) => r.town_code).filter(Boolean), ...reports.map((r) => r.town_code)]);
    expect(header).toContain(` ${towns.size.toLocaleString('zh-CN')} 个镇街`);
  }
});

test('two tabs importing one after the other both keep their data, and each shows the other’s', async ({ context }) => {
  test.setTimeout(90_000);
  const a = await context.newPage();
  const b = await context.newPage();
  await open(a);
  await open(b);
  await importFile(a, csv('甲.csv', ['汶上县,康驿镇,370830106,2026,2021,甲,31']), 1);
  await saved(a);
  // the other tab shows it without being reloaded, and says why
  await expect(b.getByRole('status').filter({ hasText: '另一个标签页更改了导入的数据' })).toBeVisible({ timeout: 15_000 });
  await importFile(b, csv('乙.csv', ['汶上县,南旺镇,370830102,2026,2021,乙,42']), 1);
  await saved(b);
  for (const page of [a, b]) {
    const rows = await websiteRanking(page, 2026);
    expect(rows.find((r) => r.town === '康驿镇')?.value, 'tab').toBe('31');
    expect(rows.find((r) => r.town === '南旺镇')?.value).toBe('42');
  }
});
