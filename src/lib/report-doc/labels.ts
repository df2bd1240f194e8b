/**
 * Table cells as printed: a cell is either a value (`0`, `０`, `0 `, `12件`, empty, `—`) or a label
 * (`（一）予以公开`, `3.危及“三安全一稳定”`). Labels are compared through a key that ignores
 * spacing, full-width forms, quotes and item numbers.
 */
import { normalizeText } from '../ingest/values.ts';

/** Marks that mean "not reported" in a value cell. */
const EMPTY_MARKS = new Set(['', '-', '—', '——', '–', '/', '－', '―', '─', '无', '\\']);

const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const UNIT = /(件|项|个|条|次|万元|元)$/;

/** A value cell: a number, or empty (not reported). */
export type CellValue = { kind: 'number'; value: number } | { kind: 'empty' };

/** The value a cell holds, or null when the cell is a label (any other text). */
export function readValue(text: string): CellValue | null {
  const s = normalizeText(text).replace(/\u2212/g, '-');
  if (EMPTY_MARKS.has(s)) return { kind: 'empty' };
  const bare = s.replace(UNIT, '');
  if (NUMBER.test(bare)) return { kind: 'number', value: Number(bare) || 0 };
  if (GROUPED.test(bare)) return { kind: 'number', value: Number(bare.replace(/,/g, '')) };
  return null;
}

/** A value cell that holds something (a number or a mark such as `—`), not a blank cell. */
export function isFilledValue(text: string): boolean {
  return normalizeText(text) !== '' && readValue(text) !== null;
}

const QUOTES = /[“”"「」『』‘’'〝〞]/g;
/** Item numbers in front of a label: 一、 （一） (1) 1. 1、 (① is dropped before NFKC turns it into 1). */
const ITEM_NUMBER = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[.、)](?!\d))/;

/** The comparison key of a label: NFKC, no whitespace, no quotes, no leading item numbers. */
export function labelKey(text: string): string {
  let s = text
    .replace(/^[\s\u00a0\u3000]*[①-⑳]/, '')
    .normalize('NFKC').replace(/[\s\u00a0\u3000\ufeff]+/g, '').replace(QUOTES, '');
  for (let i = 0; i < 3; i++) {
    const next = s.replace(ITEM_NUMBER, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

/** A cell's text as printed, trimmed, with inner runs of spaces collapsed. */
export function printed(text: string): string {
  return text.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
}
