/**
 * Reads imported files off the main thread, so that the page stays responsive while a large file
 * is decoded, parsed and validated. One request at a time; progress is posted per stage.
 */
import type { ParsedFile } from '../ingest/parse-file.ts';
import { readImportFile } from './read-file.ts';

export interface ParseRequest {
  id: number;
  files: { name: string; bytes: ArrayBuffer }[];
  divisionsUrl: string;
  maxYear: number;
}

export type ParseMessage =
  | { id: number; type: 'progress'; index: number; file: string; stage: string }
  | { id: number; type: 'done'; results: ParsedFile[] }
  | { id: number; type: 'error'; message: string };

const post = (m: ParseMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const { id, files, divisionsUrl, maxYear } = e.data;
  try {
    const results: ParsedFile[] = [];
    for (const [index, f] of files.entries()) {
      results.push(await readImportFile(f.name, new Uint8Array(f.bytes), { divisionsUrl, maxYear }, (stage) => post({ id, type: 'progress', index, file: f.name, stage })));
    }
    post({ id, type: 'done', results });
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
