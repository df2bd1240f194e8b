/**
 * The page's side of the import worker: send files, receive progress and the parsed results.
 */
import divisionsUrl from '../../../data/divisions/townships_cn.csv?url';
import { unpackSet, type ReportSet } from '../ingest/columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import type { FileResult, ParseMessage, ParseRequest } from './parse.worker.ts';
import type { ReportOrigin } from './origin.ts';
import type { GivenIdentity } from '../report-doc/given-identity.ts';
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
  /** each incoming report's checksum, when a CSV file was read (import/stage.ts) */
  sums: Float64Array | null;
  /** with sums: which incoming reports DuckDB reads the identity of as it is (import/stage.ts) */
  asRead: Uint8Array | null;
}

let worker: Worker | null = null;
let nextId = 0;

export async function parseFiles(
  files: readonly File[],
  onProgress: (p: ParseProgress) => void,
  identities?: Readonly<Record<string, GivenIdentity>>,
): Promise<ParsedImport> {
  // the worker reads the files itself: the page's thread is left free (and DuckDB reads them too)
  return parseInWorker(
    files.map((f) => ({ name: f.name, bytes: f })),
    'import',
    onProgress,
    identities,
  );
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
  identities?: Readonly<Record<string, GivenIdentity>>,
): Promise<ParsedImport> {
  worker ??= new ParseWorker();
  const w = worker;
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const results: FileResult[] = [];
    const onMessage = (e: MessageEvent<ParseMessage>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress({ index: m.index, file: m.file, stage: m.stage, done: m.done });
      else if (m.type === 'file') results[m.index] = m.result;
      else {
        w.removeEventListener('message', onMessage);
        if (m.type === 'done') resolve({ files: results, incoming: unpackSet(m.incoming), issues: m.issues, origin: m.origin, sums: m.sums, asRead: m.asRead });
        else reject(new Error(m.message));
      }
    };
    w.addEventListener('message', onMessage);
    const request: ParseRequest = { id, files: payload, divisionsUrl, maxYear: new Date().getFullYear() + 1, mode, ...(identities ? { identities } : {}) };
    w.postMessage(
      request,
      payload.flatMap((p) => (p.bytes instanceof ArrayBuffer ? [p.bytes] : [])),
    );
  });
}
