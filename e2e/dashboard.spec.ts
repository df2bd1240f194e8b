import { expect, test } from '@playwright/test';
import { chartRevisions, downloaded, everyChartDrawn, open, rankingRows, waitComplete } from './helpers.ts';

const VIEWS = ['总览', '排名', '主动公开', '培训', '依申请公开', '复议诉讼', '镇街详情', '数据质量'];

test('every view is reached by its link and draws its charts', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await open(page);
  for (const title of VIEWS) {
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    await waitComplete(page);
    await expect(page.locator('[data-view] .chart').first()).toBeVisible();
    await everyChartDrawn(page);
    expect(await page.locator('[data-view] .chart canvas').count()).toBe(await page.locator('[data-view] .chart').count());
  }
  expect(errors).toEqual([]);
});

test('keyboard users reach the views and filters', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: '排名', exact: true }).focus();
  await page.keyboard.press('Enter');
  await waitComplete(page, 'ranking');
  await page.getByLabel('年度', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-view="ranking"]')).toBeVisible();
});

test('镇街详情 of 康驿镇 2021 shows the real report’s numbers in its official tables', async ({ page }) => {
  await open(page, '?view=town&town=370830106&year=2021');
  const view = page.locator('[data-view="town"]');
  await expect(view).toHaveAttribute('data-town', '康驿镇');
  const cell = (id: string) => view.locator(`[data-metric="${id}"]`);
  await expect(cell('pub_newmedia')).toHaveText('499 条');
  await expect(cell('pub_website')).toHaveText('13 条');
  await expect(cell('pub_board')).toHaveText('86 条');
  await expect(cell('train_sessions')).toHaveText('6 次');
  await expect(cell('train_people')).toHaveText('80 人次');
  await expect(cell('text_applications')).toHaveText('0 件');
  await expect(cell('pub_total')).toHaveText('未报告');
  await expect(view.getByText('2019 表式', { exact: true })).toBeVisible();
  await expect(view.getByText('000_75c809bd29ead2fa.txt')).toBeVisible();
  await expect(view.getByText('真实报告')).toBeVisible();
  // table 二 in the 2019 layout, tables 三 and 四: every cell 0, as in the report
  await expect(view.locator('[data-table="t2"]')).toContainText('本年新制作数量');
  await expect(view.locator('[data-table="t2"]')).toContainText('其他对外管理服务事项');
  const t3 = await view.locator('[data-table="t3"] td').allTextContents();
  expect(t3).toHaveLength(23 * 7);
  expect(new Set(t3)).toEqual(new Set(['0']));
  const t4 = await view.locator('[data-table="t4"] td').allTextContents();
  expect(t4).toEqual(Array(15).fill('0'));

  // a generated report names its source in words, not a path
  await page.getByLabel('年度', { exact: true }).selectOption('2022');
  await waitComplete(page, 'town');
  const meta = view.locator('dl.meta');
  await expect(meta).toContainText('来源程序生成的示例数据');
  await expect(meta).toContainText('示例数据（程序生成，非真实报告）');
  await expect(meta).not.toContainText('scripts/');
});

test('clicking a town in the ranking table opens its details', async ({ page }) => {
  await open(page, '?view=ranking&year=2021');
  await page.locator('table.ranking').getByRole('link', { name: '康驿镇' }).click();
  await waitComplete(page, 'town');
  await expect(page.locator('[data-view="town"]')).toHaveAttribute('data-town', '康驿镇');
  await expect(page).toHaveURL(/view=town/);
  await page.goBack();
  await waitComplete(page, 'ranking');
});

test('filter changes update every chart of the view', async ({ page }) => {
  for (const view of ['publication', 'applications', 'review', 'training']) {
    await open(page, `?view=${view}`);
    const before = await chartRevisions(page);
    await page.getByLabel('年度', { exact: true }).selectOption('2022');
    await waitComplete(page, view);
    const afterYear = await chartRevisions(page);
    // charts of the selected year change; trend charts depend on the range and may not
    expect(afterYear.filter((r, i) => r !== before[i]).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^镇街：/ }).click();
    await page.locator('.picker').getByRole('checkbox', { name: '康驿镇', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await waitComplete(page, view);
    const afterTowns = await chartRevisions(page);
    expect(afterTowns.every((r, i) => r !== afterYear[i]), `${view}: every chart follows the town filter`).toBe(true);
    // charts below the fold draw their latest option when scrolled to
    await everyChartDrawn(page);
    await page.getByLabel('趋势起始年').selectOption('2021');
    await waitComplete(page, view);
  }
});

test('the ranking table sorts by its columns, 未报告 always last', async ({ page }) => {
  await open(page, '?view=ranking&year=2023&measure=pub_other');
  const table = page.locator('table.ranking');
  const read = () =>
    table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim());
        return { rank: cells[0]!, value: cells[2]!, delta: cells[3]! };
      }),
    );
  const num = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
  const check = (rows: { rank: string; value: string }[], order: 1 | -1) => {
    const ranked = rows.filter((r) => r.rank !== '—');
    const unranked = rows.filter((r) => r.rank === '—');
    expect(rows.slice(ranked.length)).toEqual(unranked); // 未报告 last
    for (let i = 1; i < ranked.length; i++) expect(order * (num(ranked[i]!.rank) - num(ranked[i - 1]!.rank))).toBeGreaterThanOrEqual(0);
    return { ranked, unranked };
  };
  const first = check(await read(), 1);
  expect(first.ranked.length).toBeGreaterThan(1);
  expect(first.unranked.length).toBeGreaterThan(0);
  await table.getByRole('button', { name: /^排名( [▲▼])?$/ }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
  check(await read(), -1);
  await table.getByRole('button', { name: /^同比增减/ }).click();
  const byDelta = (await read()).filter((r) => r.rank !== '—' && /\d/.test(r.delta)).map((r) => num(r.delta));
  expect(byDelta).toEqual([...byDelta].sort((a, b) => b - a));
});

test('the 镇街 boxes always show the selection: unticking the last town selects none with every box unticked', async ({ page }) => {
  await open(page, '?view=ranking');
  const summary = page.getByRole('button', { name: /^镇街：/ });
  await summary.click();
  const boxes = page.locator('.picker ul input[type=checkbox]');
  const n = await boxes.count();
  expect(n).toBe(15);
  // untick every town but the last one, then the last one too
  for (let i = 0; i < n - 1; i++) await boxes.nth(i).uncheck();
  await expect(summary).not.toContainText('全部');
  await expect(page.locator('table.ranking tbody tr')).toHaveCount(1);
  await boxes.nth(n - 1).click();
  await expect(summary).toContainText('未选择');
  for (let i = 0; i < n; i++) await expect(boxes.nth(i)).not.toBeChecked();
  await expect(page.locator('[data-view="ranking"]')).toContainText('请选择镇街');
  // and the last box ticks again like any other; ticking every box is 全部
  await boxes.nth(n - 1).check();
  await expect(page.locator('table.ranking tbody tr')).toHaveCount(1);
  for (let i = 0; i < n - 1; i++) await boxes.nth(i).check();
  await expect(summary).toContainText('全部（15 个）');
  for (let i = 0; i < n; i++) await expect(boxes.nth(i)).toBeChecked();
  await expect(page.locator('table.ranking tbody tr')).toHaveCount(15);
});

test('a URL round trip restores the view and filters; back and forward move between states', async ({ page, context }) => {
  await open(page, '?view=ranking');
  await page.getByLabel('年度', { exact: true }).selectOption('2022');
  await waitComplete(page, 'ranking');
  await page.getByLabel('指标').selectOption('train_people');
  await waitComplete(page, 'ranking');
  await page.getByRole('button', { name: /^镇街：/ }).click();
  await page.locator('.picker').getByRole('checkbox', { name: '中都街道', exact: true }).uncheck();
  await waitComplete(page, 'ranking');
  const rows = await rankingRows(page);
  expect(rows).toHaveLength(14);
  const url = page.url();
  expect(url).toContain('year=2022');
  expect(url).toContain('measure=train_people');

  const other = await context.newPage();
  await open(other, new URL(url).search);
  await expect(other.getByRole('link', { name: '排名', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(other.getByLabel('年度', { exact: true })).toHaveValue('2022');
  await expect(other.getByLabel('指标')).toHaveValue('train_people');
  expect(await rankingRows(other)).toEqual(rows);

  await page.goBack();
  await waitComplete(page, 'ranking');
  expect(await rankingRows(page)).toHaveLength(15);
  await expect(page.getByLabel('指标')).toHaveValue('train_people');
  await page.goBack();
  await waitComplete(page, 'ranking');
  await expect(page.getByLabel('指标')).toHaveValue('pub_volume');
  await page.goForward();
  await waitComplete(page, 'ranking');
  await expect(page.getByLabel('指标')).toHaveValue('train_people');
});

test('an invalid URL falls back to defaults with a visible note', async ({ page }) => {
  await open(page, '?view=nonsense&year=1999&measure=drop_table');
  await expect(page.getByRole('status')).toContainText('1999');
  await expect(page.getByRole('status')).toContainText('nonsense');
  await expect(page.getByRole('link', { name: '总览', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('2025');
});

test('chart export: PNG at 2× on white, SVG with the title in Chinese, CSV with BOM', async ({ page }) => {
  await open(page, '?view=ranking&year=2023');
  const title = '2023 年各镇街主动公开总量排名';

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出图片（PNG）：${title}` }).click()]);
  expect(png.suggestedFilename()).toBe('排名_主动公开总量_2023.png');
  const pngBytes = await downloaded(png);
  expect(pngBytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(pngBytes.readUInt32BE(16)).toBe(960 * 2); // IHDR width
  expect(pngBytes.length).toBeGreaterThan(10_000);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出图片（SVG）：${title}` }).click()]);
  expect(svg.suggestedFilename()).toBe('排名_主动公开总量_2023.svg');
  const svgText = (await downloaded(svg)).toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain(title);
  expect(svgText).toContain('数据来源');
  expect(svgText).toContain('示例数据');
  expect(svgText).toContain('年度：2023 年');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出数据（CSV）：${title}` }).first().click()]);
  const csvBytes = await downloaded(csv);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = new TextDecoder('utf-8', { fatal: true }).decode(csvBytes);
  expect(csvText).toContain('康驿镇');
  expect(csvText).toContain('\r\n');
});

test('导出全部图片 puts every chart of a view in one ZIP', async ({ page }) => {
  await open(page, '?view=applications&year=2023');
  const n = await page.locator('[data-view] .chart').count();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出全部图片/ }).click()]);
  expect(zip.suggestedFilename()).toBe('依申请公开_2023_图表.zip');
  const bytes = await downloaded(zip);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const names = bytes.toString('latin1').match(/\.png/g) ?? [];
  expect(names.length).toBeGreaterThanOrEqual(n); // local headers + central directory
});

test('a hostile town name is shown as text, runs nothing, and stays text in exported CSV', async ({ page }) => {
  const xss = '<img src=x onerror=alert(1)>';
  const formula = '=HYPERLINK("http://example.com","点我")';
  await page.route('**/*.csv', async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    const header = body.split('\n')[0]!.split(',');
    const row = (town: string, v: number) =>
      header.map((h) => ({ county: '汶上县', town: `"${town.replace(/"/g, '""')}"`, year: '2023', layout: '2021', source: 'xss', synthetic: 'true', pub_total: String(v) })[h] ?? '').join(',');
    await route.fulfill({ response: res, body: `${body}${row(xss, 9999)}\n${row(formula, 8888)}\n` });
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await open(page, '?view=ranking&year=2023');
  const rows = await rankingRows(page);
  expect(rows[0]).toMatchObject({ rank: '1', town: xss, value: '9,999' });
  expect(rows[1]).toMatchObject({ rank: '2', town: formula });
  await expect(page.locator('table.ranking img')).toHaveCount(0);

  // hover the first bar: the tooltip shows the name literally
  const chart = page.locator('[data-view="ranking"] .chart');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const tooltip = page.locator('[data-view="ranking"] .chart div').filter({ hasText: 'onerror' });
  for (let y = 40; y < 240 && (await tooltip.count()) === 0; y += 8) {
    await page.mouse.move(box.x + box.width * 0.7, box.y + y);
    await page.waitForTimeout(50);
  }
  await expect(tooltip.first()).toContainText(xss);
  expect(await page.locator('[data-view="ranking"] .chart img').count()).toBe(0);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /导出数据（CSV）/ }).last().click(),
  ]);
  const text = new TextDecoder().decode(await downloaded(csv));
  expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
  expect(text).toContain(xss);
  expect(dialogs).toEqual([]);
});

test('数据质量 lists the documented rule breaks; a finding opens 镇街详情 with its cells marked', async ({ page }) => {
  await open(page, '?view=quality');
  const rows = page.locator('table.findings tbody tr');
  const found = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('th')!.textContent!.trim()}@${tr.children[1]!.textContent}:${tr.getAttribute('data-rule')}`));
  for (const expected of ['次邱镇@2020:R1', '南旺镇@2022:R2', '郭楼镇@2023:R3', '杨店镇@2024:R4', '白石镇@2021:R5', '义桥镇@2023:R6', '苑庄镇@2019:R7', '寅寺镇@2025:R8']) {
    expect(found).toContain(expected);
  }
  expect(new Set(found.map((f) => f.split('@')[0]))).toEqual(new Set(['次邱镇', '南旺镇', '郭楼镇', '杨店镇', '白石镇', '义桥镇', '苑庄镇', '寅寺镇']));
  await expect(page.getByText('每年都有报告')).toBeVisible();

  await page.getByLabel('规则').selectOption('R5');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link', { name: '白石镇' }).click();
  await waitComplete(page, 'town');
  await expect(page.locator('[data-view="town"]')).toHaveAttribute('data-town', '白石镇');
  await expect(page.getByLabel('年度', { exact: true })).toHaveValue('2021');
  const marked = page.locator('[data-table="t4"] td.hit');
  await expect(marked).toHaveCount(5);
  // the view is scrolled to the marked cells, the first of which has the focus (read out)
  await expect(marked.first()).toBeInViewport();
  await expect(marked.first()).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(page.locator('[data-table="t4"] td.hit[data-metric="t4_review_upheld"]')).toHaveText('1');
  await expect(page.getByRole('region', { name: '勾稽关系检查' })).toContainText('R5');

  // R8 compares the text with table 三: the narrative's number is marked too
  await page.goBack();
  await waitComplete(page, 'quality');
  await page.getByLabel('规则').selectOption('R8');
  await rows.first().getByRole('link', { name: '寅寺镇' }).click();
  await waitComplete(page, 'town');
  await expect(page.locator('table.narrative td.hit[data-metric="text_applications"]')).toBeFocused();
  await expect(page.locator('[data-table="t3"] td.hit[data-metric="t3_new_total"]')).toHaveCount(1);
});

test('总览: the 主动公开 card lists 仅报总数, and its lines add up to its total', async ({ page }) => {
  await open(page);
  const card = page.locator('article.card[data-measure="pub_volume"]');
  const num = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
  let seen = 0;
  for (const year of ['2019', '2020', '2021', '2022', '2023', '2024', '2025']) {
    await page.getByLabel('年度', { exact: true }).selectOption(year);
    await waitComplete(page, 'overview');
    await expect(page.locator('[data-view="overview"] h2')).toContainText(year);
    const total = num(await card.locator('.value strong').innerText());
    // `label：value 条（note）`, the label possibly with （…） of its own
    const lines = await card.locator('.part').allInnerTexts();
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const values = lines.map((l) => l.slice(l.indexOf('：') + 1).replace(/（.*$/, '')).filter((v) => v !== '未报告').map(num);
    expect(values.reduce((a, v) => a + v, 0), `${year}: ${lines.join(' | ')}`).toBe(total);
    if (lines.some((l) => l.startsWith('仅报总数：'))) seen++;
  }
  // the sample data has towns that state only a total
  expect(seen).toBeGreaterThan(0);
});
