/**
 * Import benchmark (a script that prints numbers, not a test):
 *
 *   npm run bench:import -- [file.csv] [--no-build]
 *
 * Without a file, generates bench-data/import-50mb.csv (≈50 MB of synthetic reports from several
 * provinces). Imports it through the real 导入数据 panel of the production build in Chromium and
 * prints the time to read (decode, parse, validate in the worker) and to load (into DuckDB and
 * IndexedDB), the throughput in MB/s, and how responsive the page stayed: the longest gap between
 * animation frames and the main-thread long tasks seen during the import.
 *
 * As the floor, it also times DuckDB-WASM's own read_csv on the same file in the same browser
 * (scripts/bench-floor/: a page built for the benchmark only, served beside the app; the app
 * itself ships no such hook). `--no-floor` skips it.
 */
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOOR_CONFIG, FLOOR_DIST, floorOnPage, FRAME_MONITOR, importBreakdown, importThroughPanel, pageHeap, serve } from './bench-lib.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4191;
const BASE = `http://127.0.0.1:${PORT}`;


function ensureFile(): string {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (arg) return resolve(arg);
  const file = resolve(root, 'bench-data/import-50mb.csv');
  if (!existsSync(file)) {
    const full = resolve(root, 'bench-data/eight-provinces.csv');
    const g = spawnSync('npx', ['tsx', 'scripts/generate-sample.ts', '--province', '37,41,32,44,51,42,43,13', '--out', full], { cwd: root, stdio: 'inherit' });
    if (g.status !== 0) throw new Error('生成测试文件失败');
    spawnSync('sh', ['-c', `head -n 91000 '${full}' > '${file}' && rm '${full}'`], { stdio: 'inherit' });
  }
  return file;
}

/**
 * DuckDB-WASM's own read_csv on the same file: the bench-only floor page of npm run bench, built
 * and served beside the app; into a compressed database when asked (as the app stores a country).
 */
async function measureFloor(browser: import('@playwright/test').Browser, file: string, compress: boolean): Promise<{ fetchMs: number; readMs: number; rows: number }> {
  const b = spawnSync('npx', ['vite', 'build', '--config', FLOOR_CONFIG, '--outDir', FLOOR_DIST, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('下限页面构建失败');
  const server = await serve(FLOOR_DIST, PORT + 5, FLOOR_CONFIG);
  const page = await browser.newPage();
  page.on('crash', () => console.error('下限页面崩溃（内存不足？）'));
  try {
    const r = await floorOnPage(page, server.base, file, compress);
    return { fetchMs: r.readMs + r.registerMs, readMs: r.createMs, rows: r.rows };
  } finally {
    await page.close();
    server.stop();
  }
}

async function main() {
  const file = ensureFile();
  const mb = statSync(file).size / 1e6;
  if (!process.argv.includes('--no-build')) {
    if (spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('构建失败');
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(BASE)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    if (process.argv.includes('--floor-only')) {
      const f = await measureFloor(browser, file, process.argv.includes('--floor-compress') || mb > 100);
      console.log(`DuckDB read_csv：${(f.readMs / 1000).toFixed(1)} 秒，${(mb / (f.readMs / 1000)).toFixed(1)} MB/s，${f.rows} 行（读入页面 ${(f.fetchMs / 1000).toFixed(1)} 秒）`);
      return;
    }
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript({ content: FRAME_MONITOR });
    await page.goto(BASE);
    await page.locator('main[data-status="ready"]').waitFor({ timeout: 60_000 });
    const r = await importThroughPanel(page, file, 600_000);
    const [read, load, save] = [r.readMs / 1000, r.loadMs / 1000, r.saveMs / 1000];
    const { reports, frames } = r;
    const heap = await pageHeap(page);
    // the imports are restored from IndexedDB on the next visit
    const t2 = Date.now();
    await page.reload();
    await page.locator('main[data-status="ready"]').waitFor({ timeout: 600_000 });
    const restore = (Date.now() - t2) / 1000;
    await page.getByRole('button', { name: '导入数据' }).click();
    const restoreStep = await page.getByText(/已导入 \d+ 份报告/).first().textContent({ timeout: 10_000 }).then((t) => /\d+/.exec(t ?? '')?.[0] ?? '?').catch(() => '?');
    await page.close();
    const phases = importBreakdown(r.marks);
    const rows = [
      ['文件', `${file.split('/').pop()}（${mb.toFixed(1)} MB，${reports} 份有效报告）`],
      ['读取（Worker 与 DuckDB 同时读，再核对）', `${read.toFixed(1)} 秒，${(mb / read).toFixed(1)} MB/s`],
      ...phases.slice(0, 4),
      ['载入（写入 DuckDB，看板显示新数据）', `${load.toFixed(1)} 秒`],
      ...phases.slice(4),
      ['合计', `${(read + load).toFixed(1)} 秒，${(mb / (read + load)).toFixed(1)} MB/s`],
      ['随后保存到 IndexedDB（看板已可用）', `${save.toFixed(1)} 秒`],
      ['期间最长的帧间隔', `${frames.maxGap.toFixed(0)} 毫秒`],
      ['期间主线程长任务（>50 毫秒）', `${frames.longTasks} 个，最长 ${frames.longest.toFixed(0)} 毫秒`],
      ['载入后页面主线程 JS 堆', `${(heap / 1e6).toFixed(0)} MB`],
      ['刷新页面后恢复导入的数据', `${restore.toFixed(1)} 秒（打开页面到看板就绪，恢复 ${restoreStep} 份）`],
    ];
    console.log('\n导入基准');
    for (const [k, v] of rows) console.log(`${k!.padEnd(24, '　')}${v}`);
    let floor: Awaited<ReturnType<typeof measureFloor>> | null = null;
    if (!process.argv.includes('--no-floor')) {
      try {
        floor = await measureFloor(browser, file, process.argv.includes('--floor-compress') || mb > 100);
      } catch (e) {
        console.error('下限（DuckDB read_csv）未能测得：', e instanceof Error ? e.message.split('\n')[0] : e);
      }
    }
    if (floor) {
      const s = floor.readMs / 1000;
      console.log(`${'下限：DuckDB read_csv（同一浏览器）'.padEnd(24, '　')}${s.toFixed(1)} 秒${mb > 100 || process.argv.includes('--floor-compress') ? '（写入压缩的库）' : ''}，${(mb / s).toFixed(1)} MB/s，${floor.rows} 行`);
      console.log(`${'导入合计 / read_csv'.padEnd(24, '　')}${((read + load) / s).toFixed(2)} 倍（吞吐为其 ${((100 * s) / (read + load)).toFixed(0)}%）`);
    }
  } finally {
    await browser.close();
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
