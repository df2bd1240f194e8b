/**
 * Imported data kept across reloads and browser restarts, in IndexedDB (through idb-keyval, a
 * small maintained wrapper). Only this browser profile sees it; nothing leaves the machine.
 *
 * The reports are stored as columns (src/lib/ingest/columns.ts) in chunks of rows: typed arrays
 * clone into IndexedDB quickly and take a few bytes per value, where Report objects took
 * hundreds of bytes per report and minutes to clone for a country's reports.
 *
 * Nothing is lost when the page is closed in the middle of a save: each save writes its chunks
 * under a new generation, then switches the one entry that names the current generation (a single
 * IndexedDB write, so either the old or the new data is current, whole), and only then removes
 * the old generation's chunks. Tabs of the same browser take turns (a Web Lock), and a save made
 * on top of data that another tab has replaced meanwhile is refused (ImportsChangedElsewhere)
 * rather than erasing the other tab's import; after each save the other tabs are told
 * (BroadcastChannel) so that they can show the new data.
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import { concatParts, keyAt, selectRows, type ReportColumns, type ReportSet } from '../ingest/columns.ts';
import { NO_IMPORTED, type ImportedSet } from './compose-columns.ts';

/** 4: chunks under their generation; 3 (read, then replaced at the next save): chunks `imported:<i>`. */
const FORMAT = 4;
const KEY = 'imported';
/** Rows per stored chunk. */
const CHUNK = 16384;
const LOCK = 'zwgk-imports';
const CHANNEL = 'zwgk-imports';
const chunkKey = (generation: string, i: number) => (generation === 'v3' ? `imported:${i}` : `imported:${generation}:${i}`);

interface Saved {
  format: number;
  /** names the chunks of this save (format 4) */
  generation?: string;
  savedAt: string;
  onlyImported: boolean;
  chunks: number;
  reports: number;
  /** [report key, metric ids stated approximately] */
  approximate?: [string, string[]][];
}

/** The imports as stored, and the generation they were read from (null: nothing stored). */
export interface StoredImports {
  data: ImportedSet;
  generation: string | null;
}

/** Another tab saved or cleared the imports after this tab read them: this save was not made. */
export class ImportsChangedElsewhere extends Error {
  constructor() {
    super('另一个标签页在此期间更改了导入的数据');
  }
}

let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('zwgk-annual-report-dashboard', 'imports'));

const generationOf = (s: Saved): string => (s.format === 3 ? 'v3' : s.generation!);
const isSaved = (x: unknown): x is Saved =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Saved).chunks === 'number' &&
  ((x as Saved).format === 3 || ((x as Saved).format === FORMAT && typeof (x as Saved).generation === 'string'));

const isColumns = (x: unknown): x is ReportColumns =>
  typeof x === 'object' && x !== null && Array.isArray((x as ReportColumns).town) && (x as ReportColumns).year instanceof Int16Array && Array.isArray((x as ReportColumns).metrics);

/** One writer at a time across the tabs of this browser (runs directly where Web Locks are missing). */
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  return locks ? (locks.request(LOCK, work) as Promise<T>) : work();
}

function announce(generation: string | null): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ generation });
  channel.close();
}

/** Call `onChange` when another tab saves or clears the imports; returns the way to stop listening. */
export function watchImports(onChange: (generation: string | null) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<{ generation: string | null }>) => onChange(e.data.generation);
  return () => channel.close();
}

export async function loadImported(): Promise<StoredImports> {
  const saved: unknown = await get(KEY, db());
  if (saved === undefined) return { data: NO_IMPORTED, generation: null };
  if (!isSaved(saved)) {
    // an earlier format (Report objects): remove it, and say so
    const old = saved as { chunks?: unknown };
    await del(KEY, db());
    if (typeof old.chunks === 'number') for (let i = 0; i < old.chunks; i++) await del(`imported:${i}`, db());
    throw new Error('浏览器中保存的导入数据是旧版本的格式，已清除，请重新导入');
  }
  const generation = generationOf(saved);
  const parts: { set: ReportSet }[] = [];
  for (let i = 0; i < saved.chunks; i++) {
    const columns: unknown = await get(chunkKey(generation, i), db());
    if (!isColumns(columns)) throw new Error('浏览器中保存的导入数据不完整');
    parts.push({ set: { columns, keys: Array.from({ length: columns.length }, (_, r) => keyAt(columns, r)) } });
  }
  const reports = concatParts(parts);
  if (reports.keys.length !== saved.reports) throw new Error('浏览器中保存的导入数据不完整');
  const marks = Array.isArray(saved.approximate) ? new Map(saved.approximate.filter(([k]) => typeof k === 'string').map(([k, ids]) => [k, ids])) : null;
  return { data: { reports, onlyImported: saved.onlyImported === true, ...(marks && marks.size > 0 ? { approximate: marks } : {}) }, generation };
}

/** The generation stored now (null: none), e.g. after data that could not be read back. */
export async function storedGeneration(): Promise<string | null> {
  const saved = await current();
  return saved ? generationOf(saved) : null;
}

async function current(): Promise<Saved | null> {
  const saved: unknown = await get(KEY, db());
  return isSaved(saved) ? saved : null;
}

/** Remove every chunk but those of `keep`: the previous generation's, and any left by a save that did not finish. */
async function removeOtherChunks(keep: string | null): Promise<void> {
  const prefix = keep ? `imported:${keep}:` : null;
  for (const k of await keys(db())) {
    const key = String(k);
    if (key.startsWith('imported:') && (prefix === null || !key.startsWith(prefix))) await del(k, db());
  }
}

const newGeneration = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Save `data` on top of the stored generation `base` (the one this tab read or last saved).
 * Returns the new generation. Throws ImportsChangedElsewhere when another tab changed the stored
 * imports since `base`; the stored data is then left as it is.
 */
export async function saveImported(data: ImportedSet, base: string | null): Promise<string> {
  const generation = await exclusive(async () => {
    const previous = await current();
    if ((previous ? generationOf(previous) : null) !== base) throw new ImportsChangedElsewhere();
    const generation = newGeneration();
    const n = data.reports.keys.length;
    const chunks = Math.ceil(n / CHUNK);
    for (let i = 0; i < chunks; i++) {
      const rows = Array.from({ length: Math.min(n, (i + 1) * CHUNK) - i * CHUNK }, (_, k) => i * CHUNK + k);
      await set(chunkKey(generation, i), selectRows(data.reports.columns, rows), db());
    }
    const saved: Saved = {
      format: FORMAT,
      generation,
      savedAt: new Date().toISOString(),
      onlyImported: data.onlyImported,
      chunks,
      reports: n,
      ...(data.approximate?.size ? { approximate: [...data.approximate].map(([k, ids]) => [k, [...ids]] as [string, string[]]) } : {}),
    };
    // the switch: one write; until it lands the previous generation is the current one, whole
    await set(KEY, saved, db());
    await removeOtherChunks(generation);
    return generation;
  });
  announce(generation);
  return generation;
}

/** Remove the stored imports, on the same terms as saveImported. */
export async function clearImported(base: string | null): Promise<null> {
  await exclusive(async () => {
    const previous = await current();
    if ((previous ? generationOf(previous) : null) !== base) throw new ImportsChangedElsewhere();
    await del(KEY, db());
    await removeOtherChunks(null);
  });
  announce(null);
  return null;
}

/**
 * Ask the browser to keep this site's storage under pressure (it may say no), and say when the
 * storage is nearly full: a save that does not fit fails, and the page says so.
 */
export async function checkStorage(): Promise<string | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return null;
  try {
    if (storage.persist && !(await storage.persisted?.())) await storage.persist();
    const { usage, quota } = (await storage.estimate?.()) ?? {};
    if (usage !== undefined && quota !== undefined && quota > 0 && usage / quota > 0.9) {
      return `本浏览器为看板保留的存储空间已用 ${Math.round((100 * usage) / quota)}%（${(usage / 1e6).toFixed(0)} MB / ${(quota / 1e6).toFixed(0)} MB），再导入大文件可能无法保存；可清除不再需要的导入数据，或释放磁盘空间。`;
    }
  } catch {
    // a browser without these APIs: nothing to report
  }
  return null;
}
