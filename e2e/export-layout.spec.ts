/**
 * Exported images are documents: every chart of every view, exported exactly as a user does it
 * (its SVG and PNG buttons), laid out by Chromium with the real fonts. No two texts overlap, no
 * text leaves the image, every category of the chart's data with a value (the first column of its
 * CSV) is written in the image (an axis label, a legend entry, a pie label or a subtitle), and
 * the PNG is the SVG's layout at 2×. At county scale (15 towns) and prefecture scale (158).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateReports } from '../scripts/sample/generator.ts';
import { wideCsvHeader, wideCsvRow } from '../src/lib/ingest/write-csv.ts';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import { measureSvg, outside, overlaps } from './export-geometry.ts';
import { downloaded, open, waitComplete } from './helpers.ts';

const VIEWS = ['overview', 'ranking', 'publication', 'training', 'applications', 'review', 'town', 'quality'];

/**
 * Click an export button and take its file. Chromium drops a download that comes within a second
 * or so of ten others (a person never clicks that fast), so the test paces its clicks.
 */
async function save(page: Page, button: ReturnType<Page['getByRole']>): Promise<Buffer> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  page.on('pageerror', onError);
  try {
    await page.waitForTimeout(300);
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), button.click()]);
    return downloaded(d);
  } catch (e) {
    throw new Error(`${await button.getAttribute('aria-label')}：没有下载（${errors.join('；') || String(e)}）`);
  } finally {
    page.off('pageerror', onError);
  }
}

/** Every problem of every chart of every view, as lines `view · chart: problem`. */
async function checkViews(browser: Browser, page: Page, search: string): Promise<{ problems: string[]; charts: number }> {
  const probe = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  let charts = 0;
  for (const view of VIEWS) {
    await page.goto(`/?view=${view}${search}`);
    await waitComplete(page, view);
    const cards = page.locator(`[data-view="${view}"] figure.card`);
    const n = await cards.count();
    expect(n, view).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const title = (await card.getAttribute('data-chart')) ?? `#${i}`;
      const where = `${view} · ${title}`;
      if (process.env.DEBUG_EXPORT) console.log(new Date().toISOString(), where);
      charts++;
      const svgText = (await save(page, card.getByRole('button', { name: /导出图片（SVG）/ }))).toString('utf8');
      const png = await save(page, card.getByRole('button', { name: /导出图片（PNG）/ }));
      const csv = new TextDecoder().decode(await save(page, card.getByRole('button', { name: /导出数据（CSV）/ }))).replace(/^\ufeff/, '');

      const svg = await measureSvg(probe, svgText);
      for (const o of overlaps(svg.boxes)) problems.push(`${where}: 文字重叠 ${o}`);
      for (const t of outside(svg)) problems.push(`${where}: 文字超出图片 「${t}」`);
      // the PNG is the same layout at twice the resolution
      if (png.readUInt32BE(16) !== svg.width * 2 || png.readUInt32BE(20) !== Math.round(svg.height) * 2)
        problems.push(`${where}: PNG ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}，SVG ${svg.width}×${svg.height}`);
      const written = svg.boxes.map((b) => b.text).join('\n');
      const rows = (Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data as string[][]).slice(1);
      // a category whose values are all 0 or empty may be left out (a donut has no slice of 0; a
      // chart of zeros says 本年度无…案件 instead of drawing empty bars)
      for (const row of rows) {
        const category = String(row[0] ?? '').replace(/^'/, '');
        const something = row.slice(1).some((v) => v !== '' && v !== '未报告' && Number(v) !== 0);
        if (category !== '' && something && !written.includes(category)) problems.push(`${where}: 图中没有「${category}」`);
      }
      for (const must of [title, '数据来源']) if (!written.includes(must)) problems.push(`${where}: 图中没有「${must}」`);
    }
  }
  await probe.context().close();
  return { problems, charts };
}

test('county scale: every exported chart of every view is laid out without overlaps and names all it shows', async ({ browser, page }) => {
  test.setTimeout(240_000);
  await open(page);
  const { problems, charts } = await checkViews(browser, page, '&year=2025');
  expect(charts).toBeGreaterThanOrEqual(16);
  expect(problems).toEqual([]);
});

test('prefecture scale (158 towns): every exported chart of every view is laid out without overlaps and names all it shows', async ({ browser, page }) => {
  test.setTimeout(300_000);
  const divisions = parseDivisions(readFileSync(fileURLToPath(new URL('../data/divisions/townships_jining_3708.csv', import.meta.url)), 'utf8'));
  const reports = [...generateReports(divisions, { years: [2026], breaks: false })];
  const csv = Papa.unparse([wideCsvHeader('id'), ...reports.map(wideCsvRow)], { newline: '\n' });
  await open(page);
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件').setInputFiles({ name: '济宁市_2026.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: `载入 ${reports.length} 份报告` }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存在本浏览器中' })).toBeVisible({ timeout: 30_000 });
  const { problems, charts } = await checkViews(browser, page, '&year=2026');
  expect(charts).toBeGreaterThanOrEqual(16);
  expect(problems).toEqual([]);
});
