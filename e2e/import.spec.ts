import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { readdirSync, readFileSync } from 'node:fs';
import { downloaded, open, rankingRows, waitComplete } from './helpers.ts';
import { xlsxWorkbook } from '../src/lib/ingest/testing/xlsx.ts';

/** A file for the file picker, as Excel on Chinese Windows (GBK) or anything else (UTF-8) writes it. */
const file = (name: string, text: string, encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8') => ({
  name,
  mimeType: 'text/csv',
  buffer:
    encoding === 'gbk'
      ? iconv.encode(text, 'gbk')
      : Buffer.concat([encoding === 'utf8bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]),
});

const WIDE_HEADER = '县（市、区）,镇街,区划代码,年度,表式,来源,政府网站主动公开信息,政务新媒体（微信公众号等）发布信息,政务公开培训次数';
const utf8Towns = file('两镇_UTF8.csv', `${WIDE_HEADER}\n汶上县,康驿镇,370830106,2026,2021,康驿镇2026年报告,100,200,5\n汶上县,南旺镇,370830102,2026,2021,南旺镇2026年报告,50,"1,234",3\n`, 'utf8bom');
const gbkTowns = file('两镇_GBK.csv', `${WIDE_HEADER}\n汶上县,义桥镇,370830108,2026,2021,义桥镇报告,７０,80,2\n汶上县,郭仓镇,,2026,2021,郭仓镇报告,10,20,—\n`, 'gbk');

async function openImport(page: Page) {
  const toggle = page.getByRole('button', { name: '导入数据' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByRole('heading', { name: '导入数据' })).toBeVisible();
}

async function choose(page: Page, files: ReturnType<typeof file>[]) {
  await page.getByLabel('选择文件').setInputFiles(files);
  await expect(page.getByRole('button', { name: /载入 \d+ 份报告/ })).toBeVisible({ timeout: 30_000 });
}

/**
 * The import is loaded (the panel says so), then kept in this browser: the data is shown at once
 * and saved meanwhile, and a person leaving the page before 已保存 would lose it.
 */
async function loaded(page: Page, text: string | RegExp) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /已保存在本浏览器中|本浏览器中保存的导入数据已清除/ })).toBeVisible({ timeout: 30_000 });
}

async function ranking(page: Page, year: number, measure = 'pub_volume') {
  await page.goto(`/?view=ranking&year=${year}&measure=${measure}`);
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await waitComplete(page, 'ranking');
  return rankingRows(page);
}

test('imports a GBK file and a UTF-8 file of two towns each, shows them ranked, and keeps them across a reload', async ({ page }) => {
  await open(page);
  await openImport(page);
  await choose(page, [utf8Towns, gbkTowns]);
  const files = page.locator('table.files tbody tr');
  await expect(files.filter({ hasText: '两镇_UTF8.csv' })).toContainText('UTF-8');
  await expect(files.filter({ hasText: '两镇_GBK.csv' })).toContainText('GB18030');
  // 郭仓镇 has no code: it is filled in from the division list, and said so
  await expect(page.getByText(/补全区划代码/).first()).toBeAttached();
  await page.getByRole('button', { name: '载入 4 份报告' }).click();
  await loaded(page, '已载入 4 份报告');

  const rows = await ranking(page, 2026);
  expect(rows.slice(0, 4)).toEqual([
    { rank: '1', town: '南旺镇', value: '1,284' },
    { rank: '2', town: '康驿镇', value: '300' },
    { rank: '3', town: '义桥镇', value: '150' },
    { rank: '4', town: '郭仓镇', value: '30' },
  ]);
  expect(rows.slice(4).every((r) => r.value.startsWith('未报告'))).toBe(true);
  // the embedded years are still there
  expect((await ranking(page, 2021)).find((r) => r.town === '康驿镇')?.value).toBe('598');

  await page.reload();
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  const again = await ranking(page, 2026);
  expect(again.slice(0, 4).map((r) => r.town)).toEqual(['南旺镇', '康驿镇', '义桥镇', '郭仓镇']);

  // 清除导入数据, after confirmation
  await openImport(page);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '清除导入数据' }).click();
  await loaded(page, '已清除导入的数据');
  await page.reload();
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('2025');
});

test('a conflict with loaded data is resolved three ways: keep, update the cells filled in, replace the whole report', async ({ page }) => {
  const kangyi = file('康驿镇2021.csv', `${WIDE_HEADER}\n汶上县,康驿镇,370830106,2021,2019,另一份康驿镇报告,1,1,1\n`);
  await open(page);
  await openImport(page);
  await choose(page, [kangyi]);
  const row = page.locator('tr[data-conflict="康驿镇"]');
  await expect(row).toContainText('000_75c809bd29ead2fa.txt');
  // old → new for each cell the file fills in otherwise
  await expect(row.locator('[data-change="pub_website"]')).toHaveText('政府网站主动公开信息：13 → 1');
  await expect(row.locator('[data-change="train_sessions"]')).toHaveText('政务公开培训次数：6 → 1');
  // the default: 更新已填写的单元格
  await expect(row.getByLabel('更新已填写的单元格')).toBeChecked();
  await page.getByRole('button', { name: '全部保留原有' }).click();
  await expect(row.getByLabel('保留原有')).toBeChecked();
  // nothing to load: the button says 0, and loading says the data did not change (nothing was cleared)
  await page.getByRole('button', { name: '载入 0 份报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: '没有载入报告：1 份与已有数据冲突的报告保留了原有数据，数据没有变化' })).toBeVisible();
  await expect(page.getByText(/导入数据已清除/)).toHaveCount(0);
  expect((await ranking(page, 2021)).find((r) => r.town === '康驿镇')?.value).toBe('598');

  // 更新已填写的单元格: 政府网站 and 新媒体 become 1, 公开栏 (not in the file) stays 86
  await openImport(page);
  await choose(page, [kangyi]);
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告（更新已填写的单元格 1 份）');
  expect((await ranking(page, 2021)).find((r) => r.town === '康驿镇')?.value).toBe('88');

  // 整份替换 (of the import just made): 公开栏 becomes 未报告
  await openImport(page);
  await choose(page, [kangyi]);
  await expect(page.locator('tr[data-conflict="康驿镇"]')).toContainText('文件中填写的数值与原有数据相同');
  await page.locator('tr[data-conflict="康驿镇"]').getByLabel('整份替换').check();
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告（整份替换 1 份）');
  expect((await ranking(page, 2021)).find((r) => r.town === '康驿镇')?.value).toBe('2');

  await openImport(page);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '清除导入数据' }).click();
  await loaded(page, '已清除导入的数据');
  expect((await ranking(page, 2021)).find((r) => r.town === '康驿镇')?.value).toBe('598');
});

test('bad files are listed with file, row and column; cancelling or loading the valid rows never loses earlier data', async ({ page }) => {
  const bad = [
    file('坏数据.csv', `${WIDE_HEADER}\n汶上县,康驿镇,370830106,2026,2021,x,十二,1,1\n汶上县,南旺镇,370830102,2026,2021,x,-5,1,1\n汶上县,次丘镇,,2026,2021,x,7,1,1\n`),
    file('空文件.csv', ''),
    file('形状不对.json', '{"town": "康驿镇"}'),
    file('公式.csv', `${WIDE_HEADER}\n汶上县,"=HYPERLINK(""http://example.com"",""x"")",,2026,2021,x,=1+1,1,1\n`),
    // a superscript footnote mark: NFKC would make 56¹ into 561
    file('上标.csv', `${WIDE_HEADER}\n汶上县,义桥镇,370830108,2026,2021,x,56¹,1,1\n`),
  ];
  const before = await (async () => {
    await open(page, '?view=ranking&year=2023');
    return rankingRows(page);
  })();
  await openImport(page);
  await choose(page, bad);
  const issues = page.locator('.issues');
  await expect(issues).toContainText('坏数据.csv 第 2 行 「政府网站主动公开信息」列：不是数字（值："十二"）');
  await expect(issues).toContainText('坏数据.csv 第 3 行 「政府网站主动公开信息」列：件数不能为负数');
  await expect(issues).toContainText('次邱镇');
  await expect(issues).toContainText('空文件.csv：文件是空的');
  await expect(issues).toContainText('形状不对.json');
  await expect(issues).toContainText('公式.csv 第 2 行');
  await expect(issues).toContainText('上标.csv 第 2 行 「政府网站主动公开信息」列：含上标、下标、圈号等特殊数字「¹」');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消导入，数据没有变化' })).toBeVisible();
  await expect(page.getByText(/导入数据已清除/)).toHaveCount(0);
  await page.getByRole('link', { name: '排名', exact: true }).click();
  await waitComplete(page, 'ranking');
  expect(await rankingRows(page)).toEqual(before);

  // load the one valid row (次丘镇, kept under its own name with a warning)
  await openImport(page);
  await choose(page, bad);
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告');
  expect((await ranking(page, 2026)).find((r) => r.town === '次丘镇')?.value).toBe('8');
  // earlier data intact; the new town is listed as 未报告 in a year it did not report
  const after = await ranking(page, 2023);
  expect(after.filter((r) => r.town !== '次丘镇')).toEqual(before);
  expect(after.find((r) => r.town === '次丘镇')?.value).toMatch(/^未报告/);
});

test('下载模板 gives a UTF-8 CSV with BOM, 中文 headers and 否, one row per town; imported back untouched it loads nothing and says why', async ({ page }) => {
  await open(page);
  await openImport(page);
  await page.getByLabel('模板年度').selectOption('2026');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板（CSV）' }).click()]);
  expect(download.suggestedFilename()).toBe('汶上县_2026年_政务公开年报数据模板.csv');
  const bytes = await downloaded(download);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.split('\n')[0]).toContain('县（市、区）,镇街,区划代码,年度');
  expect(text.trim().split('\n')).toHaveLength(16);
  // 示例数据 in Chinese
  expect(text.split('\n')[1]).toMatch(/^汶上县,中都街道,370830001,2026,2021,,否,/);
  expect(text).not.toContain('false');
  // imported back untouched, its rows are not reports: nothing to load, and said so
  await choose(page, [{ name: '模板.csv', mimeType: 'text/csv', buffer: bytes }]);
  await expect(page.getByRole('button', { name: '载入 0 份报告' })).toBeDisabled();
  await expect(page.locator('.issues .error')).toHaveCount(0);
  await expect(page.locator('.issues')).toContainText('模板.csv：15 行没有填写任何数值，未作为报告载入（第 2–16 行）');
  await expect(page.locator('table.files tbody tr').first().locator('td').nth(2)).toHaveText('0');
  await expect(page.locator('table.files tbody tr').first().locator('td').nth(4)).toHaveText('15');
});

test('下载模板 for 2025, filled in for 3 towns and left blank for 12: 更新已填写的单元格 changes those cells only, and survives a reload', async ({ page }) => {
  // nine rankings, a download, an import and a reload
  test.setTimeout(150_000);
  await open(page);
  const before = {
    website: await ranking(page, 2025, 'pub_website'),
    newmedia: await ranking(page, 2025, 'pub_newmedia'),
    sessions: await ranking(page, 2025, 'train_sessions'),
  };
  const valueOf = (rows: Awaited<ReturnType<typeof rankingRows>>, town: string) => rows.find((r) => r.town === town)!.value;
  await openImport(page);
  await page.getByLabel('模板年度').selectOption('2025');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板（CSV）' }).click()]);
  const lines = (await downloaded(download)).toString('utf8').replace(/^\ufeff/, '').trimEnd().split('\n');
  expect(lines).toHaveLength(16);
  // fill in one or two cells of 3 towns, as a clerk does in Excel; the other 12 rows stay as downloaded
  const header = lines[0]!.split(',');
  const col = (label: string) => header.indexOf(label);
  const fill = (town: string, cells: Record<string, string>) => {
    const at = lines.findIndex((l) => l.split(',')[1] === town);
    const row = lines[at]!.split(',');
    for (const [label, v] of Object.entries(cells)) row[col(label)] = v;
    lines[at] = row.join(',');
  };
  fill('中都街道', { 政府网站主动公开信息: '999' });
  fill('康驿镇', { 政府网站主动公开信息: '888', 政务公开培训次数: '50' });
  fill('义桥镇', { '政务新媒体（微信公众号等）发布信息': '777' });
  await choose(page, [{ name: '汶上县_2025年_填好3个镇.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + lines.join('\n') + '\n', 'utf8') }]);

  const fileRow = page.locator('table.files tbody tr').first();
  await expect(fileRow.locator('td').nth(2)).toHaveText('3');
  await expect(fileRow.locator('td').nth(4)).toHaveText('12');
  await expect(page.locator('.issues')).toContainText('汶上县_2025年_填好3个镇.csv：12 行没有填写任何数值，未作为报告载入');
  // 3 conflicts, each with the values that differ, old → new
  await expect(page.getByRole('heading', { name: '与已有数据不同的报告（3 份）' })).toBeVisible();
  await expect(page.locator('tr[data-conflict]')).toHaveCount(3);
  await expect(page.locator('tr[data-conflict="中都街道"] [data-change="pub_website"]')).toHaveText(`政府网站主动公开信息：${valueOf(before.website, '中都街道')} → 999`);
  await expect(page.locator('tr[data-conflict="康驿镇"] [data-change="train_sessions"]')).toHaveText(`政务公开培训次数：${valueOf(before.sessions, '康驿镇')} → 50`);
  await expect(page.locator('tr[data-conflict="义桥镇"] [data-change="pub_newmedia"]')).toHaveText(
    `政务新媒体（微信公众号等）发布信息：${valueOf(before.newmedia, '义桥镇')} → 777`,
  );
  await expect(page.locator('tr[data-conflict="义桥镇"] .changes > ul li')).toHaveCount(1);
  // the count follows the choices: 3 to load whichever way they change, none when all are kept
  await page.getByRole('button', { name: '全部保留原有' }).click();
  await expect(page.getByRole('button', { name: '载入 0 份报告' })).toBeVisible();
  await page.getByRole('button', { name: '全部整份替换' }).click();
  await expect(page.getByRole('button', { name: '载入 3 份报告' })).toBeVisible();
  await page.getByRole('button', { name: '全部更新已填写的单元格' }).click();
  await expect(page.getByText('将载入 3 份报告（更新已填写的单元格 3 份）。')).toBeVisible();
  await page.getByRole('button', { name: '载入 3 份报告' }).click();
  await loaded(page, '已载入 3 份报告（更新已填写的单元格 3 份）');

  const check = async () => {
    const website = await ranking(page, 2025, 'pub_website');
    const newmedia = await ranking(page, 2025, 'pub_newmedia');
    const sessions = await ranking(page, 2025, 'train_sessions');
    // the cells filled in changed
    expect(valueOf(website, '中都街道')).toBe('999');
    expect(valueOf(website, '康驿镇')).toBe('888');
    expect(valueOf(sessions, '康驿镇')).toBe('50');
    expect(valueOf(newmedia, '义桥镇')).toBe('777');
    // the cells left blank kept their values, and so did the 12 towns not filled in
    expect(valueOf(newmedia, '中都街道')).toBe(valueOf(before.newmedia, '中都街道'));
    expect(valueOf(website, '义桥镇')).toBe(valueOf(before.website, '义桥镇'));
    expect(valueOf(sessions, '中都街道')).toBe(valueOf(before.sessions, '中都街道'));
    const changed = new Set(['中都街道', '康驿镇', '义桥镇']);
    for (const [now, then] of [
      [website, before.website],
      [newmedia, before.newmedia],
      [sessions, before.sessions],
    ] as const) {
      expect(now).toHaveLength(15);
      for (const r of then.filter((x) => !changed.has(x.town))) expect(valueOf(now, r.town), r.town).toBe(r.value);
    }
  };
  await check();
  // merged reports are saved in this browser and restored as they are
  await page.reload();
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await check();
});

test('the whole corpus of awkward files at once: every file is reported, the app keeps working, earlier data stays', async ({ page }) => {
  const dir = new URL('../src/lib/ingest/corpus/', import.meta.url);
  const names = readdirSync(dir).filter((n) => !n.endsWith('.ts'));
  expect(names.length).toBeGreaterThanOrEqual(25);
  const files = names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(new URL(name, dir)) }));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  const before = await ranking(page, 2022);
  await openImport(page);
  await choose(page, files);
  await expect(page.locator('table.files tbody tr')).toHaveCount(names.length);
  await page.getByRole('button', { name: '取消' }).click();
  expect(await ranking(page, 2022)).toEqual(before);

  await openImport(page);
  await choose(page, files);
  await page.getByRole('button', { name: '全部保留原有' }).click();
  await page.getByRole('button', { name: /载入 \d+ 份报告/ }).click();
  await loaded(page, /已载入 \d+ 份报告/);
  // conflicts were kept: every town shown before has the same value in 2022
  const after = await ranking(page, 2022);
  for (const r of before) expect(after.find((a) => a.town === r.town)?.value, r.town).toBe(r.value);
  for (const title of ['总览', '主动公开', '依申请公开', '镇街详情']) {
    await page.getByRole('link', { name: title, exact: true }).click();
    await waitComplete(page);
  }
  expect(errors).toEqual([]);
});

test('仅使用导入数据 replaces the demonstration data, and 清除导入数据 brings it back', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('note')).toContainText('示例数据');
  await openImport(page);
  await choose(page, [utf8Towns]);
  await page.getByLabel('仅使用导入数据（不再显示内置示例数据）').check();
  await page.getByRole('button', { name: '载入 2 份报告' }).click();
  await loaded(page, '已载入 2 份报告');
  const rows = await ranking(page, 2026);
  expect(rows.map((r) => r.town)).toEqual(['南旺镇', '康驿镇']);
  await expect(page.getByRole('note').filter({ hasText: '示例数据' })).toHaveCount(0);
  await expect(page.getByLabel('年度', { exact: true }).locator('option')).toHaveCount(1);

  await openImport(page);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '清除导入数据' }).click();
  await loaded(page, '已清除导入的数据');
  expect(await ranking(page, 2025)).toHaveLength(15);
});

test('a .docx report dropped into 导入数据 is shown as its official tables beside the text, then ranked and checked in 数据质量', async ({ page }) => {
  const docx = readFileSync(new URL('./fixtures/义桥镇2026年政府信息公开工作年度报告.docx', import.meta.url));
  await open(page);
  await openImport(page);
  // drop it on the drop zone, as a person would
  const transfer = await page.evaluateHandle(
    ({ data, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      return dt;
    },
    { data: [...docx], name: '义桥镇2026年政府信息公开工作年度报告.docx' },
  );
  await page.getByRole('region', { name: '拖放文件区域' }).dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('button', { name: '载入 1 份报告' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('table.files')).toContainText('年度报告全文');
  const preview = page.getByRole('region', { name: /报告预览/ });
  await expect(preview).toContainText('汶上县义桥镇 2026 年（2021 表式）');
  await expect(preview.locator('[data-metric="pub_newmedia"]')).toHaveText('320 条');
  await expect(preview.locator('[data-table="t3"] [data-metric="t3_new_total"]')).toHaveText('3');
  await expect(preview.locator('[data-table="t4"] [data-metric="t4_review_total"]')).toHaveText('2');
  await expect(preview.locator('pre')).toContainText('义桥发布');
  await expect(page.locator('.issues')).toContainText('R5');
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告');

  const rows = await ranking(page, 2026);
  expect(rows[0]).toEqual({ rank: '1', town: '义桥镇', value: '420' });
  await page.goto('/?view=quality&from=2025&to=2026');
  await waitComplete(page, 'quality');
  await expect(page.locator('table.findings tr[data-rule="R5"]')).toContainText('义桥镇');
  await expect(page.locator('table.findings tr[data-rule="R5"]')).toContainText('2026');
});

test('a report that never names its town is not loaded under a made-up name: the clerk types it, then it loads', async ({ page }) => {
  // a 本级 report: its title and text name neither the town nor the county
  const text = [
    '2026年政府信息公开工作年度报告',
    '本报告所列数据的统计期限自2026年1月1日起至2026年12月31日止。',
    '一、总体情况',
    '全年主动公开政府信息77条，其中通过政府网站发布41条。',
  ].join('\n');
  await open(page);
  await openImport(page);
  await choose(page, [file('年度报告.txt', text)]);
  const form = page.getByRole('form', { name: /填写镇街和年度/ });
  await expect(form).toBeVisible({ timeout: 30_000 });
  await expect(form).toContainText('没有写明镇街');
  // nothing is offered for loading under a guessed name
  await expect(page.getByRole('button', { name: /载入 1 份报告/ })).toHaveCount(0);
  await form.getByLabel('镇街').fill('康驿镇');
  await form.getByLabel('年度').selectOption('2026');
  await form.getByRole('button', { name: '按此镇街和年度重新读取' }).click();
  await expect(page.getByRole('button', { name: '载入 1 份报告' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: /报告预览/ })).toContainText('汶上县康驿镇 2026 年');
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告');
  const rows = await ranking(page, 2026);
  expect(rows.find((r) => r.town === '康驿镇')).toMatchObject({ rank: '1', value: '77' });
});

test('an approximate number (一百余条) is loaded as stated and marked 约 in the review, 镇街详情 and the ranking, also after a reload', async ({ page }) => {
  const text = [
    '汶上县郭楼镇人民政府2026年政府信息公开工作年度报告',
    '本报告所列数据的统计期限自2026年1月1日起至2026年12月31日止。',
    '一、总体情况',
    '2026年，郭楼镇通过“郭楼发布”微信公众号推送信息一百余条，通过汶上县人民政府网站发布信息36条。',
  ].join('\n');
  await open(page);
  await openImport(page);
  await choose(page, [file('郭楼镇2026年报.txt', text)]);
  const check = page.locator('[aria-label="需要核对的数值"]');
  await expect(check).toContainText('约 100 条');
  await expect(check).toContainText('原文为约数');
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await loaded(page, '已载入 1 份报告');

  const rows = await ranking(page, 2026, 'pub_newmedia');
  expect(rows.find((r) => r.town === '郭楼镇')?.value).toBe('约 100');
  expect(rows.find((r) => r.town === '郭楼镇')?.rank).toBe('1');
  await page.reload();
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).find((r) => r.town === '郭楼镇')?.value).toBe('约 100');
  await page.goto('/?view=town&town=code:370830105&year=2026');
  await waitComplete(page, 'town');
  await expect(page.locator('[data-view="town"] table.narrative [data-metric="pub_newmedia"]')).toHaveText('约 100 条');
  await expect(page.locator('[data-view="town"] table.narrative [data-metric="pub_website"]')).toHaveText('36 条');
});

test("a clerk's own files land on the towns shown: no county column (GBK), a workbook with a title row, 序号, 合计 and 人民政府, Excel 「Unicode 文本」", async ({ page }) => {
  await open(page);
  await expect(page.locator('header.top p.scope')).toContainText('汶上县 · 15 个镇街');
  await openImport(page);
  const noCounty = file('各镇街2024.csv', '镇街,年度,政府网站主动公开信息\r\n康驿镇,2024,1\r\n南旺镇,2024,2\r\n', 'gbk');
  const workbook = {
    name: '汶上县2024年统计.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(
      xlsxWorkbook([
        { name: '说明', rows: [['每年一个工作表']] },
        {
          name: '2024年',
          rows: [['汶上县2024年各镇街政务公开情况统计表', null, null], ['序号', '镇街', '政务公开培训次数'], [1, '次邱镇人民政府', 7], [2, '南站街道办事处', 9], [null, '合计', 16]],
          merges: ['A1:C1'],
        },
      ]),
    ),
  };
  const text = '镇街\t年度\t政务公开栏等线下公开信息\r\n寅寺镇\t2024\t11\r\n';
  const unicode = { name: 'Unicode 文本.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) };
  await choose(page, [noCounty, workbook, unicode]);

  const files = page.locator('table.files tbody tr');
  await expect(files.filter({ hasText: '各镇街2024.csv' })).toContainText('GB18030');
  await expect(files.filter({ hasText: '汶上县2024年统计.xlsx' })).toContainText('Excel 工作簿');
  await expect(files.filter({ hasText: 'Unicode 文本.txt' })).toContainText('UTF-16LE');
  // what was skipped or matched is said
  await expect(page.getByText('表头在第 2 行：第 1 行是表格标题或说明（「汶上县2024年各镇街政务公开情况统计表」），未作为数据读入')).toBeVisible();
  await expect(page.getByText('1 行是合计行（「合计」），不是镇街的报告，未载入（第 5 行）')).toBeVisible();
  await expect(page.getByText('2 个镇街没有填写县（市、区），已按已载入的数据对应到汶上县康驿镇、汶上县南旺镇')).toBeVisible();
  // every row meets the loaded report of its town in the conflict review: none is a new town
  for (const town of ['康驿镇', '南旺镇', '次邱镇', '南站街道', '寅寺镇']) await expect(page.locator(`tr[data-conflict="${town}"]`)).toBeVisible();
  await page.getByRole('button', { name: '载入 5 份报告' }).click();
  await loaded(page, '已载入 5 份报告（更新已填写的单元格 5 份）');

  await expect(page.locator('header.top p.scope')).toContainText('汶上县 · 15 个镇街');
  const sessions = await ranking(page, 2024, 'train_sessions');
  expect(sessions).toHaveLength(15);
  expect(sessions.find((r) => r.town === '次邱镇')?.value).toBe('7');
  expect(sessions.find((r) => r.town === '南站街道')?.value).toBe('9');
  expect((await ranking(page, 2024, 'pub_board')).find((r) => r.town === '寅寺镇')?.value).toBe('11');
  expect((await ranking(page, 2024, 'pub_website')).find((r) => r.town === '南旺镇')?.value).toBe('2');
});

test('opening 导入数据 gets the division list ready before a file is chosen; the file then loads checked against it', async ({ page }) => {
  await open(page);
  // the list is fetched by the import's worker as the panel opens, not when the first file is read
  const divisions = page.waitForResponse((r) => /townships_cn.*\.csv/.test(r.url()) && r.ok());
  await openImport(page);
  await divisions;
  await choose(page, [file('一镇.csv', `${WIDE_HEADER}\n汶上县,康驿镇,,2026,2021,康驿镇报告,7,8,1\n`)]);
  await page.getByRole('button', { name: /载入 1 份报告/ }).click();
  await loaded(page, /已载入 1 份报告/);
  // the division list gave the row the code it left empty: the same 康驿镇, not a 16th town
  const rows = await ranking(page, 2026, 'pub_website');
  expect(rows).toHaveLength(15);
  expect(rows.filter((r) => r.town === '康驿镇').map((r) => r.value)).toEqual(['7']);
});

test('closing 导入数据 in the review loads nothing; opened again, the panel starts afresh', async ({ page }) => {
  const before = await ranking(page, 2026, 'pub_website');
  await openImport(page);
  await choose(page, [utf8Towns]);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByRole('heading', { name: '导入数据' })).toHaveCount(0);
  await openImport(page);
  await expect(page.getByRole('button', { name: /载入 \d+ 份报告/ })).toHaveCount(0);
  expect(await ranking(page, 2026, 'pub_website')).toEqual(before);
});
