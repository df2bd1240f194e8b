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
  | { id: number; type: 'progress'; index: number; file: string; stage: string; done: number | null }
  /** a file's reports come in chunks: one big message would freeze the page while it is unpacked */
  | { id: number; type: 'reports'; index: number; reports: ParsedFile['reports'] }
  | { id: number; type: 'file'; index: number; result: ParsedFile }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };

const CHUNK = 5000;

const post = (m: ParseMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<ParseRequest>) => {
  const { id, files, divisionsUrl, maxYear } = e.data;
  try {
    for (const [index, f] of files.entries()) {
      const onStage = (stage: string, done?: number) => post({ id, type: 'progress', index, file: f.name, stage, done: done ?? null });
      const result = await readImportFile(f.name, new Uint8Array(f.bytes), { divisionsUrl, maxYear }, onStage);
      onStage('传回页面');
      for (let at = 0; at < result.reports.length; at += CHUNK) post({ id, type: 'reports', index, reports: result.reports.slice(at, at + CHUNK) });
      post({ id, type: 'file', index, result: { ...result, reports: [] } });
    }
    post({ id, type: 'done' });
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
