/**
 * Reading a table by its row labels: walk the cells in order; a label that matches the next
 * expected row (or a later one, when rows are missing) starts a row, and the value cells after it
 * are its values, in column order. Header positions are never used, so merged headers
 * (rowspan/colspan), one-cell-per-line exports and one-line rows read the same.
 *
 * What a row's cells may look like, and how they are read:
 * - more cells than the row has columns, blank at either end: the blanks are what merged cells
 *   left (`| 行政许可 | 0 | ||`), dropped;
 * - a blank cell among numbers: 0 was meant (read as 0, the doubt recorded); a row with no
 *   number at all is not reported;
 * - digits run together with the label (`规章000`) or with each other (`规章 000`): split one digit
 *   a cell only when the count of digits is the count of cells, else not read;
 * - a label with other labels before it on one line (`三、本年度办理结果 （一）予以公开`): the
 *   shortest ending that names a row names it.
 */
import type { Token } from './cells.ts';
import { isBlank, isFilledValue, matchKey, printed, readValue } from './labels.ts';

export interface RowSpec {
  key: string;
  /** tested against the label's match key (see matchKey) */
  match: RegExp;
  /** number of value columns */
  count: number;
  /** a label this short (其他, 总计) also appears in headers: only a row once another row was read */
  notFirst?: boolean;
  /**
   * read wherever it stands among its neighbours (行政检查 / 行政确认, an extra row such as
   * 其他主动公开文件): reading it does not move past the rows after it
   */
  loose?: boolean;
}

export interface RowHit {
  key: string;
  /** the label as printed (the part of the cell that names the row) */
  label: string;
  /** index of the label token */
  at: number;
  /** values in column order (null: empty cell); `values.length` is how many cells were read */
  values: (number | null)[];
  /** per value: the unit printed in the cell, if any (`80618元` → 元) */
  units: (string | undefined)[];
  /** columns whose cell was blank among numbers: read as 0 */
  blanks: number[];
  /** digits run together (`规章000`): split one digit a cell (true), or could not be read (false) */
  runTogether?: { text: string; split: boolean };
}

interface Cell {
  value: number | null;
  blank: boolean;
  unit?: string;
}

/**
 * The value cells after a label, up to the next label: across a row break only while the row
 * still lacks cells and values continue after the break.
 */
function collect(tokens: readonly Token[], start: number, count: number): { run: Cell[]; texts: string[]; next: number } {
  const run: Cell[] = [];
  const texts: string[] = [];
  let j = start;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (t.kind === 'break') {
      const after = tokens[j + 1]; // breaks never repeat
      if (run.length < count && after?.kind === 'cell' && isFilledValue(after.text)) {
        j++;
        continue;
      }
      break;
    }
    const v = readValue(t.text);
    if (v === null) break;
    run.push(v.kind === 'number' ? { value: v.value, blank: false, ...(v.unit ? { unit: v.unit } : {}) } : { value: null, blank: isBlank(t.text) });
    texts.push(t.text);
    j++;
  }
  return { run, texts, next: j };
}

const digitCells = (digits: string): Cell[] => [...digits].map((d) => ({ value: Number(d), blank: false }));

/** A label with digits run on (`规章000`, `行政许可35`): the label and the digits. */
export function runOn(text: string): { label: string; digits: string } | null {
  const m = /^(.*[\u4e00-\u9fff）)”"」』])(\d+(?:\.\d+)?)$/.exec(printed(text));
  return m ? { label: m[1]!, digits: m[2]! } : null;
}

/** The row's cells from the digits run on to its label and the value cells after it. */
function withRunOn(digits: string, following: Cell[], count: number): { cells: Cell[]; split: boolean } | null {
  const one: Cell = { value: Number(digits), blank: false };
  if (count === 1 || digits.includes('.')) return { cells: [one, ...following], split: false };
  if (following.length + 1 >= count) return { cells: [one, ...following], split: false };
  if (digits.length + following.length === count) return { cells: [...digitCells(digits), ...following], split: true };
  return null;
}

/**
 * A row's cells as read (see the module comment): blanks at the ends dropped when there are too
 * many, digits run together split when their count says how, blanks among numbers made 0.
 */
function shape(
  run: Cell[],
  texts: readonly string[],
  count: number,
  digits: string | null,
): { cells: Cell[]; blanks: number[]; runTogether?: RowHit['runTogether'] } {
  let cells = run;
  let runTogether: RowHit['runTogether'];
  if (digits !== null) {
    const r = withRunOn(digits, run, count);
    runTogether = { text: digits, split: r?.split ?? false };
    if (!r) return { cells: [], blanks: [], runTogether };
    cells = r.cells;
    if (!r.split) runTogether = undefined;
  } else if (run.length === 1 && count > 1 && /^0\d+$/.test(texts[0]!.trim()) && texts[0]!.trim().length === count) {
    // `000`: no number is written with leading zeros; the cells ran together
    cells = digitCells(texts[0]!.trim());
    runTogether = { text: texts[0]!.trim(), split: true };
  }
  // padding is most often after the row's cells, sometimes before them (a label over two columns)
  let from = 0;
  let to = cells.length;
  while (to - from > count && cells[to - 1]!.blank) to--;
  while (to - from > count && cells[from]!.blank) from++;
  cells = cells.slice(from, Math.min(to, from + count));
  const blanks: number[] = [];
  if (cells.some((c) => c.value !== null)) {
    cells = cells.map((c, i) => {
      if (!c.blank) return c;
      blanks.push(i);
      return { value: 0, blank: false };
    });
  }
  return { cells, blanks, ...(runTogether ? { runTogether } : {}) };
}

/** Where an item number starts inside a label (`三、本年度办理结果（一）予以公开`). */
const ITEM_AT = /[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d[.．、](?=[\u4e00-\u9fff])/g;

/**
 * The label's keys to match: the whole label, then each ending after a space or before an item
 * number, shortest last.
 */
function endings(label: string): { key: string; printed: string }[] {
  const p = printed(label);
  const starts = new Set<number>([0]);
  for (let i = 1; i < p.length; i++) if (p[i - 1] === ' ') starts.add(i);
  for (const m of p.matchAll(ITEM_AT)) if (m.index > 0) starts.add(m.index);
  // the whole label and its 12 shortest endings: a long run of words costs no more than that
  const sorted = [...starts].sort((a, b) => a - b);
  return [0, ...sorted.slice(1).slice(-12)]
    .map((at) => p.slice(at).trim())
    .filter((x) => x !== '')
    .map((x) => ({ key: matchKey(x), printed: x }));
}

/** Walk the tokens of one table and read the rows of `specs` (in form order). */
export function readRows(tokens: readonly Token[], specs: readonly RowSpec[]): Map<string, RowHit> {
  const hits = new Map<string, RowHit>();
  let cursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'cell' || readValue(t.text) !== null) continue;
    const on = runOn(t.text);
    const ends = endings(on ? on.label : t.text);
    if (ends[0]!.key === '') continue;
    let k = -1;
    let named = '';
    // the shortest ending that names a row names it (`（六）其他处理1.申请人…` is the sub-row)
    for (let e = ends.length - 1; e >= 0 && k < 0; e--) {
      for (let s = cursor; s < specs.length; s++) {
        const spec = specs[s]!;
        if (hits.has(spec.key) || (spec.notFirst && hits.size === 0)) continue;
        if (spec.match.test(ends[e]!.key)) {
          k = s;
          named = ends[e]!.printed;
          break;
        }
      }
    }
    if (k < 0) continue;
    const spec = specs[k]!;
    let { run, texts, next } = collect(tokens, i + 1, spec.count);
    // a label wrapped onto the next line (`…不计其` / `他情形） 1 0 0 …`): its values follow the rest
    if (run.length === 0 && !on) {
      const rest = continuation(tokens, i + 1, specs, cursor);
      if (rest >= 0) ({ run, texts, next } = collect(tokens, rest + 1, spec.count));
    }
    // A label followed by no values is a group heading; a blank row counts only where it is expected.
    if (run.length === 0 && !on) continue;
    if (!on && run.every((c) => c.value === null) && k !== cursor) continue;
    const { cells, blanks, runTogether } = shape(run, texts, spec.count, on?.digits ?? null);
    hits.set(spec.key, {
      key: spec.key,
      label: named,
      at: i,
      values: cells.map((c) => c.value),
      units: cells.map((c) => c.unit),
      blanks,
      ...(runTogether ? { runTogether } : {}),
    });
    if (!spec.loose) cursor = k + 1;
    i = next - 1;
  }
  return hits;
}

/**
 * The rest of a label wrapped onto the next line: a short label right after (a row break
 * between), naming no row itself, not starting with an item number, with values after it. Its
 * index, or -1.
 */
function continuation(tokens: readonly Token[], from: number, specs: readonly RowSpec[], cursor: number): number {
  let j = from;
  if (tokens[j]?.kind === 'break') j++;
  const t = tokens[j];
  if (!t || t.kind !== 'cell' || readValue(t.text) !== null) return -1;
  const text = printed(t.text);
  if (text === '' || text.length > 30 || /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、])/.test(text)) return -1;
  const key = matchKey(text);
  for (let s = cursor; s < specs.length; s++) if (specs[s]!.match.test(key)) return -1;
  const after = tokens[j + 1];
  return after?.kind === 'cell' && isFilledValue(after.text) ? j : -1;
}

/** The nearest label before token `at` whose key matches `re`, as printed. */
export function labelBefore(tokens: readonly Token[], at: number, re: RegExp, stop = 120): string | null {
  for (let i = at - 1; i >= Math.max(0, at - stop); i--) {
    const t = tokens[i]!;
    if (t.kind === 'cell' && readValue(t.text) === null && re.test(matchKey(t.text))) return printed(t.text);
  }
  return null;
}
