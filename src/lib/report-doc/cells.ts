/**
 * The document as lines and as a stream of cells. The text export of a published report puts one
 * table cell per line, tab-indented, with a blank line between table rows; paragraphs are lines
 * without indentation. Rows may also hold their values on one line (`规章\t0\t0\t0`, `规章 0 0 0`).
 */
import { readValue } from './labels.ts';

export interface DocLine {
  /** the line without its indentation */
  text: string;
  /** a table cell (tab-indented) rather than a paragraph */
  cell: boolean;
  /** a blank line: between table rows */
  blank: boolean;
}

export type Token = { kind: 'break'; line: number } | { kind: 'cell'; text: string; line: number };

/** Word's hidden bookmarks survive some exports as `[bookmark: _GoBack]`. */
const ARTIFACT = /^\[bookmark:[^\]]*\]$/;

/** Split a text export into lines; a line is a cell when it starts with a tab. */
export function textToLines(text: string): DocLine[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .filter((raw) => !ARTIFACT.test(raw.trim()))
    .map((raw) => {
      const cell = raw.startsWith('\t');
      const body = cell ? raw.replace(/^\t+/, '') : raw;
      const blank = !cell && raw.trim() === '';
      return { text: body, cell, blank };
    });
}

/** The document as plain text: one paragraph or non-empty cell per line. */
export function linesToText(lines: readonly DocLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    for (const part of l.text.split('\t')) {
      const t = part.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
      if (t !== '') out.push(t);
    }
  }
  return out.join('\n');
}

/** A label word that starts a new label (an item number): 一、 （一） 1. 3．. */
const ITEM_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d[.．、](?!\d))/;

/**
 * Where labels and their digits run together without a separator (`规章000行政规范性文件213`,
 * `…申请数量0000000二、上年结转…`, `…0000000 3.危及…`): before a row label that follows digits.
 */
const RUN_TOGETHER = new RegExp(
  '(?<=\\d)(?=' +
    [
      '规章', '規章', '(?:行政)?规范性文件', '(?:行政)?規範性文件', '行政许可', '行政許可', '其他对外', '其他對外', '行政处罚', '行政處罰',
      '行政强制', '行政強制', '行政事业性收费', '行政事業性收費', '政府集中采购', '政府集中採購', '行政检查', '行政檢查', '行政确认', '行政確認',
      '其他主动', '其他主動', '第二十条', '第二十條', '[一二三四五六七八九十]+、', '[（(][一二三四五六七八九十]+[）)]', '\\d[.．、][\\u4e00-\\u9fff]',
    ].join('|') +
    ')',
  'g',
);

/**
 * One cell as read: `0 0 0` is three value cells; `规章 0 0 0` a label and three values; a row
 * flattened onto one line (`规章 0 0 0 行政规范性文件 2 1 5`) its labels and values, a label
 * starting again at an item number (`三、本年度办理结果 （一）予以公开 …`). Text that does not
 * end in values stays one cell (a sentence such as `2020 年，我单位…`), except that labels run
 * together with their digits are cut before each row label (see RUN_TOGETHER).
 */
export function splitCell(part: string): string[] {
  const trimmed = part.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (readValue(trimmed) !== null) return [trimmed];
  const words = trimmed.split(/[\s\u00a0\u3000]+/);
  if (readValue(words[words.length - 1]!) === null) return cutRunTogether(trimmed);
  const out: string[] = [];
  let label: string[] = [];
  const flush = () => {
    if (label.length > 0) for (const c of cutRunTogether(label.join(' '))) out.push(c);
    label = [];
  };
  for (const w of words) {
    if (readValue(w) !== null) {
      flush();
      out.push(w);
    } else {
      if (label.length > 0 && ITEM_START.test(w)) flush();
      label.push(w);
    }
  }
  flush();
  // a label without Han characters (`ABC 1 2`) is not a table row: keep the text whole
  if (out.some((c) => readValue(c) === null && !/[\u4e00-\u9fff]/.test(c))) return [trimmed];
  return out;
}

function cutRunTogether(text: string): string[] {
  if (!/\d/.test(text)) return [text];
  return text.split(RUN_TOGETHER).filter((p) => p !== '');
}

/** The cells of the document in order, with a break at every row end. */
export function tokenize(lines: readonly DocLine[]): Token[] {
  const out: Token[] = [];
  const brk = (line: number) => {
    if (out.length > 0 && out[out.length - 1]!.kind !== 'break') out.push({ kind: 'break', line });
  };
  lines.forEach((l, line) => {
    if (l.blank) return brk(line);
    if (!l.cell) brk(line);
    for (const part of l.text.split('\t')) {
      for (const text of splitCell(part)) out.push({ kind: 'cell', text, line });
    }
    if (!l.cell) brk(line);
  });
  return out;
}

/** Group tokens into rows (the cells between two breaks). */
export function rowsOf(tokens: readonly Token[]): { cells: string[]; at: number }[] {
  const rows: { cells: string[]; at: number }[] = [];
  let cur: string[] = [];
  let at = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'break') {
      if (cur.length > 0) rows.push({ cells: cur, at });
      cur = [];
      return;
    }
    if (cur.length === 0) at = i;
    cur.push(t.text);
  });
  if (cur.length > 0) rows.push({ cells: cur, at });
  return rows;
}
