import { chromium } from '@playwright/test';
import { serve } from '../bench-lib.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
const server = await serve(process.env.DIST ?? 'dist', 4197);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (let run = 0; run < 4; run++) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(server.base + '/?view=ranking');
  await page.locator('[data-view][data-ready="true"]').waitFor();
  await page.waitForFunction(() => { const c = document.querySelector('.chart') as HTMLElement | null; return !!c && c.dataset.rendered === c.dataset.revision; });
  const t = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of performance.getEntriesByType('mark')) out[e.name] = Math.round(e.startTime);
    out.done = Math.round(performance.now());
    const q = performance.getEntriesByName('query').map((e) => `${Math.round(e.startTime)}+${Math.round(e.duration)}`);
    const c = performance.getEntriesByName('chart').map((e) => `${Math.round(e.startTime)}+${Math.round(e.duration)}`);
    const res = performance.getEntriesByType('resource').filter((r) => /App-|wasm|\.csv/.test(r.name)).map((r: any) => `${r.name.split('/').pop().slice(0, 18)} ${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
    return { marks: out, q, c, res };
  });
  console.log(JSON.stringify(t));
  await ctx.close();
}
await browser.close(); server.stop();
