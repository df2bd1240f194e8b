/**
 * Benchmark of the dashboard on the embedded dataset (a script that prints numbers, not a test).
 *
 *   npm run bench:dashboard [-- --runs 5 --changes 40 --no-build]
 *
 * Builds the app, serves the production build, drives Debian's Chromium and prints:
 * - time from navigation to the first complete view (data loaded, view queries done, every chart
 *   drawn), cold (new browser profile) — with DuckDB's own start-up time measured in the same page;
 * - p50 / p95 time from a filter change (year, town selection, ranking measure) until every
 *   visible chart (in or within 200 px of the viewport; the others draw when scrolled to) shows
 *   the new data, measured inside the page.
 * Results are also written to bench-results/dashboard.json.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const CHANGES = arg('changes', 40);
const PORT = arg('port', 4190);
const BASE = `http://127.0.0.1:${PORT}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** In the page: is the current view complete (queries done, every chart drawn with its latest option)? */
function complete(): boolean {
  const view = document.querySelector('[data-view]');
  if (!view || view.getAttribute('data-ready') !== 'true') return false;
  const charts = [...view.querySelectorAll<HTMLElement>('.chart[data-visible="true"]')];
  return charts.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
}

interface Breakdown {
  total: number;
  /** which filter changed */
  kind?: string;
  /** wall time of each view query, summed (they overlap) */
  query: number;
  /** time inside ECharts setOption, summed */
  chart: number;
  queries: number;
  charts: number;
}

declare global {
  interface Window {
    __bench: { time: (act: () => void) => Promise<number>; select: (label: string) => HTMLSelectElement; last: Breakdown };
  }
}

/**
 * Installed in the page before it loads (by CDP, so the page's CSP, which forbids eval, is not in
 * the way; a string, because the TS loader adds helpers to compiled functions that the page lacks):
 * run an action, then wait frame by frame until some chart has a new revision and the view is
 * complete again; returns milliseconds.
 */
const BENCH_SCRIPT = `
(() => {
  const charts = () => [...document.querySelectorAll('[data-view] .chart')];
  const isComplete = () => {
    const view = document.querySelector('[data-view]');
    if (!view || view.getAttribute('data-ready') !== 'true') return false;
    const cs = charts().filter((c) => c.dataset.visible === 'true');
    return cs.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
  };
  window.__bench = {
    async time(act) {
      // A change is seen when the view goes busy (its queries restart) or a chart gets a new option.
      const before = charts().map((c) => c.dataset.revision);
      let busy = false;
      const watch = new MutationObserver(() => {
        if (document.querySelector('[data-view]')?.getAttribute('data-ready') === 'false') busy = true;
      });
      watch.observe(document.querySelector('main'), { attributes: true, subtree: true, childList: true, attributeFilter: ['data-ready'] });
      performance.clearMeasures();
      const t0 = performance.now();
      act();
      try {
        await new Promise((done, fail) => {
          const check = () => {
            const changed = busy || charts().some((c, i) => c.dataset.revision !== before[i]);
            if (changed && isComplete()) done();
            else if (performance.now() - t0 > 10000) fail(new Error('no update within 10 s'));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
      } finally {
        watch.disconnect();
      }
      const total = performance.now() - t0;
      const sum = (name) => performance.getEntriesByName(name).reduce((a, e) => a + e.duration, 0);
      window.__bench.last = { total, query: sum('query'), chart: sum('chart'), queries: performance.getEntriesByName('query').length, charts: performance.getEntriesByName('chart').length };
      return total;
    },
    select(label) {
      const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === label);
      if (!l || !l.control) throw new Error('no control labelled ' + label);
      return l.control;
    },
  };
})();
`;

async function firstView(path: string): Promise<{ total: number; duckdb: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const t0 = Date.now();
    await page.goto(BASE + path);
    await page.waitForFunction(complete, undefined, { polling: 'raf', timeout: 60_000 });
    const total = Date.now() - t0;
    const duckdb = Number(await page.locator('main').getAttribute('data-duckdb-ms'));
    return { total, duckdb };
  } finally {
    await browser.close();
  }
}

/** Change a select (by its label) inside the page and time until the view is complete again. */
function timedChange(page: Page, label: string, value: string): Promise<Breakdown> {
  return page.evaluate(async ({ label, value }) => {
    await window.__bench.time(() => {
      const select = window.__bench.select(label);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    return window.__bench.last;
  }, { label, value });
}

function timedTownToggle(page: Page, nth: number): Promise<Breakdown> {
  return page.evaluate(async (nth) => {
    await window.__bench.time(() => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.picker ul input[type=checkbox]')];
      boxes[nth % boxes.length]!.click();
    });
    return window.__bench.last;
  }, nth);
}

async function filterChanges(): Promise<Record<string, Breakdown[]>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const out: Record<string, Breakdown[]> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript({ content: BENCH_SCRIPT });
    const years = ['2019', '2020', '2021', '2022', '2023', '2024', '2025'];
    const measures = ['pub_volume', 'train_people', 'apps_received', 'open_rate', 'pub_newmedia', 't3_new_person'];
    for (const view of ['ranking', 'publication', 'applications', 'overview']) {
      await page.goto(`${BASE}/?view=${view}`);
      await page.waitForFunction(complete, undefined, { polling: 'raf', timeout: 60_000 });
      const times: Breakdown[] = [];
      for (let i = 0; i < CHANGES; i++) {
        const kind = i % 3;
        if (kind === 0 || (kind === 2 && view !== 'ranking')) times.push({ ...(await timedChange(page, '年度', years[i % years.length]!)), kind: '年度' });
        else if (kind === 1) {
          await page.locator('.picker summary').click();
          times.push({ ...(await timedTownToggle(page, i)), kind: '镇街' });
          await page.locator('.picker summary').click();
        } else times.push({ ...(await timedChange(page, '指标', measures[i % measures.length]!)), kind: '指标' });
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
    const all = Object.values(changes).flat().map((b) => b.total);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    const rows = [
      ['首屏完整（冷启动，排名视图）p50', ms(pct(first.map((f) => f.total), 50))],
      ['首屏完整 最快 / 最慢', `${ms(Math.min(...first.map((f) => f.total)))} / ${ms(Math.max(...first.map((f) => f.total)))}`],
      ['同一次运行中 DuckDB 启动 p50', ms(pct(first.map((f) => f.duckdb), 50))],
      ...Object.entries(changes).map(([v, b]) => {
        const t = b.map((x) => x.total);
        return [
          `筛选变化 → 图表更新（${v}，${t.length} 次）p50 / p95`,
          `${ms(pct(t, 50))} / ${ms(pct(t, 95))}（平均：查询 ${mean(b.map((x) => x.queries)).toFixed(1)} 个共 ${ms(mean(b.map((x) => x.query)))}，绘图 ${mean(b.map((x) => x.charts)).toFixed(1)} 次共 ${ms(mean(b.map((x) => x.chart)))}）`,
        ];
      }),
      ...['年度', '镇街', '指标'].map((k) => {
        const t = Object.values(changes).flat().filter((b) => b.kind === k).map((b) => b.total);
        return [`其中改变${k}（${t.length} 次）p50 / p95`, t.length > 0 ? `${ms(pct(t, 50))} / ${ms(pct(t, 95))}` : '—'];
      }),
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
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
