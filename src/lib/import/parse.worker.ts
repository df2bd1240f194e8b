/**
 * Reads imported files off the main thread, so that the page stays responsive while a large file
 * is decoded, parsed and validated. One request at a time; progress is posted per stage. The
 * reports come back as columns (src/lib/ingest/columns.ts), merged across the files as mergeFiles
 * does, their typed arrays transferred rather than copied.
 */
import { worthStaging } from '../db/stage.ts';
import { rowChecksums } from '../ingest/checksum.ts';
import { concatParts, packSet, partsFlags, type PackedSet } from '../ingest/columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import { mergeSets } from '../ingest/merge.ts';
import { parseFileColumns, type ParsedColumns } from '../ingest/parse-columns.ts';
import type { GivenIdentity } from '../report-doc/given-identity.ts';
import type { KnownTown } from '../ingest/town-match.ts';
import { prepareDivisions, readImportFileColumns } from './read-file.ts';
import { originOf, type ReportOrigin } from '../ingest/origin.ts';

export interface ParseRequest {
  id: number;
  /** the files' bytes, or the files themselves (read here, off the page's thread) */
  files: { name: string; bytes: ArrayBuffer | Blob }[];
  divisionsUrl: string;
  maxYear: number;
  /** 'plain': only parse and validate (the embedded data); 'import': also check divisions and rules */
  mode: 'import' | 'plain';
  /** by file name: the town and year typed for a report document (read-file.ts) */
  identities?: Readonly<Record<string, GivenIdentity>>;
  /** the towns shown on the page, for rows without a county (ingest/town-match.ts) */
  known?: readonly KnownTown[];
}

/** A file's outcome without its reports: how many it had, and every issue. */
export type FileResult = Omit<ParsedColumns, 'columns' | 'keys' | 'rows' | 'asRead'> & { count: number };

export type ParseMessage =
  | { id: number; type: 'progress'; index: number; file: string; stage: string; done: number | null }
  | { id: number; type: 'file'; index: number; result: FileResult }
  /**
   * the valid reports of all files, one per identity, the issues of all files (as mergeFiles), and
   * the file and row each report was read from
   */
  | {
      id: number;
      type: 'done';
      /** packed for the post (columns.ts packSet) */
      incoming: PackedSet;
      issues: IngestIssue[];
      origin: ReportOrigin;
      /** each incoming report's checksum (ingest/checksum.ts) when a CSV file was read, for db/stage.ts */
      sums: Float64Array | null;
      /** with sums: 1 for each incoming report whose identity DuckDB reads as it is (db/csv-stage.ts readAsStaged) */
      asRead: Uint8Array | null;
    }
  | { id: number; type: 'error'; message: string };

/**
 * Sent when the import panel opens, before any file is chosen: the worker's code is then loaded
 * and the division list fetched and indexed while the clerk picks the files.
 */
export interface WarmRequest {
  warm: true;
  divisionsUrl: string;
}

const post = (m: ParseMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ParseRequest | WarmRequest>) => {
  if ('warm' in e.data) return prepareDivisions(e.data.divisionsUrl);
  const { id, files, divisionsUrl, maxYear, mode, identities, known } = e.data;
  try {
    const read: ParsedColumns[] = [];
    for (const [index, f] of files.entries()) {
      const onStage = (stage: string, done?: number) => post({ id, type: 'progress', index, file: f.name, stage, done: done ?? null });
      const bytes = new Uint8Array(f.bytes instanceof Blob ? await f.bytes.arrayBuffer() : f.bytes);
      const result =
        mode === 'plain'
          ? parseFileColumns(f.name, bytes, { maxYear, onProgress: (done) => onStage('解析并校验', done) })
          : await readImportFileColumns(f.name, bytes, { divisionsUrl, maxYear, ...(identities ? { identities } : {}), ...(known ? { known } : {}) }, onStage);
      read.push(result);
      const { columns, keys: _keys, rows: _rows, asRead: _asRead, ...rest } = result;
      post({ id, type: 'file', index, result: { ...rest, count: columns.length } });
      if (index === files.length - 1) onStage('传回页面');
    }
    const sets = read.map((r) => ({ file: r.file, set: { columns: r.columns, keys: r.keys }, issues: r.issues }));
    const merged = mergeSets(sets);
    const incoming = concatParts(merged.parts);
    const origin = originOf(merged.parts, sets.map((s) => s.set), read.map((r) => r.rows), merged.count);
    // the checksums DuckDB's reading of CSV files is compared with (db/stage.ts), computed
    // here rather than on the page, while DuckDB is still reading
    // (only when DuckDB stages a file)
    const staged = files.some((f) => worthStaging(f.name, f.bytes instanceof Blob ? f.bytes.size : f.bytes.byteLength));
    const sums = mode === 'import' && staged ? rowChecksums(incoming.columns) : null;
    const asRead = sums
      ? partsFlags(
          merged.parts,
          sets.map((s) => s.set),
          read.map((r) => r.asRead ?? null),
        )
      : null;
    const { packed, transfer } = packSet(incoming);
    post({ id, type: 'done', incoming: packed, issues: merged.issues, origin, sums, asRead }, [
      ...transfer,
      origin.file.buffer,
      origin.row.buffer,
      ...(sums ? [sums.buffer] : []),
      ...(asRead ? [asRead.buffer] : []),
    ]);
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
