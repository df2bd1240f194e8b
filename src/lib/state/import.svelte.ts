/**
 * One import, step by step: read the files (in a worker), show what was found, resolve conflicts
 * with data already shown, then load — or cancel, leaving everything as it was.
 */
import { loadedCount, type Decision, type ImportCounts } from '../import/compose.ts';
import {
  acceptApproximate,
  acceptImportSet,
  planImport,
  scanImport,
  type ConflictScan,
  type IdentityConflict,
  type ImportedSet,
  type ImportPlan,
} from '../import/compose-columns.ts';
import type { ApproximateMarks } from '../db/approximate.ts';
import { LoadedIncomplete } from '../db/reports-table.ts';
import { resultText } from '../import/messages.ts';
import { markImport } from '../import/marks.ts';
import { cancelImport, readImport, ReadCancelled, type FileResult, type ImportRead, type ParseProgress } from '../import/session.ts';
import { EMPTY_SET, type ReportSet } from '../ingest/columns.ts';
import { reportKey } from '../model/report.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import type { GivenIdentity } from '../report-doc/given-identity.ts';
import type { DatasetState } from './dataset.svelte.ts';

export type ImportPhase = 'idle' | 'reading' | 'review' | 'applying' | 'done' | 'failed';

/**
 * What the panel's last action did to the imported data: loaded an import, cleared them, or left
 * them as they were (cancelled, or nothing to load). The status line says what is saved
 * accordingly, never that imports were cleared when they were kept.
 */
export type ImportOutcome = 'loaded' | 'cleared' | 'unchanged' | null;

const NO_SCAN: ConflictScan = { conflicts: [], same: 0, at: new Int32Array(0) };

/** The approximate values of the report documents read (their provenance says so), by report key. */
export function documentMarks(files: readonly FileResult[]): ApproximateMarks {
  const out = new Map<string, string[]>();
  for (const f of files) {
    if (!f.document || f.count === 0) continue;
    const ids = Object.entries(f.document.provenance)
      .filter(([, p]) => p.approximate)
      .map(([id]) => id);
    if (ids.length > 0) out.set(reportKey(f.document.report), ids);
  }
  return out;
}

export class ImportState {
  phase = $state<ImportPhase>('idle');
  progress = $state.raw<ParseProgress | null>(null);
  fileCount = $state(0);
  files = $state.raw<FileResult[]>([]);
  /** issues across files, including conflicts between the files themselves */
  issues = $state.raw<IngestIssue[]>([]);
  /** valid reports read, one per identity */
  incoming = $state.raw<ReportSet>(EMPTY_SET);
  /** the incoming reports against those shown: conflicts, and those shown with the same values */
  scan = $state.raw<ConflictScan>(NO_SCAN);
  /** the imported data `scan` was made against */
  private scannedFor: ImportedSet | null = null;
  /** incoming reports shown with other values, to decide on */
  conflicts: IdentityConflict[] = $derived(this.scan.conflicts);
  decisions = $state.raw<ReadonlyMap<string, Decision>>(new Map());
  onlyImported = $state(false);
  /** what loading would do, as decided so far */
  plan: ImportPlan = $derived(planImport(this.incoming, this.scan, this.decisions));
  counts: ImportCounts = $derived(this.plan.counts);
  /** the reports the load button loads */
  toLoad: number = $derived(loadedCount(this.counts));
  /** by report key: the values the report documents read state approximately */
  approximateMarks: ApproximateMarks = $derived(documentMarks(this.files));
  message = $state<string | null>(null);
  outcome = $state<ImportOutcome>(null);
  /** what this import read (import/session.ts), until it is loaded or discarded */
  private lastRead: ImportRead | null = null;
  /** which read is under way: a cancelled read's late results are dropped */
  private reading = 0;

  constructor(private getDataset: () => DatasetState) {}

  private get dataset(): DatasetState {
    return this.getDataset();
  }

  /** the files of this import, read again when a report's town and year are typed */
  private readFiles: readonly File[] = [];
  /** by file name: the town and year typed for report documents that did not name them */
  identities = $state.raw<Readonly<Record<string, GivenIdentity>>>({});

  /**
   * Read the files of this import again with the town and year a person typed for one report
   * document (its text did not name them, or named them wrongly): the report then becomes
   * loadable under that name, checked against the division list like any other.
   */
  async identify(file: string, given: GivenIdentity): Promise<void> {
    const identities = { ...this.identities, [file]: given };
    const files = this.readFiles;
    await this.read(files, identities);
  }

  async read(files: readonly File[], identities: Readonly<Record<string, GivenIdentity>> = {}): Promise<void> {
    if (files.length === 0) return;
    this.reset();
    this.readFiles = files;
    this.identities = identities;
    const token = ++this.reading;
    const current = () => token === this.reading;
    this.phase = 'reading';
    this.fileCount = files.length;
    // 导入方式 starts as the data is shown now
    this.onlyImported = this.dataset.imported.onlyImported;
    try {
      const read = await readImport(this.dataset.db, files, {
        onProgress: (p) => {
          if (current()) this.progress = p;
        },
        current,
        identities,
        known: this.dataset.towns.map(({ county, town, town_code }) => ({ county, town, town_code })),
      });
      // a cancel or a newer read that came in at the last moment: this one leaves nothing behind
      if (!current()) return read.discard();
      this.lastRead = read;
      this.files = read.files;
      this.issues = read.issues;
      this.incoming = read.incoming;
      this.updateConflicts();
      markImport('scanned');
      this.phase = 'review';
    } catch (e) {
      if (!current() || e instanceof ReadCancelled) return;
      this.releaseStage();
      this.message = `读取文件失败：${e instanceof Error ? e.message : String(e)}。已载入的数据没有变化。`;
      this.phase = 'failed';
    }
  }

  /**
   * Stop a read under way (a large or hostile file): the reading worker is ended, nothing read is
   * kept or loaded, and the panel says so.
   */
  cancelRead(): void {
    if (this.phase !== 'reading') return;
    this.reading++;
    cancelImport();
    this.reset();
    this.message = '已取消读取，没有载入任何数据，数据没有变化。';
    this.outcome = 'unchanged';
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

  /** Against what is shown once loaded: with 仅使用导入数据, only earlier imports can conflict. */
  private updateConflicts(): void {
    const { embedded, imported } = this.dataset;
    this.scan = scanImport(embedded, imported, this.incoming, this.onlyImported);
    this.scannedFor = imported;
  }

  /** Load the valid reports as decided. */
  async apply(): Promise<void> {
    this.phase = 'applying';
    try {
      const { embedded, imported } = this.dataset;
      // the imported data changed since the review was made (not through this panel): scan again
      if (this.scannedFor !== imported) this.updateConflicts();
      const plan = this.plan;
      const counts = plan.counts;
      const modeChanged = this.onlyImported !== imported.onlyImported;
      if (loadedCount(counts) === 0 && !modeChanged) {
        // nothing to load: the database and the saved imports are left alone
        this.releaseStage();
        this.message = resultText(counts, false, this.onlyImported);
        this.outcome = 'unchanged';
        this.phase = 'done';
        return;
      }
      markImport('apply');
      const accepted = acceptImportSet(embedded, imported, this.incoming, this.decisions, this.onlyImported, this.scan, plan);
      const approximate = acceptApproximate(imported.approximate, this.incoming, plan, this.approximateMarks);
      const next: ImportedSet = approximate ? { ...accepted, approximate } : accepted;
      markImport('accepted');
      await this.dataset.setImported(next, this.lastRead?.stageFor(plan) ?? undefined);
      markImport('shown');
      this.releaseStage();
      this.message = resultText(counts, modeChanged, this.onlyImported);
      this.outcome = 'loaded';
      this.phase = 'done';
    } catch (e) {
      this.releaseStage();
      if (e instanceof LoadedIncomplete) {
        // the new data is shown and saved: say so, and what did not work
        this.message = `已载入，但${e.message}；请刷新页面后查看。`;
        this.outcome = 'loaded';
      } else {
        this.message = `载入失败：${e instanceof Error ? e.message : String(e)}。已载入的数据没有变化。`;
        this.outcome = 'unchanged';
      }
      this.phase = 'failed';
    }
  }

  cancel(): void {
    this.reset();
    this.message = '已取消导入，数据没有变化。';
    this.outcome = 'unchanged';
  }

  /** Forget what DuckDB read for this import (in the background: nothing waits for it). */
  private releaseStage(): void {
    this.lastRead?.discard();
    this.lastRead = null;
  }

  reset(): void {
    this.releaseStage();
    this.readFiles = [];
    this.identities = {};
    this.phase = 'idle';
    this.progress = null;
    this.files = [];
    this.issues = [];
    this.incoming = EMPTY_SET;
    this.scan = NO_SCAN;
    this.scannedFor = null;
    this.decisions = new Map();
    this.onlyImported = false;
    this.message = null;
    this.outcome = null;
  }
}
