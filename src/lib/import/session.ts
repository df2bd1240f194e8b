/**
 * The one interface the state layer calls for an import: read the files (readImport), then either
 * load what the review decided (ImportRead.stageFor gives the load what DuckDB read itself) or
 * discard it. Where the values come from — the worker's reading, and for large CSV files DuckDB's
 * own (db/stage.ts) — stays behind it; the state layer sees files, issues and incoming reports.
 */
import { dropStage, stageFiles, stageFor, verifyStage, type Stage, type StagedFile } from '../db/stage.ts';
import type { LoadStage } from '../db/reports-table.ts';
import type { Store } from '../db/store.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import type { ReportSet } from '../ingest/columns.ts';
import { takenAsRead, type ImportPlan } from './compose-columns.ts';
import { markImport } from './marks.ts';
import { cancelReading, parseFiles, ReadCancelled, type FileResult, type ParseProgress, type ReadContext } from './parse-client.ts';

export { ReadCancelled, type FileResult, type ParseProgress };

/** Stop the import's reading now (its worker is ended): the read under way rejects with ReadCancelled. */
export const cancelImport = (): void => cancelReading();

/** What an import read: per file its outcome, the issues across files, the valid reports. */
export class ImportRead {
  #stage: Stage | null;

  constructor(
    private readonly store: Store,
    readonly files: FileResult[],
    readonly issues: IngestIssue[],
    readonly incoming: ReportSet,
    stage: Stage | null,
  ) {
    this.#stage = stage;
  }

  /** For the load: the values DuckDB read itself, of the reports the plan takes as they were read (or null). */
  stageFor(plan: ImportPlan): LoadStage | null {
    return stageFor(this.#stage, takenAsRead(plan));
  }

  /** Forget what DuckDB read for this import (in the background: nothing waits for it). */
  discard(): void {
    if (this.#stage) void dropStage(this.store, this.#stage.files);
    this.#stage = null;
  }
}

export interface ReadImportOptions extends ReadContext {
  onProgress: (p: ParseProgress) => void;
  /** false once the read has been cancelled or replaced by another: it then leaves nothing behind */
  current: () => boolean;
}

/**
 * Read the files of one import: the worker reads and checks each (parse-client.ts) while DuckDB
 * reads the large CSV files itself; the two readings are compared before DuckDB's is offered to
 * the load. Rejects with ReadCancelled when the read stopped being current; what DuckDB read for
 * it is then dropped in the background, once DuckDB is done with it.
 */
export async function readImport(store: Store, files: readonly File[], opts: ReadImportOptions): Promise<ImportRead> {
  const { onProgress, current, ...context } = opts;
  markImport('read');
  // a failure of DuckDB's reading only means the values are loaded from the worker's
  // (files not begun once the read is cancelled are not staged)
  const staging: Promise<StagedFile[]> = stageFiles(store, files, markImport, undefined, current).catch(() => []);
  /** what DuckDB read is dropped once it is done reading (in the background) */
  const abandon = (e: unknown = new ReadCancelled()) => {
    void staging.then((staged) => dropStage(store, staged));
    return current() ? e : new ReadCancelled();
  };
  let parsed;
  try {
    parsed = await parseFiles(files, onProgress, context);
  } catch (e) {
    throw abandon(e);
  }
  if (!current()) throw abandon();
  markImport('parsed');
  onProgress({ index: files.length - 1, file: files[files.length - 1]!.name, stage: '核对数据库读取的结果', done: null });
  const staged = await staging;
  if (!current()) throw abandon();
  markImport('staged');
  const stage = await verifyStage(store, staged, parsed.incoming, parsed.origin, parsed.sums ?? undefined, parsed.asRead).catch(async () => {
    await dropStage(store, staged);
    return null;
  });
  if (!current()) {
    if (stage) void dropStage(store, stage.files);
    throw new ReadCancelled();
  }
  markImport('verified');
  return new ImportRead(store, parsed.files, parsed.issues, parsed.incoming, stage);
}
