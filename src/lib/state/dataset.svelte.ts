/**
 * The dataset's life: start DuckDB and fetch the embedded files at the same time, validate them
 * against the catalogue, load them into DuckDB, and expose progress, problems and a summary.
 */
import { browserSql, startDuckDB } from '../db/client.ts';
import { datasetSummary, listTowns, type DatasetSummary, type TownInfo } from '../db/queries/index.ts';
import { createReportsTable, insertParts, LoadedIncomplete, replaceAllParts, type LoadStage } from '../db/reports-table.ts';
import { replaceApproximate } from '../db/approximate.ts';
import { composeParts, NO_IMPORTED, type ImportedSet } from '../import/compose-columns.ts';
import { markImport } from '../import/marks.ts';
import { checkStorage, clearImported, ImportsChangedElsewhere, loadImported, saveImported, storedGeneration, watchImports } from '../import/persist.ts';
import { Store } from '../db/store.ts';
import { EMBEDDED_FILES, fetchBytes } from '../data/embedded.ts';
import { EMPTY_SET, partLength, type ReportSet } from '../ingest/columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import { parseInWorker } from '../import/parse-client.ts';

export type StepId = 'db' | 'fetch' | 'validate' | 'restore' | 'insert';
export type StepStatus = 'waiting' | 'running' | 'done' | 'failed';

export interface Step {
  id: StepId;
  label: string;
  status: StepStatus;
  detail: string;
}

const STEPS: readonly Omit<Step, 'status' | 'detail'>[] = [
  { id: 'db', label: '启动浏览器内数据库（DuckDB）' },
  { id: 'fetch', label: '读取内置数据文件' },
  { id: 'validate', label: '按指标目录校验' },
  { id: 'restore', label: '恢复此前导入的数据' },
  { id: 'insert', label: '写入数据库' },
];

export class DatasetState {
  status = $state<'loading' | 'ready' | 'error'>('loading');
  steps = $state<Step[]>(STEPS.map((s) => ({ ...s, status: 'waiting', detail: '' })));
  /** 0–1 over all steps */
  progress = $derived(this.steps.reduce((a, s) => a + (s.status === 'done' ? 1 : s.status === 'running' ? 0.5 : 0), 0) / STEPS.length);
  summary = $state.raw<DatasetSummary | null>(null);
  towns = $state.raw<TownInfo[]>([]);
  issues = $state.raw<IngestIssue[]>([]);
  error = $state<string | null>(null);
  /** milliseconds DuckDB took to start, measured in this page */
  duckdbStartMs = $state<number | null>(null);
  /** the embedded reports (as columns), kept to recompose the data after an import or when imports are cleared */
  embedded = $state.raw<ReportSet>(EMPTY_SET);
  imported = $state.raw<ImportedSet>(NO_IMPORTED);
  /** bumped each time the data in the database changes, so that views re-read it */
  version = $state(0);
  /** a warning about imported data that could not be kept or restored */
  importWarning = $state<string | null>(null);
  /** saving the imports in this browser (IndexedDB) after a change of them */
  saveStatus = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  /** the last save, settled when it is done (saves are chained) */
  saving: Promise<void> = Promise.resolve();
  private saves = 0;
  /** the stored generation of the imports this page shows (persist.ts): saves are made on top of it */
  private generation: string | null = null;
  /** a note that another tab changed the imports and this page now shows them */
  otherTab = $state<string | null>(null);

  readonly db = new Store(browserSql);

  private step(id: StepId, status: StepStatus, detail = '') {
    this.steps = this.steps.map((s) => (s.id === id ? { ...s, status, detail } : s));
  }

  async load(): Promise<void> {
    let current: StepId = 'db';
    try {
      this.step('db', 'running');
      this.step('fetch', 'running');
      const dbReady = startDuckDB().then(({ timing }) => {
        performance.mark('zwgk:duckdb-ready');
        this.duckdbStartMs = Math.round(timing.ms);
        this.step('db', 'done', `DuckDB ${timing.version}，${this.duckdbStartMs} 毫秒`);
      });
      const files = await this.fetchAll();
      performance.mark('zwgk:fetched');
      current = 'validate';
      this.step('validate', 'running');
      // parsed and validated in the import worker, merged there as mergeFiles does
      const merged = await parseInWorker(files, 'plain', (p) => this.step('validate', 'running', p.done !== null ? `${p.file} ${Math.round(p.done * 100)}%` : p.file));
      this.issues = merged.issues;
      const errors = merged.issues.filter((i) => i.severity === 'error').length;
      this.step('validate', 'done', `${merged.incoming.keys.length} 份报告${errors > 0 ? `，${errors} 处错误未载入` : ''}`);
      this.embedded = merged.incoming;
      current = 'restore';
      this.step('restore', 'running');
      try {
        ({ data: this.imported, generation: this.generation } = await loadImported());
      } catch (e) {
        this.importWarning = `未能读取此前导入的数据：${e instanceof Error ? e.message : String(e)}`;
        this.generation = await storedGeneration().catch(() => null);
      }
      // another tab saving or clearing imports: show its data here too
      watchImports((generation) => void this.followOtherTab(generation));
      const restored = this.imported.reports.keys.length;
      this.step('restore', 'done', restored > 0 ? `${restored} 份导入的报告` : '没有导入的数据');
      current = 'db';
      await dbReady;
      current = 'insert';
      this.step('insert', 'running');
      const parts = composeParts(this.embedded, this.imported);
      const total = parts.reduce((a, p) => a + partLength(p), 0);
      await createReportsTable(this.db, total);
      await insertParts(this.db, parts, (done) => this.step('insert', 'running', total > 20_000 ? `${Math.round(done * 100)}%` : ''));
      await replaceApproximate(this.db, this.imported.approximate);
      performance.mark('zwgk:inserted');
      await this.refresh();
      performance.mark('zwgk:summary');
      this.step('insert', 'done', `${this.summary!.reports} 份报告，${this.summary!.towns} 个镇街`);
      this.status = 'ready';
    } catch (e) {
      this.step(current, 'failed', e instanceof Error ? e.message : String(e));
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  private async refresh(): Promise<void> {
    this.summary = await datasetSummary(this.db);
    this.towns = await listTowns(this.db);
    this.version++;
  }

  /**
   * Make `next` the imported data: the database is swapped all at once (a failure leaves what was
   * shown before), then the imports are saved for the next visit. With a stage, the values of the
   * imported reports found in it are copied from DuckDB's own reading of the files. The save
   * starts once the new data is shown: started before, its copying and cloning of a country's
   * columns on this thread ran between the dashboard's queries and delayed them.
   */
  async setImported(next: ImportedSet, stage?: LoadStage): Promise<void> {
    // all or nothing up to the switch to the new reports; after it, they are what is shown (and
    // saved) even when a last step fails, which then rejects with LoadedIncomplete
    let incomplete: LoadedIncomplete | null = null;
    try {
      await replaceAllParts(this.db, composeParts(this.embedded, next), undefined, stage);
    } catch (e) {
      if (!(e instanceof LoadedIncomplete)) throw e;
      incomplete = e;
    }
    this.imported = next;
    this.importWarning = null;
    try {
      await replaceApproximate(this.db, next.approximate).catch((e: unknown) => {
        incomplete ??= new LoadedIncomplete(`约数标记未能写入（${e instanceof Error ? e.message : String(e)}）`);
      });
      markImport('stored');
      await this.refresh();
    } finally {
      this.save(next);
    }
    if (incomplete) throw incomplete;
  }

  /**
   * Keep the imports for the next visit. Saving a country's reports takes seconds: the data is
   * shown meanwhile, `saveStatus` says how far it is, and the page asks before being closed or
   * reloaded in the middle. Saves run one after the other, never interleaved.
   */
  private save(next: ImportedSet): void {
    this.saveStatus = 'saving';
    const write = async () => {
      this.generation = next.reports.keys.length === 0 && !next.onlyImported ? await clearImported(this.generation) : await saveImported(next, this.generation);
      const full = await checkStorage();
      if (full) this.importWarning = full;
    };
    // once the page is idle: the dashboard's charts update first
    const run = () => whenIdle().then(write);
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    if (typeof window !== 'undefined') window.addEventListener('beforeunload', guard);
    const id = ++this.saves;
    this.saving = this.saving
      .then(run)
      .then(
        () => {
          // a later save may be queued behind this one: the status is the last one's
          if (id === this.saves) this.saveStatus = 'saved';
        },
        (e: unknown) => {
          this.saveStatus = 'failed';
          this.importWarning =
            e instanceof ImportsChangedElsewhere
              ? '另一个标签页在此期间更改了导入的数据，为不覆盖它，本页这次导入没有保存（仍显示在本页，刷新后不再保留）。请刷新页面，在最新的数据上重新导入。'
              : `导入的数据已载入，但未能保存在本浏览器中（${e instanceof Error ? e.message : String(e)}），刷新页面后将丢失。`;
        },
      )
      .finally(() => {
        if (typeof window !== 'undefined') window.removeEventListener('beforeunload', guard);
      });
  }

  /**
   * Another tab saved (or cleared) the imports: read them and show them here, so that this page
   * never saves over them from an older state. Saves of this page wait for it (they are chained).
   */
  private followOtherTab(generation: string | null): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (generation === this.generation) return;
      try {
        const stored = await loadImported();
        await replaceAllParts(this.db, composeParts(this.embedded, stored.data));
        await replaceApproximate(this.db, stored.data.approximate);
        this.imported = stored.data;
        this.generation = stored.generation;
        this.importWarning = null;
        await this.refresh();
        this.otherTab = '另一个标签页更改了导入的数据，本页已按最新的数据显示。';
      } catch (e) {
        this.importWarning = `另一个标签页更改了导入的数据，本页未能读取（${e instanceof Error ? e.message : String(e)}），请刷新页面。`;
      }
    });
    return this.saving;
  }

  /** Remove every imported report and show the embedded data again. */
  clearImports(): Promise<void> {
    return this.setImported(NO_IMPORTED);
  }

  private async fetchAll(): Promise<{ name: string; bytes: ArrayBuffer }[]> {
    if (EMBEDDED_FILES.length === 0) throw new Error('data/reports/ 中没有数据文件');
    const received = new Map<string, number>();
    const show = () => {
      const kb = [...received.values()].reduce((a, b) => a + b, 0) / 1024;
      this.step('fetch', 'running', `${received.size}/${EMBEDDED_FILES.length} 个文件，${kb.toFixed(0)} KB`);
    };
    const parsed = await Promise.all(
      EMBEDDED_FILES.map(async (f) => {
        const bytes = await fetchBytes(f.url, (n) => {
          received.set(f.name, n);
          show();
        });
        received.set(f.name, bytes.length);
        const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
        return { name: f.name, bytes: buffer };
      }),
    );
    this.step('fetch', 'done', `${EMBEDDED_FILES.length} 个文件：${EMBEDDED_FILES.map((f) => f.name).join('、')}`);
    return parsed;
  }
}

/** A promise settled when the page has a moment with nothing to do (at most 2 s on), or at once outside a page. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : resolve()));
}
