/**
 * How DuckDB's staging of a CSV (db/csv-stage.ts stageSql) reads the identity cells of a row, told
 * from the worker's side: the worker marks each report whose identity DuckDB reads as it is, and
 * the load writes no identity for those. Kept here, beside the readers that call it, so that the
 * readers do not depend on the database layer; csv-stage.ts reads the cells accordingly.
 */
import type { IdentityField } from '../model/report.ts';
import type { Identity, RawCell } from './record.ts';
import { EMPTY_MARKS } from './values.ts';

/** 示例数据 cells stageSql reads, and as what (the spellings record.ts parseBool reads so, exactly). */
export const SYNTHETIC_SPELLINGS: ReadonlyMap<string, boolean> = new Map([
  ['', false],
  ['false', false],
  ['0', false],
  ['否', false],
  ['true', true],
  ['1', true],
  ['是', true],
]);

/**
 * Whether stageSql reads a row whose identity cells are `cells` (as the worker read them: each
 * cell's text, no entry for a column the file does not have) as the identity `id` the worker made
 * of them: such a row needs no identity written at the load. Only plain cells qualify (a name as
 * it is, a 9-digit code, a 4-digit year, 2019/2021 or nothing for the layout, a spelling of
 * SYNTHETIC_SPELLINGS); whatever the worker normalised (spaces, full-width forms, a 12-digit code,
 * a code found in the division list, 2019年) is written at the load from the worker's reading.
 */
export function readAsStaged(cells: Partial<Record<IdentityField, RawCell>>, id: Identity): boolean {
  for (const field of STAGED_FIELDS) {
    const v = cells[field]?.raw;
    if (v === undefined) continue;
    // DuckDB reads a 未报告 mark as empty where the worker keeps it (marks are 1–2 characters)
    if (typeof v !== 'string' || (v.length > 0 && v.length <= 2 && EMPTY_MARKS.has(v))) return false;
  }
  // every cell present is text (tested above)
  const text = (field: IdentityField) => cells[field]?.raw as string | undefined;
  if ((text('county') ?? '') !== id.county || (text('town') ?? '') !== id.town) return false;
  const code = text('town_code') ?? '';
  if (code === '' ? id.town_code !== null : code !== id.town_code) return false;
  const year = text('year');
  if (year === undefined || fourDigits(year) !== id.year) return false;
  const layout = text('layout') ?? '';
  if ((layout === '' ? null : layout) !== id.layout) return false;
  const source = text('source') ?? '';
  if (source !== '' && source !== id.source) return false;
  return SYNTHETIC_SPELLINGS.get(text('synthetic') ?? '') === id.synthetic;
}

const STAGED_FIELDS: readonly IdentityField[] = ['county', 'town', 'town_code', 'year', 'layout', 'source', 'synthetic'];

/** The number a text of exactly 4 ASCII digits stands for, else -1 (called once per row of a large file). */
function fourDigits(s: string): number {
  if (s.length !== 4) return -1;
  let n = 0;
  for (let k = 0; k < 4; k++) {
    const d = s.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

