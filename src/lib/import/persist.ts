/**
 * Imported data kept across reloads and browser restarts, in IndexedDB (through idb-keyval, a
 * small maintained wrapper). Only this browser profile sees it; nothing leaves the machine.
 *
 * The reports are stored as columns (src/lib/ingest/columns.ts) in chunks of rows: typed arrays
 * clone into IndexedDB quickly and take a few bytes per value, where Report objects took
 * hundreds of bytes per report and minutes to clone for a country's reports. Data saved in the
 * earlier format (Report objects) is discarded with a warning: import the files again.
 */
import { createStore, del, get, set } from 'idb-keyval';
import { concatParts, keyAt, selectRows, type ReportColumns, type ReportSet } from '../ingest/columns.ts';
import { NO_IMPORTED, type ImportedSet } from './compose-columns.ts';

const FORMAT = 3;
const KEY = 'imported';
/** Rows per stored chunk. */
const CHUNK = 16384;
const chunkKey = (i: number) => `imported:${i}`;

interface Saved {
  format: number;
  savedAt: string;
  onlyImported: boolean;
  chunks: number;
  reports: number;
  /** [report key, metric ids stated approximately] (absent in saves made before such marks existed) */
  approximate?: [string, string[]][];
}

let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('zwgk-annual-report-dashboard', 'imports'));

const isSaved = (x: unknown): x is Saved =>
  typeof x === 'object' && x !== null && (x as Saved).format === FORMAT && typeof (x as Saved).chunks === 'number';

const isColumns = (x: unknown): x is ReportColumns =>
  typeof x === 'object' && x !== null && Array.isArray((x as ReportColumns).town) && (x as ReportColumns).year instanceof Int16Array && Array.isArray((x as ReportColumns).metrics);

export async function loadImported(): Promise<ImportedSet> {
  const saved: unknown = await get(KEY, db());
  if (saved === undefined) return NO_IMPORTED;
  if (!isSaved(saved)) {
    // an earlier format: remove it, and say so
    const old = saved as { chunks?: unknown };
    await del(KEY, db());
    if (typeof old.chunks === 'number') for (let i = 0; i < old.chunks; i++) await del(chunkKey(i), db());
    throw new Error('浏览器中保存的导入数据是旧版本的格式，已清除，请重新导入');
  }
  const parts: { set: ReportSet }[] = [];
  for (let i = 0; i < saved.chunks; i++) {
    const columns: unknown = await get(chunkKey(i), db());
    if (!isColumns(columns)) throw new Error('浏览器中保存的导入数据不完整');
    parts.push({ set: { columns, keys: Array.from({ length: columns.length }, (_, r) => keyAt(columns, r)) } });
  }
  const reports = concatParts(parts);
  if (reports.keys.length !== saved.reports) throw new Error('浏览器中保存的导入数据不完整');
  const marks = Array.isArray(saved.approximate) ? new Map(saved.approximate.filter(([k]) => typeof k === 'string').map(([k, ids]) => [k, ids])) : null;
  return { reports, onlyImported: saved.onlyImported === true, ...(marks && marks.size > 0 ? { approximate: marks } : {}) };
}

/** Save: chunks first, then the entry that points to them, so a half-written save is never read. */
export async function saveImported(data: ImportedSet): Promise<void> {
  const previous: unknown = await get(KEY, db());
  await del(KEY, db());
  const n = data.reports.keys.length;
  const chunks = Math.ceil(n / CHUNK);
  for (let i = 0; i < chunks; i++) {
    const rows = Array.from({ length: Math.min(n, (i + 1) * CHUNK) - i * CHUNK }, (_, k) => i * CHUNK + k);
    await set(chunkKey(i), selectRows(data.reports.columns, rows), db());
  }
  const saved: Saved = {
    format: FORMAT,
    savedAt: new Date().toISOString(),
    onlyImported: data.onlyImported,
    chunks,
    reports: n,
    ...(data.approximate?.size ? { approximate: [...data.approximate].map(([k, ids]) => [k, [...ids]] as [string, string[]]) } : {}),
  };
  await set(KEY, saved, db());
  const before = previous as { chunks?: unknown } | undefined;
  if (before && typeof before.chunks === 'number') for (let i = chunks; i < before.chunks; i++) await del(chunkKey(i), db());
}

export async function clearImported(): Promise<void> {
  const previous: unknown = await get(KEY, db());
  await del(KEY, db());
  const before = previous as { chunks?: unknown } | undefined;
  if (before && typeof before.chunks === 'number') for (let i = 0; i < before.chunks; i++) await del(chunkKey(i), db());
}
