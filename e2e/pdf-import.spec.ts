import { expect, test, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cmapPdf, CMAP_REPORT } from '../scripts/fixtures/report-pdf.ts';
import { open, rankingRows, waitComplete } from './helpers.ts';

/**
 * A PDF report dropped into 导入数据: printed here by Chromium from one of the corpus's PDF
 * fixtures (宁乡市灰汤镇 2021, layout 2021, 表三 split across pages), read in the import worker by
 * pdf.js from the app's own origin, shown as its official tables beside its text, loaded, ranked.
 */
const FIXTURE = new URL('../src/lib/report-doc/corpus/huitang-2021-pdf/report.pdf.html', import.meta.url);
const NAME = '宁乡市灰汤镇2021年政府信息公开工作年度报告.pdf';

/** A page that is only an image of text, as a scanner gives it. */
const SCAN = `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 0 } body { margin: 0 }</style></head>
<body><canvas id="c" width="794" height="1000"></canvas><script>
const g = document.getElementById('c').getContext('2d');
g.fillStyle = '#f4f1ea'; g.fillRect(0, 0, 794, 1000); g.fillStyle = '#222'; g.font = '28px serif';
g.fillText('汶上县郭楼镇人民政府2023年政府信息公开工作年度报告', 60, 90);
</script></body></html>`;

let reportPdf: Buffer;
let scanPdf: Buffer;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.setContent(readFileSync(FIXTURE, 'utf8'));
  reportPdf = await page.pdf({ preferCSSPageSize: true });
  await page.setContent(SCAN);
  scanPdf = await page.pdf({ preferCSSPageSize: true });
  await page.close();
});

async function openImport(page: Page) {
  const toggle = page.getByRole('button', { name: '导入数据' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByRole('heading', { name: '导入数据' })).toBeVisible();
}

/** Drop files on the drop zone, as a person would. */
async function drop(page: Page, files: { name: string; data: Buffer }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name, { type: 'application/pdf' }));
    return dt;
  }, files.map((f) => ({ name: f.name, data: [...f.data] })));
  await page.getByRole('region', { name: '拖放文件区域' }).dispatchEvent('drop', { dataTransfer: transfer });
}

test('a PDF report dropped into 导入数据 is shown as its official tables beside its text, then loaded and ranked; nothing is fetched from another host', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await open(page);
  const before = requests.length;
  await openImport(page);
  await drop(page, [{ name: NAME, data: reportPdf }]);
  await expect(page.getByRole('button', { name: '载入 1 份报告' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('table.files')).toContainText('年度报告全文');
  const preview = page.getByRole('region', { name: /报告预览/ });
  await expect(preview).toContainText('宁乡市灰汤镇 2021 年（2021 表式）');
  await expect(preview.locator('[data-metric="pub_total"]')).toHaveText('1,639 条');
  await expect(preview.locator('[data-metric="pub_newmedia"]')).toHaveText('1,246 条');
  await expect(preview.locator('[data-table="t2"] [data-metric="t2_fees_amount"]')).toHaveText('3.86');
  await expect(preview.locator('[data-table="t3"] [data-metric="t3_new_total"]')).toHaveText('8');
  await expect(preview.locator('[data-table="t3"] [data-metric="t3_unable_not_held_legal"]')).toHaveText('1');
  await expect(preview.locator('[data-table="t4"] [data-metric="t4_review_total"]')).toHaveText('3');
  // the text beside the tables: paragraphs joined across lines, page numbers gone
  const text = preview.locator('pre');
  await expect(text).toContainText('通过“灰汤发布”微信公众号推送1246条');
  await expect(text).not.toContainText('- 2 -');

  // pdf.js, its worker and its cMaps came from the app itself, and only once a PDF was given
  const pdfRequests = requests.slice(before).map((r) => new URL(r.url()));
  expect(pdfRequests.some((u) => /pdf\.worker/.test(u.pathname))).toBe(true);
  expect(requests.slice(0, before).some((r) => /pdfjs|pdf\.worker|bcmap/.test(r.url()))).toBe(false);
  const origin = new URL(page.url()).origin;
  expect(requests.map((r) => new URL(r.url())).filter((u) => !['data:', 'blob:'].includes(u.protocol) && u.origin !== origin)).toEqual([]);

  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已载入 1 份报告' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /已保存在本浏览器中/ })).toBeVisible({ timeout: 30_000 });

  await page.goto('/?view=ranking&year=2021&measure=pub_volume');
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await waitComplete(page, 'ranking');
  const rows = await rankingRows(page);
  expect(rows.find((r) => r.town === '灰汤镇')).toEqual({ rank: '1', town: '灰汤镇', value: '1,639' });
});

test('a scanned PDF is not loaded: the message names the file, says it is a scan without text, and what to give instead', async ({ page }) => {
  await open(page);
  await openImport(page);
  await drop(page, [{ name: '郭楼镇2023年报告（扫描件）.pdf', data: scanPdf }]);
  const issues = page.locator('.issues');
  await expect(issues).toContainText('「郭楼镇2023年报告（扫描件）.pdf」是扫描得到的图片 PDF，没有文字层', { timeout: 30_000 });
  await expect(issues).toContainText('Word 文件（.docx）');
  await expect(page.getByRole('button', { name: '载入 0 份报告' })).toBeDisabled();
});

test('a PDF whose Chinese font is not embedded is read with the CJK cMaps the app serves itself', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  await open(page);
  await openImport(page);
  await drop(page, [{ name: '郭仓镇2026年报告.pdf', data: Buffer.from(cmapPdf(CMAP_REPORT)) }]);
  await expect(page.getByRole('button', { name: '载入 1 份报告' })).toBeVisible({ timeout: 30_000 });
  const preview = page.getByRole('region', { name: /报告预览/ });
  await expect(preview).toContainText('汶上县郭仓镇 2026 年');
  await expect(preview.locator('[data-metric="pub_website"]')).toHaveText('35 条');
  const origin = new URL(page.url()).origin;
  const cmaps = requests.map((r) => new URL(r.url())).filter((u) => u.pathname.endsWith('.bcmap'));
  expect(cmaps.length).toBeGreaterThan(0);
  expect(cmaps.every((u) => u.origin === origin)).toBe(true);
});
