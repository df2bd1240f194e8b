/**
 * Import benchmark (a script that prints numbers, not a test):
 *
 *   npm run bench:import -- [file.csv] [--no-build] [--runs N] [--no-floor] [--floor-compress] [--readings]
 *
 * Without a file, generates bench-data/import-50mb.csv (≈50 MB of synthetic reports from several
 * provinces). Imports it through the real 导入数据 panel of the production build in Chromium and
 * prints the time to read (decode, parse, validate in the worker) and to load (into DuckDB and
 * IndexedDB), the throughput in MB/s, and how responsive the page stayed: the longest gap between
 * animation frames and the main-thread long tasks seen during the import.
 *
 * As the floor, it also times DuckDB-WASM's own read_csv on the same file in the same browser
 * (scripts/bench-floor/: a page built for the benchmark only, served beside the app; the app
 * itself ships no such hook), into DuckDB's default database as npm run bench reads it
 * (`--floor-compress`: into a compressed one); `--no-floor` skips it. With `--runs N` the import
 * and the floor alternate N times and their medians are compared, as npm run bench does. The
 * import chooses 仅使用导入数据, as npm run bench does. `--readings` prints instead how long each way
 * of having DuckDB read the file takes (typed, text read exactly, Arrow export: docs/architecture.md).
 */
import { chromium, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOOR_CONFIG, FLOOR_DIST, floorOnPage, readingsOnPage, FRAME_MONITOR, importBreakdown, importThroughPanel, pageHeap, serve } from './bench-lib.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { medianRun } from './bench-stats.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4191;


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
 * DuckDB-WASM's own read_csv on the same file: the bench-only floor page of npm run bench (built
 * once, served beside the app), into DuckDB's default database as npm run bench reads it, or a
 * compressed one with --floor-compress.
 */
async function measureFloor(browser: Browser, floorBase: string, file: string, compress: boolean): Promise<{ fetchMs: number; readMs: number; rows: number }> {
  const page = await browser.newPage();
  page.on('crash', () => console.error('下限页面崩溃（内存不足？）'));
  try {
    const r = await floorOnPage(page, floorBase, file, compress);
    return { fetchMs: r.readMs + r.registerMs, readMs: r.createMs, rows: r.rows };
  } finally {
    await page.close();
  }
}

/** One import through the panel on a fresh page; the first run also reloads the page to time the restore. */
async function importOnce(browser: Browser, base: string, file: string, withRestore: boolean) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.addInitScript({ content: FRAME_MONITOR });
    await page.goto(base);
    await page.locator('main[data-status="ready"]').waitFor({ timeout: 60_000 });
    // 仅使用导入数据, as npm run bench imports: nothing conflicts with the embedded data
    const r = await importThroughPanel(page, file, 600_000, true);
    const heap = await pageHeap(page);
    let restore: { s: number; step: string } | null = null;
    if (withRestore) {
      // the imports are restored from IndexedDB on the next visit
      const t2 = Date.now();
      await page.reload();
      await page.locator('main[data-status="ready"]').waitFor({ timeout: 600_000 });
      const s = (Date.now() - t2) / 1000;
      await page.getByRole('button', { name: '导入数据' }).click();
      const step = await page.getByText(/已导入 \d+ 份报告/).first().textContent({ timeout: 10_000 }).then((t) => /\d+/.exec(t ?? '')?.[0] ?? '?').catch(() => '?');
      restore = { s, step };
    }
    return { r, heap, restore };
  } finally {
    await page.close();
  }
}

async function main() {
  const file = ensureFile();
  const mb = statSync(file).size / 1e6;
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 1) : 1;
  const compress = process.argv.includes('--floor-compress');
  const withFloor = !process.argv.includes('--no-floor');
  if (!process.argv.includes('--no-build')) {
    if (spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('构建失败');
  }
  if (withFloor && spawnSync('npx', ['vite', 'build', '--config', FLOOR_CONFIG, '--outDir', FLOOR_DIST, '--emptyOutDir'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    throw new Error('下限页面构建失败');
  }
  const server = await serve('dist', PORT);
  const floorServer = withFloor ? await serve(FLOOR_DIST, PORT + 5, FLOOR_CONFIG) : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    if (process.argv.includes('--readings')) {
      const page = await browser.newPage();
      for (const r of await readingsOnPage(page, floorServer!.base, file)) console.log(`${r.name.padEnd(20, '　')}${(r.ms / 1000).toFixed(2)} 秒，${r.rows} 行`);
      return;
    }
    if (process.argv.includes('--floor-only')) {
      const f = await measureFloor(browser, floorServer!.base, file, compress);
      console.log(`DuckDB read_csv：${(f.readMs / 1000).toFixed(1)} 秒，${(mb / (f.readMs / 1000)).toFixed(1)} MB/s，${f.rows} 行（读入页面 ${(f.fetchMs / 1000).toFixed(1)} 秒）`);
      return;
    }
    // import and floor alternate, so that both see the machine in the same state
    const imports: Awaited<ReturnType<typeof importOnce>>[] = [];
    const floors: Awaited<ReturnType<typeof measureFloor>>[] = [];
    for (let k = 0; k < runs; k++) {
      imports.push(await importOnce(browser, server.base, file, k === 0));
      if (floorServer) {
        try {
          floors.push(await measureFloor(browser, floorServer.base, file, compress));
        } catch (e) {
          console.error('下限（DuckDB read_csv）未能测得：', e instanceof Error ? e.message.split('\n')[0] : e);
        }
      }
    }
    const totalOf = (x: (typeof imports)[number]) => (x.r.readMs + x.r.loadMs) / 1000;
    const totals = imports.map(totalOf);
    // the breakdown of the run whose total is the median
    const mid = medianRun(imports, totalOf)!;
    const { r, heap } = mid;
    const restore = imports[0]!.restore!;
    const [read, load, save] = [r.readMs / 1000, r.loadMs / 1000, r.saveMs / 1000];
    const { reports, frames } = r;
    const phases = importBreakdown(r.marks);
    const rows = [
      ['文件', `${file.split('/').pop()}（${mb.toFixed(1)} MB，${reports} 份有效报告）`],
      ['读取（Worker 与 DuckDB 同时读，再核对）', `${read.toFixed(1)} 秒，${(mb / read).toFixed(1)} MB/s`],
      ...phases.slice(0, 4),
      ['载入（写入 DuckDB，看板显示新数据）', `${load.toFixed(1)} 秒`],
      ...phases.slice(4),
      ['合计', `${(read + load).toFixed(1)} 秒，${(mb / (read + load)).toFixed(1)} MB/s${runs > 1 ? `（${runs} 次的中位数：${totals.map((t) => t.toFixed(1)).join(' / ')} 秒）` : ''}`],
      ['随后保存到 IndexedDB（看板已可用）', `${save.toFixed(1)} 秒`],
      ['期间最长的帧间隔', `${frames.maxGap.toFixed(0)} 毫秒`],
      ['期间主线程长任务（>50 毫秒）', `${frames.longTasks} 个，最长 ${frames.longest.toFixed(0)} 毫秒`],
      ['载入后页面主线程 JS 堆', `${(heap / 1e6).toFixed(0)} MB`],
      ['刷新页面后恢复导入的数据', `${restore.s.toFixed(1)} 秒（打开页面到看板就绪，恢复 ${restore.step} 份）`],
    ];
    console.log('\n导入基准');
    for (const [k, v] of rows) console.log(`${k!.padEnd(24, '　')}${v}`);
    if (floors.length > 0) {
      const times = floors.map((f) => f.readMs / 1000);
      const s = medianRun(times, (t) => t)!;
      console.log(
        `${'下限：DuckDB read_csv（同一浏览器）'.padEnd(24, '　')}${s.toFixed(1)} 秒${compress ? '（写入压缩的库）' : ''}，${(mb / s).toFixed(1)} MB/s，${floors[0]!.rows} 行${floors.length > 1 ? `（${floors.length} 次的中位数：${times.map((t) => t.toFixed(1)).join(' / ')} 秒）` : ''}`,
      );
      const total = totalOf(mid);
      console.log(`${'导入合计 / read_csv'.padEnd(24, '　')}${(total / s).toFixed(2)} 倍（吞吐为其 ${((100 * s) / total).toFixed(0)}%）`);
    }
  } finally {
    await browser.close();
    floorServer?.stop();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
