import { expect, test, type Page, type Request } from '@playwright/test';

/** Collect every request the page makes, to prove none leaves the app's origin. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}

async function openDashboard(page: Page) {
  await page.goto('/');
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: '排名', exact: true }).click();
  await expect(page.locator('[data-view="ranking"][data-ready="true"]')).toBeVisible();
}

async function rankingRows(page: Page) {
  return page.locator('table.ranking tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim());
      return { rank: cells[0]!, town: cells[1]!.replace(/\s*示例$/, ''), value: cells[2]! };
    }),
  );
}

test('opens on the embedded data and ranks all 15 units of 汶上县 for the latest year', async ({ page }) => {
  const requests = recordRequests(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDashboard(page);

  await expect(page.getByRole('heading', { name: '政务公开年报看板' })).toBeVisible();
  const year = page.getByLabel('年度');
  await expect(year).toHaveValue('2025');
  await expect(page.getByRole('note')).toContainText('示例数据');

  const rows = await rankingRows(page);
  expect(rows).toHaveLength(15);
  expect(new Set(rows.map((r) => r.town)).size).toBe(15);
  expect(rows.map((r) => r.town)).toContain('康驿镇');
  // ranked rows first, highest value first; 未报告 rows (if any) after them
  const ranked = rows.filter((r) => r.rank !== '—');
  const values = ranked.map((r) => Number(r.value.replace(/,/g, '')));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  expect(ranked[0]!.rank).toBe('1');
  for (const r of rows.slice(ranked.length)) expect(r.value).toMatch(/^未报告/);

  // the chart drew
  await expect(page.locator('[data-view="ranking"] .chart[data-rendered]')).toBeVisible();
  await expect(page.locator('[data-view="ranking"] .chart canvas')).toHaveCount(1);

  const origin = new URL(page.url()).origin;
  const foreign = requests.map((r) => new URL(r.url())).filter((u) => !['data:', 'blob:'].includes(u.protocol) && u.origin !== origin);
  expect(foreign.map((u) => u.href)).toEqual([]);
  expect(errors).toEqual([]);
});

test('changing 年度 changes the ranking, and 康驿镇 2021 shows its real total', async ({ page }) => {
  const requests = recordRequests(page);
  await openDashboard(page);
  const before = await rankingRows(page);

  await page.getByLabel('年度').selectOption('2021');
  await expect(page.locator('[data-view="ranking"][data-ready="true"][data-year="2021"]')).toBeVisible();
  await expect(page.locator('table.ranking caption')).toHaveText('2021 年各镇街主动公开总量排名');
  const after = await rankingRows(page);
  expect(after).toHaveLength(15);
  expect(after).not.toEqual(before);
  // 康驿镇 2021 is the real report: 13 website + 499 new media + 86 bulletin board = 598
  // towns whose 2021 report states no publication numbers are listed last as 未报告, unranked
  const unreported = after.filter((r) => r.value.startsWith('未报告'));
  expect(unreported.length).toBeGreaterThan(0);
  expect(after.slice(after.length - unreported.length)).toEqual(unreported);
  for (const r of unreported) expect(r.rank).toBe('—');
  const kangyi = after.find((r) => r.town === '康驿镇')!;
  expect(kangyi.value).toBe('598');
  await expect(page.locator('tr[data-town="康驿镇"] .tag')).toHaveCount(0);

  const origin = new URL(page.url()).origin;
  for (const r of requests) {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
    expect(u.origin, r.url()).toBe(origin);
  }
});

test('serves a Content-Security-Policy that allows only the app’s own origin', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/https?:/);
  // the page itself cannot reach another host
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://example.com/');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});
