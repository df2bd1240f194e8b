/**
 * Reports by column: identity columns as arrays of strings, each catalogue metric as a typed
 * array (Int32 for counts and changes, Float64 for 万元 amounts) with a validity bitmap in Arrow's
 * layout. A country's reports (290,000 × 236 metrics) take a few hundred MB this way, against
 * gigabytes as Report objects; the arrays are transferred between threads without copying and
 * become Arrow vectors without a pass over the values.
 */
import { METRICS, type MetricDef } from '../model/catalogue.ts';
import { reportKey, type Report } from '../model/report.ts';
import type { Layout } from '../model/tables.ts';

export interface MetricColumn {
  values: Int32Array | Float64Array;
  /** bit i set when row i has a value (Arrow validity bitmap) */
  valid: Uint8Array;
}

export interface ReportColumns {
  length: number;
  county: string[];
  town: string[];
  town_code: (string | null)[];
  year: Int16Array;
  layout: (Layout | null)[];
  source: string[];
  /** 1 for demonstration data */
  synthetic: Uint8Array;
  /** parallel to METRICS */
  metrics: MetricColumn[];
}

const bitmapBytes = (n: number) => Math.ceil(n / 8);

export function emptyColumns(capacity: number): ReportColumns {
  return {
    length: 0,
    county: [],
    town: [],
    town_code: [],
    year: new Int16Array(capacity),
    layout: [],
    source: [],
    synthetic: new Uint8Array(capacity),
    metrics: METRICS.map((m) => ({
      values: m.kind === 'amount' ? new Float64Array(capacity) : new Int32Array(capacity),
      valid: new Uint8Array(bitmapBytes(capacity)),
    })),
  };
}

/** The arrays cut to `length` rows (views on the same memory, not copies). */
export function trimColumns(c: ReportColumns): ReportColumns {
  const n = c.length;
  return {
    ...c,
    year: c.year.subarray(0, n),
    synthetic: c.synthetic.subarray(0, n),
    metrics: c.metrics.map((m) => ({ values: m.values.subarray(0, n), valid: m.valid.subarray(0, bitmapBytes(n)) })),
  };
}

export const isValid = (valid: Uint8Array, i: number): boolean => (valid[i >> 3]! & (1 << (i & 7))) !== 0;

export function metricAt(c: ReportColumns, m: number, i: number): number | null {
  const col = c.metrics[m]!;
  return isValid(col.valid, i) ? col.values[i]! : null;
}

/** Row i as a Report (metrics with a value only; a missing key means 未报告). */
export function reportAt(c: ReportColumns, i: number): Report {
  const metrics: Record<string, number | null> = {};
  for (let m = 0; m < METRICS.length; m++) {
    const v = metricAt(c, m, i);
    if (v !== null) metrics[METRICS[m]!.id] = v;
  }
  return {
    county: c.county[i]!,
    town: c.town[i]!,
    town_code: c.town_code[i]!,
    year: c.year[i]!,
    layout: c.layout[i]!,
    source: c.source[i]!,
    synthetic: c.synthetic[i] === 1,
    metrics,
  };
}

export const keyAt = (c: ReportColumns, i: number): string => reportKey({ county: c.county[i]!, town: c.town[i]!, town_code: c.town_code[i]!, year: c.year[i]! });

/** Append one report's identity; its metrics are written by the caller. Grows the arrays as needed. */
export function pushIdentity(c: ReportColumns, r: Omit<Report, 'metrics'>): number {
  const i = c.length;
  if (i >= c.year.length) grow(c, Math.max(1024, c.year.length * 2));
  c.county.push(r.county);
  c.town.push(r.town);
  c.town_code.push(r.town_code);
  c.year[i] = r.year;
  c.layout.push(r.layout);
  c.source.push(r.source);
  c.synthetic[i] = r.synthetic ? 1 : 0;
  c.length = i + 1;
  return i;
}

function grow(c: ReportColumns, capacity: number) {
  const year = new Int16Array(capacity);
  year.set(c.year);
  c.year = year;
  const synthetic = new Uint8Array(capacity);
  synthetic.set(c.synthetic);
  c.synthetic = synthetic;
  c.metrics = c.metrics.map((m, k) => {
    const values = METRICS[k]!.kind === 'amount' ? new Float64Array(capacity) : new Int32Array(capacity);
    values.set(m.values);
    const valid = new Uint8Array(bitmapBytes(capacity));
    valid.set(m.valid);
    return { values, valid };
  });
}

export function setMetric(c: ReportColumns, m: number, i: number, v: number): void {
  const col = c.metrics[m]!;
  col.values[i] = v;
  col.valid[i >> 3]! |= 1 << (i & 7);
}

export function columnsFromReports(reports: readonly Report[]): ReportColumns {
  const c = emptyColumns(reports.length);
  for (const r of reports) {
    const i = pushIdentity(c, r);
    for (let m = 0; m < METRICS.length; m++) {
      const v = r.metrics[METRICS[m]!.id];
      if (v !== null && v !== undefined) setMetric(c, m, i, v);
    }
  }
  return trimColumns(c);
}

/** The rows at `rows` (in that order) as new columns. */
export function selectRows(c: ReportColumns, rows: ArrayLike<number>): ReportColumns {
  const n = rows.length;
  const out = emptyColumns(n);
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    out.county.push(c.county[i]!);
    out.town.push(c.town[i]!);
    out.town_code.push(c.town_code[i]!);
    out.year[k] = c.year[i]!;
    out.layout.push(c.layout[i]!);
    out.source.push(c.source[i]!);
    out.synthetic[k] = c.synthetic[i]!;
  }
  // runs of consecutive rows (nearly all of them when a few reports are left out of a large set)
  // are copied as blocks: values with one typed-array copy, validity a byte at a time
  for (let k = 0; k < n; ) {
    const first = rows[k]!;
    let len = 1;
    while (k + len < n && rows[k + len] === first + len) len++;
    for (let m = 0; m < METRICS.length; m++) {
      const from = c.metrics[m]!;
      const to = out.metrics[m]!;
      if (len === 1) {
        if (isValid(from.valid, first)) {
          to.values[k] = from.values[first]!;
          to.valid[k >> 3]! |= 1 << (k & 7);
        }
        continue;
      }
      to.values.set(from.values.subarray(first, first + len), k);
      copyBits(from.valid, first, to.valid, k, len);
    }
    k += len;
  }
  out.length = n;
  return out;
}

/**
 * OR `len` bits of `src` from bit `from` into `dst` from bit `to` (whose bits there are 0): bit by
 * bit until `to` is on a byte boundary, then a byte at a time.
 */
export function copyBits(src: Uint8Array, from: number, dst: Uint8Array, to: number, len: number): void {
  let j = 0;
  for (; j < len && ((to + j) & 7) !== 0; j++) if (isValid(src, from + j)) dst[(to + j) >> 3]! |= 1 << ((to + j) & 7);
  const shift = (from + j) & 7;
  for (; len - j >= 8; j += 8) {
    const b = (from + j) >> 3;
    const v = shift === 0 ? src[b]! : ((src[b]! >> shift) | (src[b + 1]! << (8 - shift))) & 0xff;
    dst[(to + j) >> 3] = v;
  }
  for (; j < len; j++) if (isValid(src, from + j)) dst[(to + j) >> 3]! |= 1 << ((to + j) & 7);
}

/** Rows start…end (exclusive) as views on the same memory where the bitmaps allow it. */
export function sliceRows(c: ReportColumns, start: number, end: number): ReportColumns {
  if (start % 8 !== 0) return selectRows(c, Array.from({ length: end - start }, (_, k) => start + k));
  return {
    length: end - start,
    county: c.county.slice(start, end),
    town: c.town.slice(start, end),
    town_code: c.town_code.slice(start, end),
    year: c.year.subarray(start, end),
    layout: c.layout.slice(start, end),
    source: c.source.slice(start, end),
    synthetic: c.synthetic.subarray(start, end),
    metrics: c.metrics.map((m) => ({ values: m.values.subarray(start, end), valid: m.valid.subarray(start / 8, bitmapBytes(end)) })),
  };
}

/** The metric definitions, for callers that index columns by position. */
export const METRIC_DEFS: readonly MetricDef[] = METRICS;

/** Every typed array's buffer, to transfer the columns to another thread. */
export function transferables(c: ReportColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>([c.year.buffer as ArrayBuffer, c.synthetic.buffer as ArrayBuffer]);
  for (const m of c.metrics) {
    out.add(m.values.buffer as ArrayBuffer);
    out.add(m.valid.buffer as ArrayBuffer);
  }
  return [...out];
}

/** The identity columns held as text. */
const TEXT_COLUMNS = ['county', 'town', 'town_code', 'layout', 'source'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

/** A text column as its distinct values and, per row, the index of its value. */
export interface PackedText {
  values: (string | null)[];
  codes: Int32Array;
}

/** A set to post to another thread: its text columns packed (packSet), its typed arrays to transfer. */
export interface PackedSet {
  columns: Omit<ReportColumns, TextColumn> & { text: Record<TextColumn, PackedText> };
  keys: string[];
}

/**
 * A set made ready for postMessage. Its text columns go as distinct values and an index per row:
 * cloning a country's 5 × 290,000 strings took ~0.2 s, these ~0.05 s (packing and unpacking
 * included). Consecutive rows of a town share their strings, so most rows are packed without a
 * lookup. The set's own typed arrays are listed in `transfer` (unusable here once sent).
 */
export function packSet(s: ReportSet): { packed: PackedSet; transfer: ArrayBuffer[] } {
  const { county, town, town_code, layout, source, ...rest } = s.columns;
  const text = { county: packText(county), town: packText(town), town_code: packText(town_code), layout: packText(layout), source: packText(source) };
  const transfer = [...transferables(s.columns), ...Object.values(text).map((t) => t.codes.buffer as ArrayBuffer)];
  return { packed: { columns: { ...rest, text }, keys: s.keys }, transfer };
}

/** The set packSet packed. */
export function unpackSet(p: PackedSet): ReportSet {
  const { text, ...rest } = p.columns;
  const columns = {
    ...rest,
    county: unpackText(text.county) as string[],
    town: unpackText(text.town) as string[],
    town_code: unpackText(text.town_code),
    layout: unpackText(text.layout) as ReportColumns['layout'],
    source: unpackText(text.source) as string[],
  };
  return { columns, keys: p.keys };
}

function packText(col: readonly (string | null)[]): PackedText {
  const values: (string | null)[] = [];
  const at = new Map<string | null, number>();
  const codes = new Int32Array(col.length);
  let prev: string | null | undefined;
  let code = -1;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v !== prev) {
      let c = at.get(v);
      if (c === undefined) {
        c = values.length;
        values.push(v);
        at.set(v, c);
      }
      code = c;
      prev = v;
    }
    codes[i] = code;
  }
  return { values, codes };
}

function unpackText(p: PackedText): (string | null)[] {
  const out = new Array<string | null>(p.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = p.values[p.codes[i]!]!;
  return out;
}

/** Columns with the report key of each row. */
export interface ReportSet {
  columns: ReportColumns;
  keys: string[];
}

export const EMPTY_SET: ReportSet = { columns: trimColumns(emptyColumns(0)), keys: [] };

export const setFromReports = (reports: readonly Report[]): ReportSet => ({ columns: columnsFromReports(reports), keys: reports.map(reportKey) });

/** Some rows of a set (all of them when `rows` is absent). */
export interface SetPart {
  set: ReportSet;
  rows?: ArrayLike<number>;
}

export const partLength = (p: SetPart): number => p.rows?.length ?? p.set.columns.length;

/**
 * A flag per row of each set (`flags`, parallel to `sets`; null: 0 for all its rows), for the
 * rows of `parts` in order, as concatParts joins them.
 */
export function partsFlags(parts: readonly SetPart[], sets: readonly ReportSet[], flags: readonly (Uint8Array | null)[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + partLength(p), 0));
  let k = 0;
  for (const p of parts) {
    const from = flags[sets.indexOf(p.set)] ?? null;
    const n = partLength(p);
    if (from) {
      if (p.rows) for (let j = 0; j < n; j++) out[k + j] = from[p.rows[j]!]!;
      else out.set(from.subarray(0, n), k);
    }
    k += n;
  }
  return out;
}

/** The parts, in order, as one set (the arrays are copied). */
export function concatParts(parts: readonly SetPart[]): ReportSet {
  if (parts.length === 1 && !parts[0]!.rows) return parts[0]!.set;
  // one part: its rows once, not copied a second time into the result
  if (parts.length === 1) {
    const { set, rows } = parts[0]!;
    return { columns: selectRows(set.columns, rows!), keys: Array.from(rows!, (r) => set.keys[r]!) };
  }
  const n = parts.reduce((a, p) => a + partLength(p), 0);
  const out = emptyColumns(n);
  const keys: string[] = [];
  let k = 0;
  for (const p of parts) {
    const src = p.rows ? selectRows(p.set.columns, p.rows) : p.set.columns;
    const len = src.length;
    for (let i = 0; i < len; i++) {
      out.county.push(src.county[i]!);
      out.town.push(src.town[i]!);
      out.town_code.push(src.town_code[i]!);
      out.layout.push(src.layout[i]!);
      out.source.push(src.source[i]!);
    }
    out.year.set(src.year.subarray(0, len), k);
    out.synthetic.set(src.synthetic.subarray(0, len), k);
    for (let m = 0; m < METRICS.length; m++) {
      const from = src.metrics[m]!;
      const to = out.metrics[m]!;
      to.values.set(from.values.subarray(0, len), k);
      copyBits(from.valid, 0, to.valid, k, len);
    }
    if (p.rows) for (let i = 0; i < len; i++) keys.push(p.set.keys[p.rows[i]!]!);
    else for (let i = 0; i < len; i++) keys.push(p.set.keys[i]!);
    k += len;
  }
  out.length = n;
  return { columns: out, keys };
}
