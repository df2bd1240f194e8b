/**
 * The dataset's life: start DuckDB and fetch the embedded files at the same time, validate them
 * against the catalogue, load them into DuckDB, and expose progress, problems and a summary.
 */
import { browserSql, startDuckDB } from '../db/client.ts';
import { datasetSummary, listTowns, type DatasetSummary, type TownInfo } from '../db/queries/index.ts';
import { createReportsTable, insertReports, replaceAllReports, type Origin } from '../db/reports-table.ts';
import { compose, NO_IMPORTS, type ImportedData } from '../import/compose.ts';
import { clearImported, loadImported, saveImported } from '../import/persist.ts';
import type { Report } from '../model/report.ts';
import type { SqlClient } from '../db/sql.ts';
import { EMBEDDED_FILES, fetchBytes } from '../data/embedded.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import { mergeFiles } from '../ingest/merge.ts';
import { parseReportFile, type ParsedFile } from '../ingest/parse-file.ts';

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
  /** the embedded reports, kept to recompose the data after an import or when imports are cleared */
  embedded = $state.raw<Report[]>([]);
  imported = $state.raw<ImportedData>(NO_IMPORTS);
  /** bumped each time the data in the database changes, so that views re-read it */
  version = $state(0);
  /** a warning about imported data that could not be kept or restored */
  importWarning = $state<string | null>(null);

  readonly sql: SqlClient = browserSql;

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
      const merged = mergeFiles(files);
      this.issues = merged.issues;
      const errors = merged.issues.filter((i) => i.severity === 'error').length;
      this.step('validate', 'done', `${merged.reports.length} 份报告${errors > 0 ? `，${errors} 处错误未载入` : ''}`);
      this.embedded = merged.reports;
      current = 'restore';
      this.step('restore', 'running');
      try {
        this.imported = await loadImported();
      } catch (e) {
        this.importWarning = `未能读取此前导入的数据：${e instanceof Error ? e.message : String(e)}`;
      }
      this.step('restore', 'done', this.imported.reports.length > 0 ? `${this.imported.reports.length} 份导入的报告` : '没有导入的数据');
      current = 'db';
      await dbReady;
      current = 'insert';
      this.step('insert', 'running');
      const shown = compose(this.embedded, this.imported);
      await createReportsTable(this.sql, shown.length);
      await insertReports(this.sql, shown, this.originOf());
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

  /** The reports shown now. */
  get shown(): Report[] {
    return compose(this.embedded, this.imported);
  }

  private originOf(imported = this.imported): (r: Report) => Origin {
    const set = new Set(imported.reports);
    return (r) => (set.has(r) ? 'imported' : 'embedded');
  }

  private async refresh(): Promise<void> {
    this.summary = await datasetSummary(this.sql);
    this.towns = await listTowns(this.sql);
    this.version++;
  }

  /**
   * Make `next` the imported data: the database is swapped all at once (a failure leaves what was
   * shown before), then the imports are saved for the next visit.
   */
  async setImported(next: ImportedData): Promise<void> {
    await replaceAllReports(this.sql, compose(this.embedded, next), this.originOf(next));
    this.imported = next;
    await this.refresh();
    this.importWarning = null;
    try {
      if (next.reports.length === 0 && !next.onlyImported) await clearImported();
      else await saveImported(next);
    } catch (e) {
      this.importWarning = `导入的数据已载入，但未能保存在本浏览器中（${e instanceof Error ? e.message : String(e)}），刷新页面后将丢失。`;
    }
  }

  /** Remove every imported report and show the embedded data again. */
  clearImports(): Promise<void> {
    return this.setImported(NO_IMPORTS);
  }

  private async fetchAll(): Promise<ParsedFile[]> {
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
        return parseReportFile(f.name, bytes);
      }),
    );
    this.step('fetch', 'done', `${EMBEDDED_FILES.length} 个文件：${EMBEDDED_FILES.map((f) => f.name).join('、')}`);
    return parsed;
  }
}
