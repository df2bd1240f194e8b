import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The view is complete: its queries are done and every chart shows its latest option. */
export async function waitComplete(page: Page, view?: string) {
  const sel = view ? `[data-view="${view}"]` : '[data-view]';
  await expect(page.locator(`${sel}[data-ready="true"]`)).toBeVisible({ timeout: 30_000 });
  await page.waitForFunction(
    (s) => {
      const v = document.querySelector(s);
      const charts = [...(v?.querySelectorAll<HTMLElement>('.chart') ?? [])];
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
