/**
 * A PDF page as the report parser reads documents: lines of text rebuilt from positioned text runs,
 * and tables rebuilt from the rules (borders) drawn on the page. Pure: no pdf.js, no DOM.
 *
 * - Tables: the drawn rules of a table form a grid; a cell is a run of grid squares with no rule
 *   between them (merged cells, rowspan/colspan as Word prints them). Cells come out row by row —
 *   the row a cell starts in, left to right — as an HTML table's cells do, so the same readers read
 *   them (cells.ts `DocLine`: a cell line per cell, a blank line after each row). The text of a
 *   cell is all the text inside it, its wrapped lines joined.
 * - Tables without rules: rows from lines whose runs stand apart in columns (see `streamRows`).
 * - Text: runs on one baseline form a line; lines form paragraphs when a line runs to the right
 *   margin and the next starts at the left margin; a title set in a larger size over two centred
 *   lines is one paragraph. Page numbers (“- 3 -”, “第 3 页 共 5 页”) and running headers and footers
 *   repeated on the pages are dropped.
 */
import type { DocLine } from './cells.ts';
import { readValue } from './labels.ts';

/** A run of text, in page coordinates from the top left (points). */
export interface TextRun {
  str: string;
  /** left end of the baseline */
  x: number;
  /** baseline, from the top of the page */
  y: number;
  /** advance width */
  w: number;
  /** font size */
  size: number;
}

/** A drawn rule: a horizontal (`h`, at y = pos, from x = a to b) or vertical (`v`) segment. */
export interface Rule {
  o: 'h' | 'v';
  pos: number;
  a: number;
  b: number;
}

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
}

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * CJK Radicals Supplement characters that fonts draw with the same glyph as an ordinary character:
 * PDF writers (Chromium's among them) then name the glyph by the radical (⺠ for 民, ⻄ for 西).
 * Kangxi radicals (⼈ for 人, ⼀ for 一) and compatibility ideographs are mapped by NFKC.
 */
const RADICALS: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺉': '刂', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺐': '尢',
  '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月',
  '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛',
  '⺨': '犭', '⺩': '王', '⺫': '目', '⺬': '示', '⺭': '礻', '⺯': '糹', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺶': '羊',
  '⺷': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎',
  '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻍': '辶',
  '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿',
  '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

const ODD_CJK = /[\u2e80-\u2fdf\uf900-\ufaff]/g;

/** Text as a person reads it: radicals and compatibility ideographs as the ordinary characters. */
export function normalizeRun(s: string): string {
  return s.replace(ODD_CJK, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、，。：；！？（）《》〔〕【】—…·]/;

/**
 * Join two pieces of one line, or two lines of one cell or paragraph: Chinese text without a
 * space; Latin words and numbers with one when they stood apart (a line wraps at a space).
 */
function joinText(a: string, b: string, gap: boolean): string {
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (/\s/.test(last) || /\s/.test(first) || CJK.test(last) || CJK.test(first)) return a + b;
  return gap ? `${a} ${b}` : a + b;
}

const HAN_SPACE = /([\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])[\s\u00a0\u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])/g;

/**
 * A line's text: runs of spaces as one, and none between two Chinese characters (pdf.js writes a
 * space where justified Chinese text is spread out; Chinese text has none).
 */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').replace(HAN_SPACE, '$1').trim();
}

// ---------------------------------------------------------------------------------------------
// Lines

export interface TextLine {
  text: string;
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
  /** the runs, left to right */
  runs: TextRun[];
}

/** Runs on one baseline (within half a font size), left to right, joined into lines, top to bottom. */
export function runsToLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g) {
      const base = g[0]!;
      const tol = 0.5 * Math.min(Math.max(base.size, 1), Math.max(r.size, 1));
      if (Math.abs(r.y - base.y) <= tol) {
        g.push(r);
        continue;
      }
    }
    groups.push([r]);
  }
  return groups.map(lineOf);
}

function lineOf(runs: TextRun[]): TextLine {
  const rs = [...runs].sort((p, q) => p.x - q.x);
  let text = '';
  let end = -Infinity;
  let size = 0;
  for (const r of rs) {
    const gap = r.x - end > 0.25 * Math.max(r.size, 1);
    text = text === '' ? r.str : joinText(text, r.str, gap);
    end = Math.max(end, r.x + r.w);
    size = Math.max(size, r.size);
  }
  return {
    text: tidy(text),
    x0: rs[0]!.x,
    x1: end,
    y: rs.reduce((s, r) => s + r.y, 0) / rs.length,
    size,
    runs: rs,
  };
}

// ---------------------------------------------------------------------------------------------
// Rules and tables

/** Positions this close are one rule; grid squares narrower than this hold no text. */
const SNAP = 3.5;
/** Collinear pieces of a rule with gaps up to this are one rule. */
const JOIN = 3;

/** Collinear overlapping or touching segments merged. */
export function mergeRules(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const o of ['h', 'v'] as const) {
    const list = rules.filter((r) => r.o === o && r.b - r.a > 0.5).sort((p, q) => p.pos - q.pos);
    const bands: Rule[][] = [];
    for (const r of list) {
      const band = bands[bands.length - 1];
      if (band && r.pos - band[0]!.pos <= SNAP / 2) band.push(r);
      else bands.push([r]);
    }
    for (const band of bands) {
      const pos = band.reduce((s, r) => s + r.pos, 0) / band.length;
      const spans = band.map((r) => [r.a, r.b] as [number, number]).sort((p, q) => p[0] - q[0]);
      let [a, b] = spans[0]!;
      for (const [sa, sb] of spans.slice(1)) {
        if (sa <= b + JOIN) b = Math.max(b, sb);
        else {
          out.push({ o, pos, a, b });
          [a, b] = [sa, sb];
        }
      }
      out.push({ o, pos, a, b });
    }
  }
  return out;
}

export interface GridCell {
  /** first grid row and column */
  row: number;
  col: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  text: string;
}

export interface Table {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** the cells, row by row (the row a cell starts in), left to right */
  cells: GridCell[];
}

/** Cluster sorted positions: each cluster becomes its mean. */
function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const c = out[out.length - 1];
    if (c && v - c[c.length - 1]! <= SNAP) c.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** How much of [from, to] the rules at `pos` (within SNAP) cover. */
function covered(rules: readonly Rule[], pos: number, from: number, to: number): number {
  const spans = rules
    .filter((r) => Math.abs(r.pos - pos) <= SNAP && r.b > from && r.a < to)
    .map((r) => [Math.max(r.a, from), Math.min(r.b, to)] as [number, number])
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = from;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / Math.max(to - from, 1e-6);
}

/** The tables the rules of a page draw: connected sets of rules with at least a 2 × 2 frame. */
export function findTables(rules: readonly Rule[]): TableFrame[] {
  const merged = mergeRules(rules);
  const n = merged.length;
  const parent = merged.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touches = (h: Rule, v: Rule) => v.pos >= h.a - SNAP && v.pos <= h.b + SNAP && h.pos >= v.a - SNAP && h.pos <= v.b + SNAP;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [p, q] = [merged[i]!, merged[j]!];
      if (p.o === q.o) continue;
      if (p.o === 'h' ? touches(p, q) : touches(q, p)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  merged.forEach((r, i) => {
    const k = find(i);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  });
  const tables: TableFrame[] = [];
  for (const group of groups.values()) {
    const hs = group.filter((r) => r.o === 'h');
    const vs = group.filter((r) => r.o === 'v');
    // a frame: rules both ways (a row continued from the last page may have one rule across)
    if (hs.length === 0 || vs.length === 0 || hs.length + vs.length < 4) continue;
    const grid = buildGrid(hs, vs);
    if (!grid) continue;
    tables.push({ x0: grid.xs[0]!, x1: grid.xs[grid.xs.length - 1]!, y0: grid.ys[0]!, y1: grid.ys[grid.ys.length - 1]!, grid });
  }
  return tables.sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0);
}

/** A table's frame, before its text is placed. */
export type TableFrame = Omit<Table, 'cells'> & { grid: Grid };

export interface Grid {
  xs: number[];
  ys: number[];
  /** the cell (index into `spans`) each grid square belongs to, by row then column */
  owner: number[][];
  spans: { row: number; col: number; rows: number; cols: number }[];
}

function buildGrid(hs: readonly Rule[], vs: readonly Rule[]): Grid | null {
  // a table split by a page break has no rule along its open side: the other rules' ends bound it
  const xs = clusterPositions([...vs.map((r) => r.pos), Math.min(...hs.map((r) => r.a)), Math.max(...hs.map((r) => r.b))]);
  const ys = clusterPositions([...hs.map((r) => r.pos), Math.min(...vs.map((r) => r.a)), Math.max(...vs.map((r) => r.b))]);
  if (xs.length < 2 || ys.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  // union-find over the squares: no rule between two squares means one cell
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && covered(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!) < 0.5) union(r * C + c, r * C + c + 1);
      if (r + 1 < R && covered(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!) < 0.5) union(r * C + c, (r + 1) * C + c);
    }
  }
  const index = new Map<number, number>();
  const spans: Grid['spans'] = [];
  const owner: number[][] = [];
  for (let r = 0; r < R; r++) {
    const row: number[] = [];
    for (let c = 0; c < C; c++) {
      const root = find(r * C + c);
      let k = index.get(root);
      if (k === undefined) {
        k = spans.length;
        index.set(root, k);
        spans.push({ row: r, col: c, rows: 1, cols: 1 });
      }
      // the bounding box of the squares (one rectangle when the rules are whole)
      const s = spans[k]!;
      const [right, bottom] = [Math.max(s.col + s.cols, c + 1), Math.max(s.row + s.rows, r + 1)];
      s.col = Math.min(s.col, c);
      s.cols = right - s.col;
      s.rows = bottom - s.row;
      row.push(k);
    }
    owner.push(row);
  }
  return { xs, ys, owner, spans };
}

/** Index of the interval of `edges` holding v (clamped to the first and last). */
function intervalOf(edges: readonly number[], v: number): number {
  let k = 0;
  while (k < edges.length - 2 && v >= edges[k + 1]!) k++;
  return k;
}

/**
 * Split a run at the vertical rules it crosses (a run printed across two cells), assuming
 * characters of equal width.
 */
function splitAtRules(run: TextRun, cuts: readonly number[]): TextRun[] {
  const chars = [...run.str];
  const inner = cuts.filter((x) => x > run.x + 1 && x < run.x + run.w - 1);
  if (inner.length === 0 || chars.length < 2) return [run];
  const cw = run.w / chars.length;
  const out: TextRun[] = [];
  let start = 0;
  for (const x of [...inner, Infinity]) {
    const end = x === Infinity ? chars.length : Math.min(chars.length, Math.max(start, Math.round((x - run.x) / cw)));
    if (end > start) out.push({ ...run, str: chars.slice(start, end).join(''), x: run.x + start * cw, w: (end - start) * cw });
    start = end;
  }
  return out;
}

/** A run's centre, a little above its baseline. */
const centreOf = (r: TextRun) => ({ x: r.x + r.w / 2, y: r.y - 0.35 * r.size });

/** The cells of a table with their text; the runs not inside it are returned. */
export function fillTable(t: TableFrame, runs: readonly TextRun[]): { table: Table; rest: TextRun[] } {
  const { xs, ys, owner, spans } = t.grid;
  const inCell: TextRun[][] = spans.map(() => []);
  const rest: TextRun[] = [];
  for (const run of runs) {
    const c = centreOf(run);
    if (c.x < t.x0 - 1 || c.x > t.x1 + 1 || c.y < t.y0 - 1 || c.y > t.y1 + 1) {
      rest.push(run);
      continue;
    }
    const r = intervalOf(ys, c.y);
    const cuts = xs.slice(1, -1).filter((x, k) => owner[r]![k] !== owner[r]![k + 1]);
    for (const part of splitAtRules(run, cuts)) {
      const pc = centreOf(part);
      inCell[owner[intervalOf(ys, pc.y)]![intervalOf(xs, pc.x)]!]!.push(part);
    }
  }
  const cells: GridCell[] = spans
    .map((s, k) => ({
      row: s.row,
      col: s.col,
      x0: xs[s.col]!,
      x1: xs[s.col + s.cols]!,
      y0: ys[s.row]!,
      y1: ys[s.row + s.rows]!,
      text: cellText(inCell[k]!),
    }))
    // slivers between double rules hold no cell
    .filter((c) => c.x1 - c.x0 >= SNAP * 1.5 && c.y1 - c.y0 >= SNAP * 1.5)
    .sort((p, q) => p.row - q.row || p.col - q.col);
  return { table: { x0: t.x0, x1: t.x1, y0: t.y0, y1: t.y1, cells }, rest };
}

/** The text of one cell: its lines, top to bottom, joined (a label wrapped inside its cell is one label). */
function cellText(runs: readonly TextRun[]): string {
  let text = '';
  for (const line of runsToLines(runs)) text = joinText(text, line.text, true);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Tables without rules

/** The parts of a line that stand apart (gap over 1.5 characters): the cells of a row without rules. */
function segmentsOf(line: TextLine): { text: string; x0: number; x1: number }[] {
  const segs: { runs: TextRun[]; x1: number }[] = [];
  for (const r of line.runs) {
    if (r.str.trim() === '') continue;
    const s = segs[segs.length - 1];
    if (s && r.x - s.x1 <= 1.5 * Math.max(r.size, 1)) {
      s.runs.push(r);
      s.x1 = Math.max(s.x1, r.x + r.w);
    } else segs.push({ runs: [r], x1: r.x + r.w });
  }
  return segs.map((s) => ({ ...lineOf(s.runs), x1: s.x1 }));
}

const isValue = (s: string) => readValue(s) !== null && s.trim() !== '';

/**
 * Rows of a table printed without rules: a line whose parts stand apart in columns is a row; a
 * line of label text alone next to such rows (a label wrapped in its cell, the values set in the
 * middle of the cell's height) belongs to the row whose line is nearest. By line index: the row
 * that line starts, and every line used.
 */
function streamRows(lines: readonly TextLine[]): { rowAt: Map<number, string[]>; used: Set<number> } {
  const segs = lines.map(segmentsOf);
  const isRow = segs.map((s) => s.length >= 2 && (s.some((p) => isValue(p.text)) || s.length >= 3));
  const rowAt = new Map<number, string[]>();
  const used = new Set<number>();
  if (isRow.filter(Boolean).length < 2) return { rowAt, used };
  const before = new Map<number, string[]>();
  const after = new Map<number, string[]>();
  lines.forEach((l, i) => {
    if (isRow[i] || segs[i]!.length !== 1 || isValue(l.text)) return;
    // the nearest row line above and below, at most two lines away
    const prev = [i - 1, i - 2].find((j) => j >= 0 && isRow[j]);
    const next = [i + 1, i + 2].find((j) => j < lines.length && isRow[j]);
    const dist = (j: number | undefined) => (j === undefined ? Infinity : Math.abs(lines[j]!.y - l.y));
    const j = dist(prev) <= dist(next) ? prev : next;
    if (j === undefined || dist(j) > 1.6 * l.size) return;
    const side = j > i ? before : after;
    side.set(j, [...(side.get(j) ?? []), l.text]);
    used.add(i);
  });
  lines.forEach((_, i) => {
    if (!isRow[i]) return;
    const cells = segs[i]!.map((p) => p.text);
    const own = isValue(cells[0]!) ? [] : [cells.shift()!];
    const label = [...(before.get(i) ?? []), ...own, ...(after.get(i) ?? [])].reduce((a, b) => joinText(a, b, true), '');
    rowAt.set(i, label === '' ? cells : [label, ...cells]);
    used.add(i);
  });
  return { rowAt, used };
}

// ---------------------------------------------------------------------------------------------
// Pages to document lines

const PAGE_NUMBER = [
  /^[-—–－~_\s]*[0-9]+[-—–－~_\s]*$/,
  /^第\s*[0-9]+\s*页\s*[,，、/]?\s*(共\s*[0-9]+\s*页)?$/,
  /^共\s*[0-9]+\s*页\s*[,，、/]?\s*第\s*[0-9]+\s*页$/,
  /^[0-9]+\s*\/\s*[0-9]+$/,
  /^page\s*[0-9]+(\s*(of|\/)\s*[0-9]+)?$/i,
];

export const isPageNumber = (text: string): boolean => PAGE_NUMBER.some((re) => re.test(text.normalize('NFKC').trim()));

/** A cell of a table row with where it is across the page (NaN for rows read without rules). */
interface RowCell {
  text: string;
  x0: number;
  x1: number;
}

type Block = { kind: 'line'; line: TextLine; page: number } | { kind: 'rows'; rows: RowCell[][]; page: number; y: number };

/** What a page holds, top to bottom: lines of text and table rows. */
/**
 * Runs without the copies some writers print for a bold face (the same text again a fraction of a
 * point away).
 */
export function withoutOverprint(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  const seen = new Map<string, TextRun[]>();
  for (const r of runs) {
    if (r.str.trim() === '') continue;
    const same = seen.get(r.str) ?? [];
    const tol = 0.2 * Math.max(r.size, 1);
    if (same.some((q) => Math.abs(q.x - r.x) <= tol && Math.abs(q.y - r.y) <= tol)) continue;
    same.push(r);
    seen.set(r.str, same);
    out.push(r);
  }
  return out;
}

function pageBlocks(page: PageContent, index: number): Block[] {
  let runs = withoutOverprint(page.runs);
  const blocks: Block[] = [];
  for (const t of findTables(page.rules)) {
    const { table, rest } = fillTable(t, runs);
    // a box drawn round a paragraph is one cell, not a table: its text stays text
    if (table.cells.length < 2) continue;
    runs = rest;
    const rows: RowCell[][] = [];
    let last = -1;
    for (const c of table.cells) {
      if (c.row !== last) rows.push([]);
      rows[rows.length - 1]!.push({ text: c.text, x0: c.x0, x1: c.x1 });
      last = c.row;
    }
    blocks.push({ kind: 'rows', rows, page: index, y: table.y0 });
  }
  const lines = runsToLines(runs);
  const { rowAt, used } = streamRows(lines);
  let group: RowCell[][] = [];
  let groupY = 0;
  const flush = () => {
    if (group.length > 0) blocks.push({ kind: 'rows', rows: group, page: index, y: groupY });
    group = [];
  };
  lines.forEach((l, i) => {
    const row = rowAt.get(i);
    if (row) {
      if (group.length === 0) groupY = l.y - l.size;
      group.push(row.map((text) => ({ text, x0: NaN, x1: NaN })));
      return;
    }
    if (used.has(i)) return;
    flush();
    blocks.push({ kind: 'line', line: l, page: index });
  });
  flush();
  return blocks.sort((p, q) => topOf(p) - topOf(q));
}

const topOf = (b: Block) => (b.kind === 'line' ? b.line.y - b.line.size : b.y);

/** Text a running header or footer repeats, with its page number taken out. */
const repeatKey = (text: string) => text.normalize('NFKC').replace(/[0-9]+/g, '#').replace(/\s+/g, '');

/**
 * Drop page numbers and running headers and footers: the first and last lines of a page that are
 * a page number, or text repeated at the same place on other pages.
 */
function dropFurniture(pages: Block[][], heights: readonly number[]): Block[][] {
  // up to two lines at the top and at the bottom of a page, before any table
  const edgeLines = (blocks: Block[]) => {
    const out = new Set<Extract<Block, { kind: 'line' }>>();
    for (const end of [blocks.slice(0, 2), blocks.slice(-2).reverse()]) {
      for (const b of end) {
        if (b.kind !== 'line') break;
        out.add(b);
      }
    }
    return [...out];
  };
  const counts = new Map<string, number>();
  for (const blocks of pages) {
    const seen = new Set<string>();
    for (const b of edgeLines(blocks)) {
      const k = `${repeatKey(b.line.text)}@${Math.round(b.line.y / 4)}`;
      if (!seen.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
      seen.add(k);
    }
  }
  return pages.map((blocks, p) => {
    const h = heights[p]!;
    const drop = new Set<Block>();
    for (const b of edgeLines(blocks)) {
      const inMargin = b.line.y < 0.12 * h || b.line.y > 0.88 * h;
      const repeated = pages.length >= 2 && (counts.get(`${repeatKey(b.line.text)}@${Math.round(b.line.y / 4)}`) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
      if ((inMargin && isPageNumber(b.line.text)) || (repeated && (inMargin || isPageNumber(b.line.text)))) drop.add(b);
    }
    return blocks.filter((b) => !drop.has(b));
  });
}

const ROW_START = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[.、．](?!\d))/;
const sameCells = (a: readonly RowCell[], b: readonly RowCell[]) =>
  a.length === b.length && a.every((c, i) => Math.abs(c.x0 - b[i]!.x0) <= SNAP && Math.abs(c.x1 - b[i]!.x1) <= SNAP);

/**
 * A row broken across a page (Word lets a row break): the table on the next page starts with the
 * rest of the last row — the same cells, across the same columns, its label going on (not a new
 * item: 1. （一） 一、), each value printed on one side of the break only. That row is joined to the
 * last one. Header rows repeated at the top of the next page come before it.
 */
function joinSplitRows(blocks: Block[]): Block[] {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const [a, b] = [blocks[i]!, blocks[i + 1]!];
    if (a.kind !== 'rows' || b.kind !== 'rows' || b.page !== a.page + 1 || a.rows.length === 0) continue;
    const last = a.rows[a.rows.length - 1]!;
    if (last.some((c) => Number.isNaN(c.x0))) continue;
    // skip repeated header rows (no value in them) to the first row laid out as the last one
    let k = 0;
    while (k < Math.min(b.rows.length, 4) && !sameCells(b.rows[k]!, last) && !b.rows[k]!.some((c) => isValue(c.text))) k++;
    const next = b.rows[k];
    if (!next || !sameCells(next, last)) continue;
    const labels = next.filter((c) => c.text !== '' && !isValue(c.text));
    // the rest of the label, or (the label all on the last page) the values alone
    const rest = labels.length > 0 ? !labels.some((c) => ROW_START.test(c.text.trim())) : next.some((c) => isValue(c.text)) && !last.some((c) => isValue(c.text));
    if (!rest) continue;
    if (next.some((c, j) => isValue(c.text) && isValue(last[j]!.text))) continue;
    a.rows[a.rows.length - 1] = last.map((c, j) => ({ ...c, text: joinText(c.text, next[j]!.text, true) }));
    b.rows.splice(k, 1);
  }
  return blocks.filter((b) => b.kind !== 'rows' || b.rows.length > 0);
}

/** The most common value (rounded to a point) that occurs at least twice, else the fallback. */
function commonEdge(values: readonly number[], pick: (a: number, b: number) => boolean, fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, c] of counts) if (c >= 2 && (best === null || pick(v, best))) best = v;
  return best ?? fallback;
}

/** Closing marks a line never starts with: they go with the character before them. */
const CLOSING = /^[，。、；：！？）》」』”’%,.;:!?)\]]/;

/** How wide the first unbreakable piece of a line is: a Chinese character with the marks after it, or a word. */
function firstWordWidth(l: TextLine): number {
  const word = /^[A-Za-z0-9.,%+\-/]+/.exec(l.text)?.[0];
  if (word) return word.length * 0.55 * l.size;
  let n = 1;
  while (n < l.text.length && CLOSING.test(l.text.slice(n))) n++;
  return n * l.size;
}

const SENTENCE_END = /[。！？!?；;：:]$/;
const ITEM_START = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))/;

/** The document's lines: paragraphs, and table rows as cell lines each followed by a blank line. */
export function pagesToLines(pages: readonly PageContent[]): DocLine[] {
  const blocks = joinSplitRows(
    dropFurniture(
      pages.map((p, i) => pageBlocks(p, i)),
      pages.map((p) => p.height),
    ).flat(),
  );
  const lines = blocks.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line').map((b) => b.line);
  if (lines.length === 0 && blocks.length === 0) return [];
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(Math.round(l.size), (sizes.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const left = commonEdge(lines.map((l) => l.x0), (a, b) => a < b, Math.min(...lines.map((l) => l.x0)));
  const right = commonEdge(lines.map((l) => l.x1), (a, b) => a > b, Math.max(...lines.map((l) => l.x1)));

  // the distance from one line of a paragraph to the next (the median of the usual ones)
  const steps: number[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const [p, q] = [blocks[i - 1]!, blocks[i]!];
    if (p.kind !== 'line' || q.kind !== 'line' || p.page !== q.page || Math.abs(p.line.size - body) > 0.5 || Math.abs(q.line.size - body) > 0.5) continue;
    const d = q.line.y - p.line.y;
    if (d > 0.9 * body && d < 3 * body) steps.push(d);
  }
  steps.sort((a, b) => a - b);
  const pitch = steps.length >= 3 ? steps[Math.floor(steps.length / 2)]! : null;

  const out: DocLine[] = [];
  let para: { text: string; last: TextLine; page: number; title: boolean } | null = null;
  const flush = () => {
    if (para && para.text.trim() !== '') out.push({ text: para.text.trim(), cell: false, blank: false });
    para = null;
  };
  for (const b of blocks) {
    if (b.kind === 'rows') {
      flush();
      for (const row of b.rows) {
        for (const c of row) out.push({ text: c.text, cell: true, blank: false });
        out.push({ text: '', cell: false, blank: true });
      }
      continue;
    }
    const l = b.line;
    // a title: set larger than the body; its lines (centred, or the first one full) are one paragraph
    const title = l.size >= body * 1.1;
    if (para) {
      const prev: TextLine = para.last;
      const sameSize = Math.abs(prev.size - l.size) <= 0.15 * l.size;
      const near = b.page !== para.page || (l.y - prev.y > 0 && l.y - prev.y <= (pitch ?? 2 * l.size) * 1.25);
      // the line ran to the right margin: the next line's first word would not have fitted on it
      const full = right - prev.x1 < firstWordWidth(l) + 0.5 * prev.size;
      const atLeft = l.x0 <= left + 0.6 * l.size;
      const continues = !para.title && full && atLeft && !(SENTENCE_END.test(para.text) && ITEM_START.test(l.text));
      const titleGoesOn = para.title && title && b.page === para.page && l.y - prev.y <= 2.2 * l.size;
      if (sameSize && near && (continues || titleGoesOn)) {
        para.text = joinText(para.text, l.text, false);
        para.last = l;
        continue;
      }
    }
    flush();
    para = { text: l.text, last: l, page: b.page, title };
  }
  flush();
  return out;
}
