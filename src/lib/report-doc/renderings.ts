/**
 * Tables as they arrive in copies of portal pages, turned into the lines the readers expect (one
 * cell per line, a blank line at a row's end):
 *
 * - `|` between cells, in every arrangement met: markdown-like rows (`| 规章 | 0 | 0 | 0 |`, with
 *   or without the outer pipes), one cell per line each followed by a lone `|` line, or ending in
 *   ` |`, a `|` line before each row, `| 01` with the pipe in front, and runs of empty cells
 *   (`| | |`, `||||`) where merged cells were. Every `|` is a boundary between two cells: what
 *   stands between two of them is one cell, empty when nothing does. A line with two pipes or more
 *   ends a row.
 * - A whole report on one line: split before its numbered section headings.
 *
 * Only pipes in a cluster of pipe lines near table words or numbers are cells: a page title or a
 * meta line (`来源：… | 字体：大 中 小`) stays a paragraph.
 */
import type { DocLine } from './cells.ts';

const PIPE = /[|｜]/;
const PIPES = /[|｜]/g;

/** Numbered section headings (二、主动公开政府信息情况 …), where a one-line report is split. */
const SECTION_HEADING =
  /(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分[、:：]?)\s*(?:总体情况|(?:行政机关)?主动公开政府信息(?:的)?情况|(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况|(?:因)?政府信息公开(?:工作)?(?:被申请)?行政复议[、，,和及与]?(?:提起)?行政诉讼(?:的)?情况|(?:政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项)/g;

/** Words that only a table (or its headers) has: a cluster of pipe lines with one is a table. */
const TABLE_WORDS =
  /第二十条|第二十條|信息内容|信息內容|规章|規章|本年新|本年制发|行政许可|行政許可|行政处罚|行政處罰|申请人情况|申請人情況|自然人|商业企业|商業企業|予以公开|予以公開|结果维持|結果維持|未经复议|未經復議|行政复议|行政復議|行政複議/;

/** Split a one-line report (two or more numbered section headings on one line) before each heading. */
function splitOneLine(l: DocLine): DocLine[] {
  if (l.blank || l.text.length < 60) return [l];
  const at = [...l.text.matchAll(SECTION_HEADING)];
  if (at.length < 2) return [l];
  const out: DocLine[] = [];
  let from = 0;
  const push = (s: string) => {
    const t = s.trim();
    if (t !== '') out.push({ text: t, cell: l.cell, blank: false });
  };
  for (const m of at) {
    push(l.text.slice(from, m.index));
    // the heading on a line of its own
    push(m[0]);
    from = m.index + m[0].length;
  }
  push(l.text.slice(from));
  return out;
}

/**
 * Which lines hold table pipes: clusters of at least three pipe lines, each within three lines of
 * the next, with a word only a report's table has among them (a page's menus and meta lines,
 * `首页 | 网站地图`, `浏览次数 | 1234`, stay text).
 */
function tablePipeLines(lines: readonly DocLine[]): Set<number> {
  const pipeLines = lines.flatMap((l, i) => (!l.blank && PIPE.test(l.text) ? [i] : []));
  const out = new Set<number>();
  let start = 0;
  for (let k = 1; k <= pipeLines.length; k++) {
    if (k < pipeLines.length && pipeLines[k]! - pipeLines[k - 1]! <= 3) continue;
    const cluster = pipeLines.slice(start, k);
    start = k;
    if (cluster.length < 3) continue;
    const from = cluster[0]!;
    const to = cluster[cluster.length - 1]!;
    let tableLike = false;
    for (let i = Math.max(0, from - 1); i <= to && !tableLike; i++) {
      const t = lines[i]!.text;
      tableLike = TABLE_WORDS.test(t);
    }
    if (tableLike) for (let i = from; i <= to; i++) out.add(i);
  }
  return out;
}

/** A line that may be a cell between pipes: short, not a sentence. */
const cellLike = (t: string) => t.length <= 60 && !/[。；;！!？?]\s*$/.test(t);

/** The lines with table pipes read as cells (see the module comment); other lines as they were. */
function pipesToCells(lines: readonly DocLine[]): DocLine[] {
  const table = tablePipeLines(lines);
  if (table.size === 0) return [...lines];
  const out: DocLine[] = [];
  const cell = (text: string) => out.push({ text: text.trim(), cell: true, blank: false });
  const rowEnd = () => out.push({ text: '', cell: false, blank: true });
  /** a pipe was read, and nothing after it yet: another pipe makes an empty cell */
  let open = false;
  /** the next non-blank line */
  const nextLine = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (!lines[j]!.blank) return j;
    return -1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (table.has(i)) {
      const parts = l.text.split(PIPES);
      if (parts[0]!.trim() !== '') {
        cell(parts[0]!);
        open = false;
      }
      for (let k = 1; k < parts.length; k++) {
        if (open) cell('');
        open = true;
        if (parts[k]!.trim() !== '') {
          cell(parts[k]!);
          open = false;
        }
      }
      if (parts.length >= 3) {
        rowEnd();
        open = false;
      }
      continue;
    }
    if (l.blank) {
      // between two pipes a blank line is nothing: the pipes say where cells are
      if (!open) out.push(l);
      continue;
    }
    const next = nextLine(i);
    const pipeNext = next >= 0 && table.has(next) && /^\s*[|｜]/.test(lines[next]!.text);
    // a cell's text on its own line, closed by the pipe on the next line, or after a pipe
    if (pipeNext || (open && cellLike(l.text.trim()))) {
      cell(l.text);
      open = false;
      continue;
    }
    open = false;
    out.push(l);
  }
  return out;
}

/** The document's lines with every table rendering met on portals turned into cells and rows. */
export function normalizeRenderings(lines: readonly DocLine[]): DocLine[] {
  return pipesToCells(lines.flatMap(splitOneLine));
}
