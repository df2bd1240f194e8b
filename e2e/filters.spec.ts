/**
 * The filter bar: the 镇街 picker (全选 / 全不选, 仅选此项, Enter in the search, Esc and a click
 * outside, never over the charts), which filters each view shows, the trend range's choices, and
 * the page at a phone's width.
 */
import { expect, test, type Page } from '@playwright/test';
import { open, rankingRows, waitComplete } from './helpers.ts';

const picker = (page: Page) => page.locator('.picker');
const toggle = (page: Page) => page.getByRole('button', { name: /^镇街：/ });
const box = (page: Page, town: string) => picker(page).getByRole('checkbox', { name: town, exact: true });

/** The towns the first chart of the view is drawn for, from its data table (the column of towns). */
async function chartTowns(page: Page): Promise<string[]> {
  const details = page.locator('[data-view] figure.card details.data').first();
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details.locator('table').evaluate((t) => {
    const col = [...t.querySelectorAll('thead th')].findIndex((th) => th.textContent === '镇街');
    return [...t.querySelectorAll('tbody tr')].map((tr) => tr.children[col]!.textContent ?? '');
  });
}

test('three towns: 全不选 and three clicks; the ranking, its chart and another view show exactly those', async ({ page }) => {
  await open(page, '?view=ranking&year=2023');
  await toggle(page).click();
  await expect(picker(page).getByRole('checkbox')).toHaveCount(15);
  await picker(page).getByRole('button', { name: '全不选' }).click();
  // nothing selected: every box unticked, and the view asks for towns instead of drawing nothing
  for (const b of await picker(page).getByRole('checkbox').all()) await expect(b).not.toBeChecked();
  await expect(toggle(page)).toHaveText(/镇街：未选择/);
  await expect(page.locator('[data-view="ranking"]')).toContainText('请选择镇街');
  await expect(page.locator('[data-view] .chart')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]towns=(&|$)/);

  const three = ['南旺镇', '康驿镇', '中都街道'];
  for (const t of three) await box(page, t).click();
  await waitComplete(page, 'ranking');
  for (const t of three) await expect(box(page, t)).toBeChecked();
  await expect(picker(page).getByRole('checkbox', { checked: true })).toHaveCount(3);
  await expect(toggle(page)).toHaveText(/镇街：中都街道、南旺镇、康驿镇/);
  const expected = ['中都街道', '南旺镇', '康驿镇'];
  expect((await rankingRows(page)).map((r) => r.town).sort()).toEqual([...expected].sort());
  expect((await chartTowns(page)).sort()).toEqual([...expected].sort());

  // the selection holds in another view (and in the URL)
  await page.getByRole('link', { name: '主动公开', exact: true }).click();
  await waitComplete(page, 'publication');
  expect(await chartTowns(page)).toEqual(expected);
  expect(new URL(page.url()).searchParams.get('towns')).toBe('370830001,370830102,370830106');

  // 全选 brings every town back
  await toggle(page).click();
  await picker(page).getByRole('button', { name: '全选' }).click();
  await waitComplete(page, 'publication');
  await expect(toggle(page)).toHaveText(/全部（15 个）/);
  expect(await chartTowns(page)).toHaveLength(15);
});

test('the picker closes with Esc (focus back on its button) and with a click outside; open, it pushes the charts down', async ({ page }) => {
  await open(page, '?view=publication');
  const chart = page.locator('[data-view] .chart').first();
  const chartTop = (await chart.boundingBox())!.y;
  await toggle(page).click();
  await expect(picker(page)).toBeVisible();
  await expect(picker(page).getByRole('searchbox')).toBeFocused();
  // in the flow: nothing of the panel lies over a chart, and the charts moved down by its height
  const panel = (await picker(page).boundingBox())!;
  const moved = (await chart.boundingBox())!;
  expect(moved.y).toBeGreaterThanOrEqual(panel.y + panel.height);
  expect(moved.y - chartTop).toBeGreaterThan(panel.height * 0.9);
  const overlaps = await page.evaluate(() => {
    const p = document.querySelector('.picker')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-view] .chart, [data-view] figure')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom;
    }).length;
  });
  expect(overlaps).toBe(0);

  await page.keyboard.press('Escape');
  await expect(picker(page)).toHaveCount(0);
  await expect(toggle(page)).toBeFocused();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');

  // Esc from a checkbox inside closes it too
  await toggle(page).click();
  await box(page, '康驿镇').focus();
  await page.keyboard.press('Escape');
  await expect(picker(page)).toHaveCount(0);

  // a click outside (on the view's title) closes it; a click inside does not
  await toggle(page).click();
  await picker(page).locator('.hint').click();
  await expect(picker(page)).toBeVisible();
  await page.locator('[data-view] h2').click();
  await expect(picker(page)).toHaveCount(0);
});

test('Enter in the search ticks the first match; 仅选此项 keeps one town, by mouse and by keyboard', async ({ page }) => {
  await open(page, '?view=ranking&year=2023');
  await toggle(page).click();
  const search = picker(page).getByRole('searchbox');
  await expect(picker(page)).toContainText('按回车勾选第一个匹配的镇街');
  // from 全部: Enter selects the match alone
  await search.fill('康驿');
  await search.press('Enter');
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).map((r) => r.town)).toEqual(['康驿镇']);
  await expect(search).toHaveValue('');
  await expect(picker(page)).toContainText('已勾选：康驿镇');
  // then it adds: a name, and a code prefix whose first match is 中都街道 (370830001)
  await search.fill('南旺');
  await search.press('Enter');
  await search.fill('3708300');
  await search.press('Enter');
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).map((r) => r.town).sort()).toEqual(['中都街道', '南旺镇', '康驿镇'].sort());
  await search.fill('不存在的镇');
  await search.press('Enter');
  await expect(picker(page)).toContainText('没有匹配的镇街');
  await search.fill('');
  await expect(picker(page).getByRole('checkbox', { checked: true })).toHaveCount(3);

  // 仅选此项: shown on the row's hover
  const row = picker(page).locator('li').filter({ has: page.getByRole('checkbox', { name: '郭楼镇', exact: true }) });
  const only = row.getByRole('button', { name: '仅选此项：郭楼镇' });
  await expect(only).toHaveCSS('opacity', '0');
  await row.hover();
  await expect(only).toHaveCSS('opacity', '1');
  await only.click();
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).map((r) => r.town)).toEqual(['郭楼镇']);
  await expect(picker(page).getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(picker(page)).toBeVisible();

  // by keyboard: Tab from a town's box reaches its 仅选此项 (shown while focused), Enter presses it
  await box(page, '白石镇').focus();
  await page.keyboard.press('Tab');
  const onlyBaishi = picker(page).getByRole('button', { name: '仅选此项：白石镇' });
  await expect(onlyBaishi).toBeFocused();
  await expect(onlyBaishi).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).map((r) => r.town)).toEqual(['白石镇']);
});

test('the last town unticked selects none, every box shows it, and the next tick selects that town', async ({ page }) => {
  await open(page, '?view=ranking&towns=370830106');
  await toggle(page).click();
  await box(page, '康驿镇').uncheck();
  await expect(page.locator('[data-view="ranking"]')).toContainText('请选择镇街');
  await expect(picker(page).getByRole('checkbox', { checked: true })).toHaveCount(0);
  await box(page, '康驿镇').check();
  await waitComplete(page, 'ranking');
  expect((await rankingRows(page)).map((r) => r.town)).toEqual(['康驿镇']);
  // the page's own button for all towns, when none is selected
  await picker(page).getByRole('button', { name: '全不选' }).click();
  await page.getByRole('button', { name: '选择全部镇街' }).click();
  await waitComplete(page, 'ranking');
  expect(await rankingRows(page)).toHaveLength(15);
});

test('each view shows only the filters that change it', async ({ page }) => {
  const shown: Record<string, string[]> = {
    总览: ['年度', '趋势起始年', '趋势截止年', '镇街'],
    排名: ['年度', '镇街'],
    主动公开: ['年度', '趋势起始年', '趋势截止年', '镇街'],
    培训: ['年度', '趋势起始年', '趋势截止年', '镇街'],
    依申请公开: ['年度', '趋势起始年', '趋势截止年', '镇街'],
    复议诉讼: ['年度', '趋势起始年', '趋势截止年', '镇街'],
    镇街详情: ['年度'],
    数据质量: ['趋势起始年', '趋势截止年', '镇街'],
  };
  await open(page);
  for (const [view, labels] of Object.entries(shown)) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await waitComplete(page);
    const bar = page.getByRole('search', { name: '筛选' });
    for (const l of ['年度', '趋势起始年', '趋势截止年']) await expect(bar.getByLabel(l, { exact: true }), `${view}: ${l}`).toHaveCount(labels.includes(l) ? 1 : 0);
    await expect(bar.getByRole('button', { name: /^镇街：/ }), `${view}: 镇街`).toHaveCount(labels.includes('镇街') ? 1 : 0);
  }
});

test('the trend range offers no start after its end; a URL with one says so', async ({ page }) => {
  await open(page, '?view=publication');
  const from = page.getByLabel('趋势起始年');
  const to = page.getByLabel('趋势截止年');
  const options = (s: typeof from) => s.locator('option').allTextContents();
  expect(await options(from)).toEqual(['2019 年', '2020 年', '2021 年', '2022 年', '2023 年', '2024 年', '2025 年']);
  await to.selectOption('2021');
  await waitComplete(page, 'publication');
  expect(await options(from)).toEqual(['2019 年', '2020 年', '2021 年']);
  await from.selectOption('2020');
  await waitComplete(page, 'publication');
  expect(await options(to)).toEqual(['2020 年', '2021 年', '2022 年', '2023 年', '2024 年', '2025 年']);
  await expect(page).toHaveURL(/from=2020&to=2021/);

  await open(page, '?view=publication&from=2024&to=2020');
  await expect(page.getByRole('status')).toContainText('起始年份晚于截止年份');
  await expect(from).toHaveValue('2019');
  await expect(to).toHaveValue('2025');
});

test('at 390 px no view scrolls sideways, with the 镇街 picker open or closed', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const view of ['overview', 'ranking', 'publication', 'training', 'applications', 'review', 'town', 'quality']) {
    await open(page, `?view=${view}`);
    expect(await overflow(), view).toBeLessThanOrEqual(0);
    // the widest parts: every chart's data table open
    for (const s of await page.locator('[data-view] details.data summary').all()) await s.click();
    expect(await overflow(), `${view} with data tables`).toBeLessThanOrEqual(0);
    if (view !== 'town') {
      await toggle(page).click();
      expect(await overflow(), `${view} with the picker`).toBeLessThanOrEqual(0);
    }
  }
});

test('at 1366 px every header of the ranking table and every 示例 badge is on one line', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  for (const q of ['?view=ranking', '?view=ranking&year=2023&measure=pub_other']) {
    await open(page, q);
    const lines = await page.locator('table.ranking').evaluate((t) => {
      // the line boxes of an element's text: one distinct top per line
      const count = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      };
      return { heads: [...t.querySelectorAll('thead th')].map(count), tags: [...t.querySelectorAll('.tag')].map(count), names: [...t.querySelectorAll('tbody th a')].map(count) };
    });
    expect(lines.heads, q).toEqual([1, 1, 1, 1, 1, 1]);
    expect(lines.tags.length, q).toBeGreaterThan(0);
    expect(new Set(lines.tags), q).toEqual(new Set([1]));
    expect(new Set(lines.names), q).toEqual(new Set([1]));
    // and the table fits its card at this width
    const fits = await page.locator('.table-card').evaluate((c) => c.scrollWidth <= c.clientWidth);
    expect(fits, q).toBe(true);
  }
});
