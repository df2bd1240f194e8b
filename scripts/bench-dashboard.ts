/**
 * Benchmark of the dashboard on the embedded dataset (a script that prints numbers, not a test).
 *
 *   npm run bench:dashboard [-- --runs 5 --changes 40 --no-build]
 *
 * Builds the app, serves the production build, drives Debian's Chromium and prints:
 * - time from navigation to the first complete view (data loaded, view queries done, every chart
 *   drawn), cold (new browser profile) — with DuckDB's own start-up time measured in the same page;
 * - p50 / p95 time from a filter change (year, town selection, ranking measure) until every
 *   visible chart shows the new data, measured inside the page.
 * Results are also written to bench-results/dashboard.json.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const CHANGES = arg('changes', 40);
const PORT = arg('port', 4190);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** In the page: is the current view complete (queries done, every chart drawn with its latest option)? */
const COMPLETE = `(() => {
  const view = document.querySelector('[data-view]');
  if (!view || view.getAttribute('data-ready') !== 'true') return false;
  const charts = [...view.querySelectorAll('.chart')];
  return charts.length > 0 && charts.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
})()`;

async function firstView(path: string): Promise<{ total: number; duckdb: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const t0 = Date.now();
    await page.goto(BASE + path);
    await page.waitForFunction(COMPLETE, undefined, { polling: 'raf', timeout: 60_000 });
    const total = Date.now() - t0;
    const duckdb = Number(await page.locator('main').getAttribute('data-duckdb-ms'));
    return { total, duckdb };
  } finally {
    await browser.close();
  }
}

/** Change a control inside the page and time until the view is complete again. */
async function timedChange(page: Page, label: string, value: string): Promise<number> {
  return page.evaluate(
    async ({ label, value, complete }) => {
      const before = [...document.querySelectorAll<HTMLElement>('[data-view] .chart')].map((c) => c.dataset.revision);
      const select = [...document.querySelectorAll('label')]
        .find((l) => l.textContent?.trim() === label)
        ?.control as HTMLSelectElement | null | undefined;
      if (!select) throw new Error(`no select labelled ${label}`);
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise<void>((done) => {
        const check = () => {
          const charts = [...document.querySelectorAll<HTMLElement>('[data-view] .chart')];
          const changed = charts.some((c, i) => c.dataset.revision !== before[i]);
          // eslint-disable-next-line no-eval
          if (changed && (0, eval)(complete)) done();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      return performance.now() - t0;
    },
    { label, value, complete: COMPLETE },
  );
}

async function timedTownToggle(page: Page, nth: number): Promise<number> {
  return page.evaluate(
    async ({ nth, complete }) => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.picker ul input[type=checkbox]')];
      const box = boxes[nth % boxes.length]!;
      const before = [...document.querySelectorAll<HTMLElement>('[data-view] .chart')].map((c) => c.dataset.revision);
      const t0 = performance.now();
      box.click();
      await new Promise<void>((done) => {
        const check = () => {
          const charts = [...document.querySelectorAll<HTMLElement>('[data-view] .chart')];
          const changed = charts.some((c, i) => c.dataset.revision !== before[i]);
          if (changed && (0, eval)(complete)) done();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      return performance.now() - t0;
    },
    { nth, complete: COMPLETE },
  );
}

async function filterChanges(): Promise<Record<string, number[]>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out: Record<string, number[]> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const years = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
    const measures = ['pub_volume', 'train_people', 'apps_received', 'open_rate', 'pub_newmedia', 't3_new_person'];
    for (const view of ['ranking', 'publication', 'applications', 'overview']) {
      await page.goto(`${BASE}/?view=${view}`);
      await page.waitForFunction(COMPLETE, undefined, { polling: 'raf', timeout: 60_000 });
      const times: number[] = [];
      for (let i = 0; i < CHANGES; i++) {
        const kind = i % 3;
        if (kind === 0 || (kind === 2 && view !== 'ranking')) times.push(await timedChange(page, '年度', years[i % years.length]!));
        else if (kind === 1) {
          await page.locator('.picker summary').click();
          times.push(await timedTownToggle(page, i));
          await page.locator('.picker summary').click();
        } else times.push(await timedChange(page, '指标', measures[i % measures.length]!));
      }
      out[view] = times;
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const b = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('构建失败');
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(BASE)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const first: { total: number; duckdb: number }[] = [];
    for (let i = 0; i < RUNS; i++) first.push(await firstView('/?view=ranking'));
    const changes = await filterChanges();
    const all = Object.values(changes).flat();

    const rows = [
      ['首屏完整（冷启动，排名视图）p50', ms(pct(first.map((f) => f.total), 50))],
      ['首屏完整 最快 / 最慢', `${ms(Math.min(...first.map((f) => f.total)))} / ${ms(Math.max(...first.map((f) => f.total)))}`],
      ['同一次运行中 DuckDB 启动 p50', ms(pct(first.map((f) => f.duckdb), 50))],
      ...Object.entries(changes).map(([v, t]) => [`筛选变化 → 图表更新（${v}，${t.length} 次）p50 / p95`, `${ms(pct(t, 50))} / ${ms(pct(t, 95))}`]),
      [`筛选变化 全部 ${all.length} 次 p50 / p95`, `${ms(pct(all, 50))} / ${ms(pct(all, 95))}`],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    console.log('\n内置数据集（汶上县 15 个镇街 × 7 年）');
    for (const [k, v] of rows) console.log(`${k!.padEnd(width + 2, '　')}${v}`);
    mkdirSync(resolve(root, 'bench-results'), { recursive: true });
    writeFileSync(
      resolve(root, 'bench-results/dashboard.json'),
      JSON.stringify({ date: new Date().toISOString(), runs: RUNS, firstView: first, changes }, null, 2),
    );
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
