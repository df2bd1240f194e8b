/**
 * Imported data kept across reloads and browser restarts, in IndexedDB (through idb-keyval, a
 * small maintained wrapper). Only this browser profile sees it; nothing leaves the machine.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { Report } from '../model/report.ts';
import { NO_IMPORTS, type ImportedData } from './compose.ts';

const FORMAT = 2;
const KEY = 'imported';
/** Reports are stored in chunks: cloning one chunk into IndexedDB is short enough not to freeze the page. */
const CHUNK = 5000;
const chunkKey = (i: number) => `imported:${i}`;

interface Saved {
  format: number;
  savedAt: string;
  onlyImported: boolean;
  chunks: number;
  reports: number;
}

let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('zwgk-annual-report-dashboard', 'imports'));

const isSaved = (x: unknown): x is Saved =>
  typeof x === 'object' && x !== null && (x as Saved).format === FORMAT && typeof (x as Saved).chunks === 'number';

export async function loadImported(): Promise<ImportedData> {
  const saved: unknown = await get(KEY, db());
  if (!isSaved(saved)) return NO_IMPORTS;
  const reports: Report[] = [];
  for (let i = 0; i < saved.chunks; i++) {
    const chunk: unknown = await get(chunkKey(i), db());
    if (!Array.isArray(chunk)) throw new Error('浏览器中保存的导入数据不完整');
    reports.push(...(chunk as Report[]));
  }
  if (reports.length !== saved.reports) throw new Error('浏览器中保存的导入数据不完整');
  return { reports, onlyImported: saved.onlyImported === true };
}

/** Save: chunks first, then the entry that points to them, so a half-written save is never read. */
export async function saveImported(data: ImportedData): Promise<void> {
  const previous: unknown = await get(KEY, db());
  await del(KEY, db());
  const chunks = Math.ceil(data.reports.length / CHUNK);
  for (let i = 0; i < chunks; i++) await set(chunkKey(i), data.reports.slice(i * CHUNK, (i + 1) * CHUNK), db());
  const saved: Saved = { format: FORMAT, savedAt: new Date().toISOString(), onlyImported: data.onlyImported, chunks, reports: data.reports.length };
  await set(KEY, saved, db());
  if (isSaved(previous)) for (let i = chunks; i < previous.chunks; i++) await del(chunkKey(i), db());
}

export async function clearImported(): Promise<void> {
  const previous: unknown = await get(KEY, db());
  await del(KEY, db());
  if (isSaved(previous)) for (let i = 0; i < previous.chunks; i++) await del(chunkKey(i), db());
}
