/**
 * Imported data kept across reloads and browser restarts, in IndexedDB (through idb-keyval, a
 * small maintained wrapper). Only this browser profile sees it; nothing leaves the machine.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { Report } from '../model/report.ts';
import { NO_IMPORTS, type ImportedData } from './compose.ts';

const FORMAT = 1;
const KEY = 'imported';

interface Saved {
  format: number;
  savedAt: string;
  onlyImported: boolean;
  reports: Report[];
}

let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('zwgk-annual-report-dashboard', 'imports'));

const isSaved = (x: unknown): x is Saved =>
  typeof x === 'object' && x !== null && (x as Saved).format === FORMAT && Array.isArray((x as Saved).reports);

export async function loadImported(): Promise<ImportedData> {
  const saved: unknown = await get(KEY, db());
  if (!isSaved(saved)) return NO_IMPORTS;
  return { reports: saved.reports, onlyImported: saved.onlyImported === true };
}

export async function saveImported(data: ImportedData): Promise<void> {
  const saved: Saved = { format: FORMAT, savedAt: new Date().toISOString(), onlyImported: data.onlyImported, reports: data.reports };
  await set(KEY, saved, db());
}

export async function clearImported(): Promise<void> {
  await del(KEY, db());
}
