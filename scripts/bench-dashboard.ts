/**
 * Benchmark of the dashboard on the embedded dataset (a script that prints numbers, not a test).
 *
 *   npm run bench:dashboard [-- --runs 5 --changes 40 --no-build]
 *
 * Builds the app, serves the production build, drives Debian's Chromium and prints:
 * - time from navigation to the first complete view (data loaded, view queries done, every chart
 *   drawn), cold (new browser profile) — with DuckDB's own start-up time measured in the same page;
 * - p50 / p95 time from a filter change (year, town selection, ranking measure, and 层级 when the
 *   app has it; the controls are found in the page) until every
 *   visible chart (in or within 200 px of the viewport; the others draw when scrolled to) shows
 *   the new data, measured inside the page.
 * Results are also written to bench-results/dashboard.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  BENCH_SCRIPT,
  driveFilterChanges,
  duckdbStartMs,
  launch,
  presentControls,
  ROOT as root,
  serve,
  VIEWPORT,
  waitComplete,
  type Breakdown,
} from './bench-lib.ts';
import { percentile as pct, table } from './bench-stats.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const CHANGES = arg('changes', 40);
// not 4190: it is on the fetch spec's list of bad ports, which Chromium and Node refuse
const PORT = arg('port', 4197);
let BASE = `http://127.0.0.1:${PORT}`;

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function firstView(path: string): Promise<{ total: number; duckdb: number }> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(BASE + path);
    // from the page's navigation start to the complete view
    const total = await waitComplete(page, 60_000);
    return { total, duckdb: (await duckdbStartMs(page)) ?? NaN };
  } finally {
    await browser.close();
  }
}

/** CHANGES filter changes per view, cycling through the controls the view has (年度, 镇街, 指标, 层级). */
async function filterChanges(): Promise<Record<string, Breakdown[]>> {
  const browser = await launch();
  const out: Record<string, Breakdown[]> = {};
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript({ content: BENCH_SCRIPT });
    for (const view of ['ranking', 'publication', 'applications', 'overview']) {
      await page.goto(`${BASE}/?view=${view}`);
      await waitComplete(page, 60_000);
      const controls = await presentControls(page);
      const times: Breakdown[] = [];
      const failures: string[] = [];
      await driveFilterChanges(page, Math.ceil(CHANGES / controls.length), times, failures, controls);
      if (failures.length > 0) console.warn(`${view}：${failures.length} 次变化未完成：${failures.join('；')}`);
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
  const server = await serve('dist', PORT);
  BASE = server.base;
  try {
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
      ...['年度', '镇街', '指标', '层级'].flatMap((k) => {
        const t = Object.values(changes).flat().filter((b) => b.kind === k).map((b) => b.total);
        return t.length > 0 ? [[`其中改变${k}（${t.length} 次）p50 / p95`, `${ms(pct(t, 50))} / ${ms(pct(t, 95))}`]] : [];
      }),
      [`筛选变化 全部 ${all.length} 次 p50 / p95`, `${ms(pct(all, 50))} / ${ms(pct(all, 95))}`],
    ];
    console.log('\n内置数据集（汶上县 15 个镇街 × 7 年）');
    console.log(table(rows));
    mkdirSync(resolve(root, 'bench-results'), { recursive: true });
    writeFileSync(
      resolve(root, 'bench-results/dashboard.json'),
      JSON.stringify({ date: new Date().toISOString(), runs: RUNS, firstView: first, changes }, null, 2),
    );
  } finally {
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
