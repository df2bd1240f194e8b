/**
 * One import, step by step: read the files (in a worker), show what was found, resolve conflicts
 * with data already shown, then load — or cancel, leaving everything as it was.
 */
import type { Decision } from '../import/compose.ts';
import { acceptImportSet, findSetConflicts, shownIndex, takenFromIncoming, type IdentityConflict } from '../import/compose-columns.ts';
import { dropStage, stageFiles, stageFor, verifyStage, type Stage, type StagedFile } from '../import/stage.ts';
import { markImport } from '../import/marks.ts';
import { parseFiles, type FileResult, type ParseProgress } from '../import/parse-client.ts';
import { EMPTY_SET, type ReportSet } from '../ingest/columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import type { DatasetState } from './dataset.svelte.ts';

export type ImportPhase = 'idle' | 'reading' | 'review' | 'applying' | 'done' | 'failed';

export class ImportState {
  phase = $state<ImportPhase>('idle');
  progress = $state.raw<ParseProgress | null>(null);
  fileCount = $state(0);
  files = $state.raw<FileResult[]>([]);
  /** issues across files, including conflicts between the files themselves */
  issues = $state.raw<IngestIssue[]>([]);
  /** valid reports read, one per identity */
  incoming = $state.raw<ReportSet>(EMPTY_SET);
  conflicts = $state.raw<IdentityConflict[]>([]);
  decisions = $state.raw<ReadonlyMap<string, Decision>>(new Map());
  onlyImported = $state(false);
  message = $state<string | null>(null);
  /** the incoming reports whose values DuckDB has read itself (import/stage.ts), or null */
  private stage: Stage | null = null;

  constructor(private getDataset: () => DatasetState) {}

  private get dataset(): DatasetState {
    return this.getDataset();
  }

  async read(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    this.reset();
    this.phase = 'reading';
    this.fileCount = files.length;
    const sql = this.dataset.sql;
    markImport('read');
    // DuckDB reads the CSV files at the same time as the worker (on the other core); a failure
    // there only means the values are loaded from the worker's reading
    const staging: Promise<StagedFile[]> = stageFiles(sql, files).catch(() => []);
    try {
      const parsed = await parseFiles(files, (p) => (this.progress = p));
      markImport('parsed');
      this.progress = { index: files.length - 1, file: files[files.length - 1]!.name, stage: '核对数据库读取的结果', done: null };
      const staged = await staging;
      markImport('staged');
      this.stage = await verifyStage(sql, staged, parsed.incoming, parsed.origin, parsed.sums ?? undefined, parsed.asRead).catch(async () => {
        await dropStage(sql, staged);
        return null;
      });
      markImport('verified');
      this.files = parsed.files;
      this.issues = parsed.issues;
      this.incoming = parsed.incoming;
      this.updateConflicts();
      this.phase = 'review';
    } catch (e) {
      await dropStage(sql, await staging);
      this.message = `读取文件失败：${e instanceof Error ? e.message : String(e)}。已载入的数据没有变化。`;
      this.phase = 'failed';
    }
  }

  setOnlyImported(only: boolean): void {
    this.onlyImported = only;
    this.updateConflicts();
  }

  decide(key: string, d: Decision): void {
    const next = new Map(this.decisions);
    next.set(key, d);
    this.decisions = next;
  }

  decideAll(d: Decision): void {
    this.decisions = new Map(this.conflicts.map((c) => [c.key, d]));
  }

  private updateConflicts(): void {
    // with 仅使用导入数据, only earlier imports can conflict
    const { embedded, imported } = this.dataset;
    this.conflicts = findSetConflicts(shownIndex(embedded, { ...imported, onlyImported: this.onlyImported || imported.onlyImported }), this.incoming);
  }

  /** Load the valid reports as decided. */
  async apply(): Promise<void> {
    this.phase = 'applying';
    try {
      const { embedded, imported } = this.dataset;
      markImport('apply');
      const next = acceptImportSet(embedded, imported, this.incoming, this.decisions, this.onlyImported);
      markImport('accepted');
      const kept = this.conflicts.filter((c) => this.decisions.get(c.key) !== 'replace').length;
      await this.dataset.setImported(next, stageFor(this.stage, takenFromIncoming(embedded, imported, this.decisions, this.onlyImported)) ?? undefined);
      markImport('shown');
      this.releaseStage();
      this.message = `已载入 ${this.incoming.keys.length - kept} 份报告${kept > 0 ? `，${kept} 份与已有数据冲突的报告保留了原有数据` : ''}。`;
      this.phase = 'done';
    } catch (e) {
      this.releaseStage();
      this.message = `载入失败：${e instanceof Error ? e.message : String(e)}。已载入的数据没有变化。`;
      this.phase = 'failed';
    }
  }

  cancel(): void {
    this.reset();
    this.message = '已取消导入，数据没有变化。';
  }

  /** Drop the staged tables (in the background: nothing waits for it). */
  private releaseStage(): void {
    if (this.stage) void dropStage(this.dataset.sql, this.stage.files);
    this.stage = null;
  }

  reset(): void {
    this.releaseStage();
    this.phase = 'idle';
    this.progress = null;
    this.files = [];
    this.issues = [];
    this.incoming = EMPTY_SET;
    this.conflicts = [];
    this.decisions = new Map();
    this.onlyImported = false;
    this.message = null;
  }
}
