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
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { FRAME_MONITOR, importThroughPanel, launch, ROOT as root, serve, VIEWPORT } from './bench-lib.ts';

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

async function main() {
  const file = ensureFile();
  const mb = statSync(file).size / 1e6;
  if (!process.argv.includes('--no-build')) {
    if (spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('构建失败');
  }
  const server = await serve('dist', PORT);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript({ content: FRAME_MONITOR });
    page.on('console', (m) => { if (m.text().startsWith('T ')) console.log(m.text()); });
    await page.goto(server.base);
    await page.locator('main[data-status="ready"]').waitFor({ timeout: 60_000 });
    const { readMs, loadMs, reports, frames } = await importThroughPanel(page, file, 600_000);
    const read = readMs / 1000;
    const load = loadMs / 1000;
    const rows = [
      ['文件', `${file.split('/').pop()}（${mb.toFixed(1)} MB，${reports} 份有效报告）`],
      ['读取（解码、解析、校验，在 Worker 中）', `${read.toFixed(1)} 秒，${(mb / read).toFixed(1)} MB/s`],
      ['载入（写入 DuckDB 并保存到 IndexedDB）', `${load.toFixed(1)} 秒`],
      ['合计', `${(read + load).toFixed(1)} 秒，${(mb / (read + load)).toFixed(1)} MB/s`],
      ['期间最长的帧间隔', `${frames.maxGap.toFixed(0)} 毫秒`],
      ['期间主线程长任务（>50 毫秒）', `${frames.longTasks} 个，最长 ${frames.longest.toFixed(0)} 毫秒`],
    ];
    console.log('\n导入基准');
    for (const [k, v] of rows) console.log(`${k!.padEnd(24, '　')}${v}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
