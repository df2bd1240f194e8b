/**
 * The fast path for large wide CSV files: UTF-8 bytes → report columns, without a string per cell
 * or an object per report. Cells of plain digits (nearly all of them) are read from the bytes;
 * every other cell goes through the same validator as the general path (values.ts), and identity
 * cells through the same checks (record.ts), so the reports and issues are exactly those of
 * parseReportFile. Anything this reader does not handle the same way as PapaParse (a malformed or
 * unclosed quote, mixed line endings, an unusual header) makes it return null: the caller then
 * uses the general path.
 */
import Papa from 'papaparse';
import { METRICS } from '../model/catalogue.ts';
import type { Layout } from '../model/tables.ts';
import { emptyColumns, pushIdentity, trimColumns, type ReportColumns } from './columns.ts';
import { issue, type IngestIssue } from './issues.ts';
import { blankNotice } from './blank.ts';
import { isLongHeader } from './long-csv.ts';
import { MAX_COLUMNS } from './csv-rows.ts';
import { buildIdentity, cellIssue, type RawCell, type RawRecord } from './record.ts';
import { parseCell } from './values.ts';
import { readHeader } from './wide-csv.ts';
import { readAsStaged } from './staged-identity.ts';
import { CodeYearTable } from './code-year-table.ts';
import type { IdentityField } from '../model/report.ts';

export interface ColumnsParsed {
  columns: ReportColumns;
  /** report key of each row of `columns` */
  keys: string[];
  /** the file row each report was read from */
  rows: Int32Array;
  issues: IngestIssue[];
  rejected: number;
  /** rows with a town and year but no value at all, left out (blank.ts) */
  blank: number;
  /** 1 for each report whose identity DuckDB's reading of the file gives as it is (db/csv-stage.ts readAsStaged) */
  asRead: Uint8Array;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const METRIC_INDEX = new Map(METRICS.map((m, i) => [m.id, i]));

/** Strip a UTF-8 BOM. */
const noBom = (b: Uint8Array) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);

/**
 * Parse a wide CSV given as UTF-8 bytes (already known to be valid UTF-8), or return null when
 * the general path must read it.
 */
export function parseWideFast(file: string, input: Uint8Array, maxYear: number, onProgress?: (done: number) => void): ColumnsParsed | null {
  const bytes = noBom(input);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // Line endings: \n throughout, or \r\n throughout (PapaParse guesses one for the whole file).
  const hasCR = bytes.indexOf(CR) >= 0;
  // Delimiter as PapaParse detects it, from the first rows.
  let headEnd = Math.min(bytes.length, 1 << 16);
  while (headEnd < bytes.length && bytes[headEnd - 1] !== LF) headEnd++;
  // as the general path does: the decoder drops one BOM, csvRows a second one
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, headEnd)).replace(/^\ufeff/, '');
  const probe = Papa.parse<string[]>(head, { header: false, preview: 11 });
  if (probe.data.length < 11 && headEnd < bytes.length) return null;
  if (head.startsWith('"')) return null;
  const delimiter = probe.meta.delimiter;
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 0x80) return null;
  const DELIM = delimiter.charCodeAt(0);
  const headerCells = probe.data[0];
  if (!headerCells || isLongHeader(headerCells)) return null;
  // quoted headers are rare: leave them to the general path
  const firstLine = head.slice(0, head.indexOf('\n') >= 0 ? head.indexOf('\n') : head.length);
  if (firstLine.includes('"') || firstLine.includes('\ufeff')) return null;

  // a header wider than any report file: the general reader says so in one error
  if (headerCells.length > MAX_COLUMNS) return null;
  const { roles, issues } = readHeader(headerCells, file);
  const hasTown = roles.some((r) => r?.kind === 'identity' && r.field === 'town');
  const hasYear = roles.some((r) => r?.kind === 'identity' && r.field === 'year');
  if (!hasTown || !hasYear) return null;
  const width = headerCells.length;
  /** per file column: metric index, or -1 */
  const metricOf = new Int32Array(width).fill(-1);
  const kindOf: ('count' | 'change' | 'amount')[] = new Array(width);
  const identity: { index: number; field: IdentityField }[] = [];
  roles.forEach((role, index) => {
    if (role?.kind === 'metric') {
      metricOf[index] = METRIC_INDEX.get(role.def.id)!;
      kindOf[index] = role.def.kind;
    } else if (role?.kind === 'identity') identity.push({ index, field: role.field });
  });
  /** bit 1: allowed in 2019, bit 2: in 2021 */
  const layoutsOf = new Uint8Array(width);
  for (let c = 0; c < width; c++) {
    const m = metricOf[c]!;
    if (m >= 0) layoutsOf[c] = (METRICS[m]!.layouts.includes('2019') ? 1 : 0) | (METRICS[m]!.layouts.includes('2021') ? 2 : 0);
  }

  /** per layout bit (1: 2019, 2: 2021): the file's metrics that layout does not have */
  const restricted = [1, 2].map((bit) => Int32Array.from(Array.from({ length: width }, (_, c) => c).filter((c) => metricOf[c]! >= 0 && (layoutsOf[c]! & bit) === 0), (c) => metricOf[c]!));
  /** the row's metric cells that are not plain digits (read by the validator once the row is split) */
  const odd = new Int32Array(width);

  // rows expected from the first ones' length, with room to spare: growing the columns late copies them all
  let headLines = 0;
  for (let k = bytes.indexOf(LF); k >= 0 && k < headEnd; k = bytes.indexOf(LF, k + 1)) headLines++;
  const estimate = Math.max(16, Math.ceil((1.15 * bytes.length * Math.max(1, headLines)) / Math.max(1, headEnd)) + 16);
  const columns = emptyColumns(Math.min(estimate, 1 << 22));
  const NM = METRICS.length;
  const BLOCK = 64;
  const blockValue = new Float64Array(BLOCK * NM);
  let inBlock = 0;
  const keys: string[] = [];
  const rowsOut: number[] = [];
  const asRead: number[] = [];
  // The identity cells of the current row, as buildIdentity and readAsStaged take them: the same
  // objects refilled for each row (nothing keeps them: issues copy what they show).
  const id: RawRecord['identity'] = {};
  for (const { index, field } of identity) id[field] = { column: headerCells[index]!, raw: '' };
  // the first row of each report key: by code and year when there is a code (9 ASCII digits, a
  // small integer: code-year-table.ts), else by key
  const firstRow = new Map<string, number>();
  const firstRowByCode = new CodeYearTable(Math.min(estimate, 1 << 22));
  let rejected = 0;
  const blankRows: number[] = [];

  // Where each cell of the current row starts; quoted cells hold their unescaped text in `quoted`.
  // A cell ends where the delimiter before the next one is, the last one at the row's end.
  let cap = width + 8;
  let starts = new Int32Array(cap);
  let cells = 0;
  let rowEnd = 0;
  const cellEnd = (c: number) => (c + 1 < cells ? starts[c + 1]! - 1 : rowEnd);
  const quoted = new Map<number, string>();

  // A cell's text, decoded once per distinct content of its column in consecutive rows (a town's
  // name, county and source repeat in each of its years' rows); short ASCII without TextDecoder.
  const lastText: (string | undefined)[] = new Array(width);
  const lastStart = new Int32Array(width);
  const lastEnd = new Int32Array(width);
  const cellText = (c: number): string => {
    const q = quoted.get(c);
    if (q !== undefined) return q;
    const s = starts[c]!;
    const e = cellEnd(c);
    const len = e - s;
    const prev = c < width ? lastText[c] : undefined;
    if (prev !== undefined && lastEnd[c]! - lastStart[c]! === len) {
      const p = lastStart[c]!;
      let k = 0;
      while (k < len && bytes[s + k] === bytes[p + k]) k++;
      if (k === len) return prev;
    }
    let text = '';
    let ascii = len <= 32;
    for (let k = s; ascii && k < e; k++) {
      const b = bytes[k]!;
      if (b >= 0x80) ascii = false;
      else text += String.fromCharCode(b);
    }
    if (!ascii) text = decoder.decode(bytes.subarray(s, e));
    if (c < width) {
      lastText[c] = text;
      lastStart[c] = s;
      lastEnd[c] = e;
    }
    return text;
  };
  const ctx = { file, maxYear };
  /** where the current row's cell errors go (its `err`) */
  let cellError: (message: string, cell?: RawCell) => void = () => undefined;
  /** An unusual cell's value through the validator: null when empty, NaN (error reported) when invalid. */
  const unusual = (c: number): number | null => {
    const raw = cellText(c);
    const res = parseCell(raw, kindOf[c]!);
    if (res.ok) return res.value;
    cellError(res.reason, { column: headerCells[c]!, raw });
    return NaN;
  };

  const n = bytes.length;
  let pos = 0;
  let rowIndex = 0; // 0 = header
  let lastProgress = 0;
  const pending: IngestIssue[] = [];
  while (pos < n) {
    // --- split one record into cells; plain-digit metric cells go straight into the next free row
    // of the block (kept only if the row is accepted), the others are listed in `odd`
    cells = 0;
    if (quoted.size > 0) quoted.clear();
    let blank = true;
    const base = inBlock * NM;
    // NaN: no value (a value is never NaN)
    blockValue.fill(NaN, base, base + NM);
    let oddCount = 0;
    for (;;) {
      if (cells >= cap) {
        cap *= 2;
        const s2 = new Int32Array(cap);
        s2.set(starts);
        starts = s2;
      }
      if (bytes[pos] === QUOTE) {
        // quoted cell: "" is a quote; the closing quote must end the cell
        let p = pos + 1;
        let text = '';
        let from = p;
        for (;;) {
          const q = bytes.indexOf(QUOTE, p);
          if (q < 0) return null; // unclosed quote: the general path reports it
          if (bytes[q + 1] === QUOTE) {
            text += decoder.decode(bytes.subarray(from, q + 1));
            p = q + 2;
            from = p;
            continue;
          }
          text += decoder.decode(bytes.subarray(from, q));
          p = q + 1;
          break;
        }
        const after = bytes[p];
        if (p < n && after !== DELIM && after !== LF && after !== CR) return null;
        starts[cells] = pos;
        if (cells < width && metricOf[cells]! >= 0) odd[oddCount++] = cells;
        quoted.set(cells, text);
        if (text.trim() !== '') blank = false;
        cells++;
        pos = p;
      } else {
        const start = pos;
        // the value of a cell of plain digits, read on the way: most cells are a few digits, read
        // by the first loop; anything else in the cell goes through the second
        let v = 0;
        let d = pos < n ? bytes[pos]! - 0x30 : -1;
        while (d >= 0 && d <= 9) {
          v = v * 10 + d;
          d = ++pos < n ? bytes[pos]! - 0x30 : -1;
        }
        // most cells: 0–9 digits and the delimiter, with more of the file after it
        if (pos - start <= 9 && pos + 1 < n && bytes[pos] === DELIM && cells < width) {
          starts[cells] = start;
          if (pos > start) {
            const m = metricOf[cells]!;
            if (m >= 0) blockValue[base + m] = v;
            blank = false;
          }
          cells++;
          pos++;
          continue;
        }
        let solid = pos > start;
        let plain = true;
        let high = false;
        while (pos < n) {
          const b = bytes[pos]!;
          if (b === DELIM || b === LF || b === CR) break;
          const d = b - 0x30;
          if (d >= 0 && d <= 9) {
            v = v * 10 + d;
            solid = true;
          } else {
            plain = false;
            // lead bytes E4–E9 start U+4000–U+9FFF (Chinese text), never white space: no need to
            // decode the cell to know it is not blank (decoding every town name took ~0.4 s)
            if (b >= 0xe4 && b <= 0xe9) solid = true;
            else if (b >= 0x80) high = true;
            else if (b !== 0x20 && b !== 0x09 && b !== 0x0b && b !== 0x0c) solid = true;
          }
          pos++;
        }
        const len = pos - start;
        const isPlain = plain && len >= 1 && len <= 9;
        starts[cells] = start;
        if (cells < width) {
          const m = metricOf[cells]!;
          if (m >= 0) {
            if (isPlain) {
              blockValue[base + m] = v;
            } else if (len > 0) odd[oddCount++] = cells;
          }
        }
        if (solid) blank = false;
        else if (high && blank && decoder.decode(bytes.subarray(start, pos)).trim() !== '') blank = false;
        cells++;
      }
      rowEnd = pos;
      if (pos >= n) break;
      const b = bytes[pos]!;
      if (b === DELIM) {
        pos++;
        if (pos >= n) {
          // a delimiter at the very end: one more, empty cell
          starts[cells] = pos;
          rowEnd = pos;
          cells++;
          break;
        }
        continue;
      }
      if (b === CR) {
        if (!hasCR || bytes[pos + 1] !== LF) return null;
        pos += 2;
        break;
      }
      // LF
      if (hasCR) return null;
      pos++;
      break;
    }
    const row = rowIndex + 1;
    rowIndex++;
    if (row === 1) {
      if (cells !== width) return null;
      continue;
    }
    if (blank) continue;
    if (cells !== width) {
      pending.push(issue('error', file, `这一行有 ${cells} 列，表头有 ${width} 列：行可能被截断或多出了分隔符`, { row }));
      rejected++;
      flush();
      continue;
    }
    // --- one report
    const rowIssues: IngestIssue[] = [];
    let errors = 0;
    const err = (message: string, cell?: RawCell, column?: string) => {
      errors++;
      rowIssues.push(cellIssue('error', file, row, message, cell, column));
    };
    for (const { index, field } of identity) id[field]!.raw = cellText(index);
    const ident = buildIdentity(id, ctx, err);
    const layoutBit = ident.layout === null ? 0 : ident.layout === '2019' ? 1 : 2;
    // A value in a column the row's layout does not have gets a warning, in column order among the
    // row's other issues: such rows (rare) go through every column again; the others only through
    // their unusual cells.
    let full = false;
    if (layoutBit !== 0) {
      const other = restricted[layoutBit - 1]!;
      for (let k = 0; k < other.length && !full; k++) if (!Number.isNaN(blockValue[base + other[k]!]!)) full = true;
      for (let k = 0; k < oddCount && !full; k++) if ((layoutsOf[odd[k]!]! & layoutBit) === 0) full = true;
    }
    cellError = err;
    if (!full) {
      for (let k = 0; k < oddCount; k++) {
        const c = odd[k]!;
        const value = unusual(c);
        if (value !== null && !Number.isNaN(value)) blockValue[base + metricOf[c]!] = value;
      }
    } else
      for (let c = 0; c < width; c++) {
        const m = metricOf[c]!;
        if (m < 0 || cellEnd(c) === starts[c]) continue;
        // plain digits, 1–9 of them: the value as is, already in the block (where the others are not)
        const plain = blockValue[base + m]!;
        const value = plain === plain ? plain : unusual(c);
        if (value === null || Number.isNaN(value)) continue;
        blockValue[base + m] = value;
        if ((layoutsOf[c]! & layoutBit) === 0) {
          rowIssues.push(cellIssue('warning', file, row, `${ident.layout as Layout} 表式的报告没有「${METRICS[m]!.label}」这一项`, { column: headerCells[c]!, raw: cellText(c) }));
        }
      }
    pending.push(...rowIssues);
    if (errors > 0) {
      rejected++;
      flush();
      continue;
    }
    // no value at all (the template's untouched rows): not a report, as in the general path
    let any = false;
    for (let m = base, end = base + NM; m < end; m++) {
      const v = blockValue[m]!;
      if (v === v) {
        any = true;
        break;
      }
    }
    if (!any) {
      blankRows.push(row);
      flush();
      continue;
    }
    const key = `${ident.town_code ? `code:${ident.town_code}` : `name:${ident.county}/${ident.town}`}@${ident.year}`;
    const code = ident.town_code ? Number(ident.town_code) : -1;
    const first = code >= 0 ? firstRowByCode.get(code, ident.year) : firstRow.get(key);
    if (first !== undefined) {
      pending.push(issue('error', file, `与第 ${first} 行重复：同一镇街（${ident.town}）同一年度（${ident.year}）出现两次`, { row }));
      rejected++;
      flush();
      continue;
    }
    if (code >= 0) firstRowByCode.set(code, ident.year, row);
    else firstRow.set(key, row);
    pushIdentity(columns, ident);
    if (++inBlock === BLOCK) flushBlock();
    keys.push(key);
    rowsOut.push(row);
    asRead.push(readAsStaged(id, ident) ? 1 : 0);
    if (onProgress && pos - lastProgress > 4_000_000) {
      lastProgress = pos;
      onProgress(pos / n);
    }
    flush();
  }
  function flush() {
    if (pending.length > 0) {
      issues.push(...pending);
      pending.length = 0;
    }
  }
  flushBlock();
  /**
   * Write the block's rows (the last `inBlock` rows pushed) into the columns, column by column;
   * validity a byte (8 rows) at a time where the block starts on a whole byte (every full block).
   */
  function flushBlock() {
    const first = columns.length - inBlock;
    const aligned = (first & 7) === 0;
    for (let m = 0; m < NM; m++) {
      const { values, valid } = columns.metrics[m]!;
      if (aligned) {
        for (let r0 = 0; r0 < inBlock; r0 += 8) {
          const end = Math.min(inBlock, r0 + 8);
          let byte = 0;
          for (let r = r0, at = r0 * NM + m; r < end; r++, at += NM) {
            const v = blockValue[at]!;
            if (v !== v) continue;
            values[first + r] = v;
            byte |= 1 << (r - r0);
          }
          if (byte !== 0) valid[(first + r0) >> 3]! |= byte;
        }
        continue;
      }
      for (let r = 0, at = m; r < inBlock; r++, at += NM) {
        const v = blockValue[at]!;
        if (v !== v) continue;
        const i = first + r;
        values[i] = v;
        valid[i >> 3]! |= 1 << (i & 7);
      }
    }
    inBlock = 0;
  }
  if (blankRows.length > 0) issues.push(blankNotice(file, 'row', blankRows));
  // PapaParse drops nothing at the end but empty rows; row numbers above already match its own.
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { columns: trimColumns(columns), keys, rows: Int32Array.from(rowsOut), issues, rejected, blank: blankRows.length, asRead: Uint8Array.from(asRead) };
}
