/**
 * What the benchmark scripts share (bench.ts, bench-dashboard.ts, bench-import.ts): launching
 * Debian's Chromium, serving a build with vite preview, the in-page timing of a view until it is
 * complete, the filter-change driver, importing a file through the 导入数据 panel, and sampling
 * memory. Pure helpers (percentiles, formatting) are in bench-stats.ts.
 */
import type { FloorResult, Reading } from './bench-floor/main.ts';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VIEWPORT = { width: 1400, height: 1000 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A running `vite preview` of a build directory; `stop()` ends its process group. */
export interface Server {
  base: string;
  port: number;
  /** false once the server process has exited (e.g. killed from outside) */
  alive: () => boolean;
  stop: () => void;
}

/** Whether nothing listens on 127.0.0.1:port now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/**
 * Serve `outDir` with vite preview (optionally with another config) on `port`, or on port + 10,
 * + 20, + 30 if it is taken (other sessions on the machine run servers too), and wait until it
 * answers with this build's own index.html — not another server's that happens to hold the port.
 */
export async function serve(outDir: string, port: number, config?: string): Promise<Server> {
  const dir = resolve(ROOT, outDir);
  const index = readFileSync(resolve(dir, 'index.html'), 'utf8');
  for (const p of [port, port + 10, port + 20, port + 30]) {
    if (!(await portFree(p))) continue;
    const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(p), '--strictPort', '--outDir', dir];
    if (config) args.push('--config', config);
    const child = spawn('npx', args, { cwd: ROOT, stdio: 'ignore', detached: true });
    const alive = () => child.exitCode === null && child.signalCode === null;
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid);
      } catch {
        /* already gone */
      }
    };
    const base = `http://127.0.0.1:${p}`;
    for (let i = 0; i < 150 && alive(); i++) {
      try {
        const res = await fetch(base);
        if (res.ok && (await res.text()) === index && alive()) return { base, port: p, alive, stop };
      } catch {
        /* not up yet */
      }
      await sleep(200);
    }
    stop();
  }
  throw new Error(`vite preview 未能在端口 ${port}、${port + 10}、${port + 20}、${port + 30} 上启动（${outDir}）`);
}

/** Where a measurement stands after the page's own work for one filter change. */
export interface Breakdown {
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

/**
 * In the page (a string expression, because the page's CSP forbids eval and the TS loader adds
 * helpers to compiled functions that the page lacks): true when the current view is complete —
 * its queries are done and every visible chart (in or near the viewport) has drawn its latest
 * option — or when the app reports an error (check `appError` afterwards).
 */
export const COMPLETE_EXPR = `(() => {
  if (document.querySelector('main[data-status="error"]')) return true;
  const view = document.querySelector('[data-view]');
  if (!view || view.getAttribute('data-ready') !== 'true') return false;
  const charts = [...view.querySelectorAll('.chart[data-visible="true"]')];
  return charts.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
})()`;

/** The app's error text if it failed to load, else null. */
export async function appError(page: Page): Promise<string | null> {
  return page.evaluate(`(() => {
    const m = document.querySelector('main[data-status="error"]');
    if (!m) return null;
    const failed = m.querySelector('section.failed > p') || m;
    return failed.textContent.trim().replace(/\s+/g, ' ').slice(0, 500) || 'error';
  })()`);
}

/** What the page shows while it loads (its progress steps), for a report of where it got stuck. */
export async function pageState(page: Page): Promise<string> {
  try {
    return ((await page.evaluate(`(document.querySelector('main') || document.body).innerText`)) as string).replace(/\s+/g, ' ').trim().slice(0, 300);
  } catch (e) {
    return `（页面不可读：${e instanceof Error ? e.message.split('\n')[0] : String(e)}）`;
  }
}

/**
 * Wait until the view is complete; throws with the app's own message if it reports an error. The
 * check runs in the page frame by frame (page.waitForFunction would compile the string with eval,
 * which the page's CSP forbids; page.evaluate goes through the DevTools protocol instead).
 * Returns when, in milliseconds from the page's navigation start (performance.now() in the page),
 * the view was seen complete: the time from navigation to the complete view, without the time the
 * benchmark spends creating browser contexts and talking to the browser.
 */
export async function waitComplete(page: Page, timeout: number): Promise<number> {
  const poll = page.evaluate(`new Promise((done) => {
    const t0 = performance.now();
    const check = () => {
      if (${COMPLETE_EXPR}) done(performance.now());
      else if (performance.now() - t0 > ${timeout}) done(false);
      else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number | false>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((r) => (timer = setTimeout(() => r(false), timeout + 2000)));
  poll.catch(() => {});
  const at = await Promise.race([poll, late]).finally(() => clearTimeout(timer));
  if (at === false) {
    const e = new Error(`视图 ${(timeout / 1000).toFixed(0)} s 内未完成`);
    e.name = 'TimeoutError';
    throw e;
  }
  const err = await appError(page);
  if (err) throw new Error(`看板报告错误：${err}`);
  return at;
}

/** DuckDB's start-up as measured by the page itself (DatasetState.duckdbStartMs → main[data-duckdb-ms]). */
export async function duckdbStartMs(page: Page): Promise<number | null> {
  const v = await page.locator('main').getAttribute('data-duckdb-ms');
  return v === null || v === '' ? null : Number(v);
}

declare global {
  interface Window {
    __bench: {
      time: (act: () => void) => Promise<number>;
      last: Breakdown;
    };
  }
}

/**
 * Installed in the page before it loads (page.addInitScript): `__bench.time(act)` runs an action,
 * then waits frame by frame until some chart has a new revision (or the view went busy) and the
 * view is complete again, and returns milliseconds (details in `__bench.last`). `findSelect` finds
 * a native select by its label text; `changeSelect` moves it to its next option and times that;
 * `toggleTown` ticks the nth town of the 镇街 picker and times that.
 */
export const BENCH_SCRIPT = `
(() => {
  const charts = () => [...document.querySelectorAll('[data-view] .chart')];
  const isComplete = () => {
    const view = document.querySelector('[data-view]');
    if (!view || view.getAttribute('data-ready') !== 'true') return false;
    const cs = charts().filter((c) => c.dataset.visible === 'true');
    return cs.every((c) => c.dataset.revision && c.dataset.rendered === c.dataset.revision);
  };
  const findSelect = (label) => {
    const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === label);
    return l && l.control instanceof HTMLSelectElement ? l.control : null;
  };
  window.__bench = {
    async time(act) {
      // A change is seen when the view goes busy (its queries restart), a chart gets a new option, or
      // the charts come or go (unticking the last town selects none: the view asks for towns).
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
            const now = charts();
            const changed = busy || now.length !== before.length || now.some((c, i) => c.dataset.revision !== before[i]);
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
    findSelect,
    /** Set the select labelled \`label\` to \`value\`, or to the option after the current one. */
    async changeSelect(label, value) {
      const select = findSelect(label);
      if (!select) throw new Error('no select labelled ' + label);
      const values = [...select.options].filter((o) => !o.disabled).map((o) => o.value);
      const next = value ?? values[(values.indexOf(select.value) + 1) % values.length];
      await window.__bench.time(() => {
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      return window.__bench.last;
    },
    async toggleTown(nth) {
      await window.__bench.time(() => {
        const boxes = [...document.querySelectorAll('.picker ul input[type=checkbox]')];
        boxes[nth % boxes.length].click();
      });
      return window.__bench.last;
    },
  };
})();
`;

/** One kind of filter change the driver can make, if the page has the control for it. */
export interface FilterControl {
  /** what changed, as reported: 年度, 镇街, 指标, 层级 */
  kind: string;
  present: (page: Page) => Promise<boolean>;
  /** make the i-th change of this kind and time it in the page */
  change: (page: Page, i: number) => Promise<Breakdown>;
}

/** A native select found by its label; each change moves it to its next option (cyclically). */
export function selectControl(label: string): FilterControl {
  const l = JSON.stringify(label);
  return {
    kind: label,
    present: async (page) => (await page.evaluate(`!!window.__bench.findSelect(${l})`)) as boolean,
    change: async (page) => ({ ...((await page.evaluate(`window.__bench.changeSelect(${l})`)) as Breakdown), kind: label }),
  };
}

/** The 镇街 picker: each change ticks or unticks one town (opening the picker is not timed). */
export const townControl: FilterControl = {
  kind: '镇街',
  present: async (page) => (await page.locator('.picker-toggle').count()) > 0,
  change: async (page, i) => {
    await page.locator('.picker-toggle').click({ timeout: 15_000 });
    try {
      return { ...((await page.evaluate(`window.__bench.toggleTown(${i})`)) as Breakdown), kind: '镇街' };
    } finally {
      await page.locator('.picker-toggle').click({ timeout: 15_000 });
    }
  },
};

/**
 * Every filter the driver knows, in the order it cycles through them. Only those present in the
 * current view are used, so a control the app does not have yet (层级) is simply skipped until
 * it appears; to time another control, add it here.
 */
export const FILTER_CONTROLS: readonly FilterControl[] = [selectControl('年度'), townControl, selectControl('指标'), selectControl('层级')];

/** The controls of FILTER_CONTROLS present on the page now. */
export async function presentControls(page: Page, controls = FILTER_CONTROLS): Promise<FilterControl[]> {
  const out: FilterControl[] = [];
  for (const c of controls) if (await c.present(page)) out.push(c);
  return out;
}

/**
 * Make `perKind` changes of every present control, round robin, pushing each timing into `sink`
 * as it is made (so a caller that gives up on time keeps what was measured). A change that does
 * not complete within the page's 10 s is recorded in `failures` and the run goes on. With
 * `deadline` (a Date.now() value), no change is started after it; returns whether all were made.
 */
export async function driveFilterChanges(
  page: Page,
  perKind: number,
  sink: Breakdown[],
  failures: string[],
  controls?: FilterControl[],
  deadline = Infinity,
): Promise<boolean> {
  const cs = controls ?? (await presentControls(page));
  for (let i = 0; i < perKind; i++) {
    for (const c of cs) {
      if (Date.now() > deadline) return false;
      try {
        sink.push(await c.change(page, i));
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        if (page.isClosed() || /has been closed|crashed/i.test(msg)) throw e;
        failures.push(`${c.kind} #${i}: ${msg}`);
        if (failures.length > 10) throw new Error(`筛选变化多次失败：${failures.slice(-3).join('；')}`);
      }
    }
  }
  return true;
}

/** Frame gaps and long tasks while `__frames.running` is true (installed with addInitScript). */
export const FRAME_MONITOR = `
(() => {
  const m = { maxGap: 0, longTasks: 0, longest: 0, running: false };
  window.__frames = m;
  let last = performance.now();
  const tick = (t) => { if (m.running) m.maxGap = Math.max(m.maxGap, t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    if (!m.running) return;
    for (const e of list.getEntries()) { m.longTasks++; m.longest = Math.max(m.longest, e.duration); }
  }).observe({ type: 'longtask', buffered: false });
})();
`;

export interface FrameStats {
  maxGap: number;
  longTasks: number;
  longest: number;
}

export interface ImportResult {
  /** decode, parse, validate in the worker: from picking the file until the 载入 button offers the reports */
  readMs: number;
  /** into DuckDB: from clicking 载入 until 已载入 (the data is shown) */
  loadMs: number;
  /** then saving the imports in IndexedDB, while the data is shown: until 已保存 */
  saveMs: number;
  reports: number;
  frames: FrameStats;
  /** the import's named points on the page's clock (importMarks) */
  marks: Record<string, number>;
}

/**
 * How long after opening the import panel the benchmark chooses the file (a quick clerk). Timing
 * starts when the file is chosen; runs before this pause was added (2026-12-08) also timed the
 * worker's start and the division list.
 */
export const PICK_MS = 1500;

/**
 * Import `file` through the real 导入数据 panel of an app page that is loaded (FRAME_MONITOR
 * installed). With `onlyImported`, chooses 仅使用导入数据 so that nothing conflicts with the
 * embedded data.
 */

export async function importThroughPanel(page: Page, file: string, timeout: number, onlyImported = false): Promise<ImportResult> {
  await page.getByRole('button', { name: '导入数据' }).click();
  // a person takes a moment to find the file in the dialog; the panel gets the import's worker
  // and the division list ready meanwhile (parse-client.ts warmImport)
  await page.waitForTimeout(PICK_MS);
  await page.evaluate('window.__frames.running = true');
  const t0 = Date.now();
  await page.getByLabel('选择文件').setInputFiles(file);
  const loadButton = page.getByRole('button', { name: /载入 \d+ 份报告/ });
  await loadButton.waitFor({ timeout });
  const readMs = Date.now() - t0;
  if (onlyImported) await page.getByRole('radio', { name: /仅使用导入数据/ }).check();
  // the count the button loads, as the choices stand
  const reports = Number((await loadButton.textContent())!.match(/\d+/)![0]);
  const t1 = Date.now();
  await loadButton.click();
  await page.getByRole('status').filter({ hasText: /已载入 \d+ 份报告/ }).waitFor({ timeout: Math.max(1000, timeout - readMs) });
  const loadMs = Date.now() - t1;
  await page.evaluate('window.__frames.running = false');
  const frames = (await page.evaluate('window.__frames')) as FrameStats;
  // the imports are then saved in the browser (IndexedDB) while the data is already shown
  const t2 = Date.now();
  await page.getByRole('status').filter({ hasText: '已保存在本浏览器中' }).waitFor({ timeout: Math.max(1000, timeout - readMs - loadMs) });
  const saveMs = Date.now() - t2;
  const marks = await importMarks(page);
  return { readMs, loadMs, saveMs, reports, frames, marks };
}

/** The page's main-thread JS heap in use now (Chromium's performance.memory), in bytes. */
export async function pageHeap(page: Page): Promise<number> {
  return page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
}

/** The import's named points (src/lib/import/marks.ts), the last of each, in ms of the page's clock. */
export async function importMarks(page: Page): Promise<Record<string, number>> {
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('zwgk:import:'))
      .map((m) => [m.name.slice('zwgk:import:'.length), m.startTime] as const),
  );
  return Object.fromEntries(entries);
}

/** Where an import's time went, from its marks: [label, seconds] rows. */
export function importBreakdown(m: Record<string, number>): [string, string][] {
  const s = (a: string, b: string) => (m[a] !== undefined && m[b] !== undefined ? `${((m[b]! - m[a]!) / 1000).toFixed(2)} 秒` : '—');
  return [
    ['  工作线程读完（解码、解析、校验）', s('read', 'parsed')],
    ['  DuckDB 读完（read_csv 到暂存表）', s('read', 'stage-read')],
    ['  DuckDB 算完每行校验和', s('read', 'stage-checked')],
    ['  两边读法核对一致', s('read', 'verified')],
    ['  与已显示的数据比对完（冲突、相同）', s('read', 'scanned')],
    ['  确定载入哪些报告', s('apply', 'accepted')],
    ['  写入数据库（暂存表成为报告表）', s('apply', 'stored')],
    ['  看板查询完成', s('apply', 'shown')],
  ];
}

/**
 * Samples memory while a phase runs: the page's main-thread JS heap (CDP Performance.getMetrics
 * JSHeapUsedSize; the DuckDB worker's heap and wasm memory are not in it) and the peak resident
 * memory of Chromium's renderer processes (VmHWM in /proc/<pid>/status of every process CDP
 * SystemInfo.getProcessInfo reports as a renderer; the page, its workers and DuckDB's wasm memory
 * live in the page's renderer process). Peaks only ever go up.
 */
export class MemorySampler {
  jsHeapPeak = 0;
  rendererPeak = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private pages: CDPSession[] = [];
  private browserSession: CDPSession | null = null;
  private busy = false;

  constructor(private browser: Browser) {}

  async start(intervalMs = 250): Promise<void> {
    this.browserSession = await this.browser.newBrowserCDPSession();
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  /** Also sample the JS heap of this page. */
  async watch(page: Page): Promise<void> {
    const s = await page.context().newCDPSession(page);
    await s.send('Performance.enable');
    this.pages.push(s);
  }

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const s of this.pages) {
        try {
          const { metrics } = await s.send('Performance.getMetrics');
          const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          this.jsHeapPeak = Math.max(this.jsHeapPeak, heap);
        } catch {
          /* page gone */
        }
      }
      this.rendererPeak = Math.max(this.rendererPeak, this.rendererHwm(await this.processes()));
    } catch {
      /* browser gone */
    } finally {
      this.busy = false;
    }
  }

  private async processes(): Promise<{ type: string; id: number }[]> {
    if (!this.browserSession) return [];
    // SystemInfo.getProcessInfo is not in Playwright's protocol types
    const r = (await this.browserSession.send('SystemInfo.getProcessInfo' as 'Browser.getVersion')) as unknown as {
      processInfo: { type: string; id: number }[];
    };
    return r.processInfo;
  }

  private rendererHwm(procs: { type: string; id: number }[]): number {
    let peak = 0;
    for (const p of procs) {
      if (p.type !== 'renderer') continue;
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited, or not Linux */
      }
    }
    return peak;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sample();
  }
}

/** The bench-only floor page (scripts/bench-floor): DuckDB-WASM's own read_csv, nothing of the app. */
export const FLOOR_DIST = join(ROOT, 'bench-dist', 'floor');
export const FLOOR_CONFIG = join(ROOT, 'scripts', 'bench-floor', 'vite.config.ts');

/** The floor page's other readings of the file (bench-floor/main.ts __readings), for npm run bench:import -- --readings. */
export async function readingsOnPage(page: Page, base: string, file: string): Promise<Reading[]> {
  await page.goto(base);
  await page.locator('#file').setInputFiles(file);
  return (await page.evaluate('window.__readings()')) as Reading[];
}

/** Time read_csv of `file` on the floor page served at `base` (the file is picked like a user would). */
export async function floorOnPage(page: Page, base: string, file: string, compress = false): Promise<FloorResult> {
  await page.goto(base);
  await page.locator('#file').setInputFiles(file);
  return (await page.evaluate(`window.__floor(${compress ? 'true' : 'false'})`)) as FloorResult;
}
