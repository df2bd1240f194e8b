/**
 * The page's side of the import worker: send files, receive progress and the parsed results.
 */
import divisionsUrl from '../../../data/divisions/townships_cn.csv?url';
import { unpackSet, type ReportSet } from '../ingest/columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import type { FileResult, ParseMessage, ParseRequest, WarmRequest } from './parse.worker.ts';
import type { ReportOrigin } from '../ingest/origin.ts';
import type { GivenIdentity } from '../report-doc/given-identity.ts';
import type { KnownTown } from '../ingest/town-match.ts';
import ParseWorker from './parse.worker.ts?worker';

export type { FileResult } from './parse.worker.ts';

export interface ParseProgress {
  /** index of the file being read */
  index: number;
  file: string;
  stage: string;
  /** share of this file done, when known */
  done: number | null;
}

export interface ParsedImport {
  files: FileResult[];
  /** the valid reports of all files, one per identity */
  incoming: ReportSet;
  /** every file's issues, and conflicts between the files (as mergeFiles lists them) */
  issues: IngestIssue[];
  /** the file and row each incoming report was read from */
  origin: ReportOrigin;
  /** each incoming report's checksum, when a CSV file was read (db/stage.ts) */
  sums: Float64Array | null;
  /** with sums: which incoming reports DuckDB reads the identity of as it is (db/stage.ts) */
  asRead: Uint8Array | null;
}

/** One worker per mode: an import can be cancelled (its worker ended) without touching the other. */
const workers = new Map<ParseRequest['mode'], Worker>();
/** The requests under way, by mode: how to reject each when its worker is ended. */
const pending = new Map<ParseRequest['mode'], Set<(e: Error) => void>>();
let nextId = 0;

/** A read ended by cancelReading (the promise of parseFiles rejects with it). */
export class ReadCancelled extends Error {
  constructor() {
    super('已取消读取');
  }
}

/** What the import's reading knows besides the files (read-file.ts ReadOptions). */
export interface ReadContext {
  /** by file name: the town and year typed for a report document */
  identities?: Readonly<Record<string, GivenIdentity>>;
  /** the towns shown now, for rows without a county */
  known?: readonly KnownTown[];
}

export async function parseFiles(files: readonly File[], onProgress: (p: ParseProgress) => void, context: ReadContext = {}): Promise<ParsedImport> {
  // the worker reads the files itself: the page's thread is left free (and DuckDB reads them too)
  return parseInWorker(
    files.map((f) => ({ name: f.name, bytes: f })),
    'import',
    onProgress,
    context,
  );
}

/**
 * Stop the import's reading now: its worker is ended (a long read, a hostile file, stops at once)
 * and a new one is started for the next import; the reading's promise rejects with ReadCancelled.
 */
export function cancelReading(): void {
  workers.get('import')?.terminate();
  workers.delete('import');
  const rejects = pending.get('import');
  pending.delete('import');
  for (const reject of rejects ?? []) reject(new ReadCancelled());
}

/** The worker of a mode, started when first needed (or after it was ended). */
function workerFor(mode: ParseRequest['mode']): Worker {
  const running = workers.get(mode);
  if (running) return running;
  const created = new ParseWorker();
  // the worker itself failed (out of memory on a hostile file, …): its requests fail, a new one is made next time
  created.addEventListener('error', (e) => {
    e.preventDefault();
    if (workers.get(mode) === created) workers.delete(mode);
    created.terminate();
    const rejects = pending.get(mode);
    pending.delete(mode);
    for (const reject of rejects ?? []) reject(new Error('读取文件的后台线程意外停止（文件可能过大或已损坏）'));
  });
  workers.set(mode, created);
  return created;
}

/**
 * Get the import's worker ready while the clerk chooses files (the import panel is open): its
 * code loaded, the division list fetched and indexed. The first file read then waits for neither.
 */
export function warmImport(): void {
  const request: WarmRequest = { warm: true, divisionsUrl };
  workerFor('import').postMessage(request);
}

/**
 * Parse files in the worker. 'plain' only parses and validates (the embedded data at start, so
 * that a large embedded file does not freeze the page); 'import' also checks divisions and rules.
 * Buffers are transferred (unusable here afterwards); files are read in the worker.
 */
export function parseInWorker(
  payload: { name: string; bytes: ArrayBuffer | Blob }[],
  mode: ParseRequest['mode'],
  onProgress: (p: ParseProgress) => void = () => undefined,
  context: ReadContext = {},
): Promise<ParsedImport> {
  const worker = workerFor(mode);
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const results: FileResult[] = [];
    const waiting = pending.get(mode) ?? new Set();
    pending.set(mode, waiting);
    const settle = () => {
      worker.removeEventListener('message', onMessage);
      waiting.delete(fail);
    };
    const fail = (e: Error) => {
      settle();
      reject(e);
    };
    const onMessage = (e: MessageEvent<ParseMessage>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress({ index: m.index, file: m.file, stage: m.stage, done: m.done });
      else if (m.type === 'file') results[m.index] = m.result;
      else {
        settle();
        if (m.type === 'done') resolve({ files: results, incoming: unpackSet(m.incoming), issues: m.issues, origin: m.origin, sums: m.sums, asRead: m.asRead });
        else reject(new Error(m.message));
      }
    };
    waiting.add(fail);
    worker.addEventListener('message', onMessage);
    const request: ParseRequest = { id, files: payload, divisionsUrl, maxYear: new Date().getFullYear() + 1, mode, ...context };
    worker.postMessage(
      request,
      payload.flatMap((p) => (p.bytes instanceof ArrayBuffer ? [p.bytes] : [])),
    );
  });
}
