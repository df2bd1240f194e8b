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

/**
 * One cell as read: `0 0 0` is three value cells; `规章 0 0 0` a label and three values. Text that
 * does not end in values stays one cell.
 */
export function splitCell(part: string): string[] {
  const trimmed = part.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  if (readValue(trimmed) !== null) return [trimmed];
  const words = trimmed.split(/[\s\u00a0\u3000]+/);
  let k = words.length;
  while (k > 0 && readValue(words[k - 1]!) !== null) k--;
  if (k === words.length) return [trimmed];
  const label = words.slice(0, k).join(' ');
  if (label !== '' && !/[\u4e00-\u9fff]/.test(label)) return [trimmed];
  return [...(label === '' ? [] : [label]), ...words.slice(k)];
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
