import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The view is complete: its queries are done and every chart shows its latest option. */
export async function waitComplete(page: Page, view?: string) {
  const sel = view ? `[data-view="${view}"]` : '[data-view]';
  await expect(page.locator(`${sel}[data-ready="true"]`)).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(
    (s) => {
      const v = document.querySelector(s);
      // charts far below the fold are drawn when scrolled to; wait for the visible ones
      const charts = [...(v?.querySelectorAll<HTMLElement>('.chart[data-visible="true"]') ?? [])];
      return charts.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
    },
    sel,
    { polling: 'raf' },
  );
}

export async function open(page: Page, search = '') {
  await page.goto(`/${search}`);
  await expect(page.locator('main[data-status="ready"]')).toBeVisible({ timeout: 30_000 });
  await waitComplete(page);
}

export async function chartRevisions(page: Page): Promise<string[]> {
  return page.locator('[data-view] .chart').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.revision ?? ''));
}

export async function rankingRows(page: Page) {
  return page.locator('table.ranking tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim());
      return { rank: cells[0]!, town: cells[1]!.replace(/\s*示例$/, ''), value: cells[2]! };
    }),
  );
}

export async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** Scroll to every chart of the view and wait until each shows its latest option. */
export async function everyChartDrawn(page: Page) {
  const charts = page.locator('[data-view] .chart');
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-visible', 'true');
    const revision = await chart.getAttribute('data-revision');
    await expect(chart).toHaveAttribute('data-rendered', revision!);
  }
}
