/**
 * Table cells as printed: a cell is either a value (`0`, `０`, `0 `, `12件`, empty, `—`) or a label
 * (`（一）予以公开`, `3.危及“三安全一稳定”`). Labels are compared through a key that ignores
 * spacing, full-width forms, quotes and item numbers.
 */
import { normalizeText } from '../ingest/values.ts';
import { stripPinyin, toSimplified } from './hant.ts';

/** Marks that mean "not reported" in a value cell. */
const EMPTY_MARKS = new Set(['', '-', '—', '——', '–', '/', '－', '―', '─', '无', '\\']);

const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const UNIT = /\s?(件|项|個|个|条|條|次|万元|萬元|元)$/;

/**
 * A value cell: a number (with the unit printed in the cell, if any: `80618元`), or empty (not
 * reported).
 */
export type CellValue = { kind: 'number'; value: number; unit?: string } | { kind: 'empty' };

/** The value a cell holds, or null when the cell is a label (any other text). */
export function readValue(text: string): CellValue | null {
  const s = normalizeText(text).replace(/\u2212/g, '-');
  if (EMPTY_MARKS.has(s)) return { kind: 'empty' };
  const u = UNIT.exec(s);
  const unit = u?.[1];
  const bare = u ? s.slice(0, s.length - u[0].length) : s;
  const value = NUMBER.test(bare) ? Number(bare) || 0 : GROUPED.test(bare) ? Number(bare.replace(/,/g, '')) : null;
  if (value === null) return null;
  return unit ? { kind: 'number', value, unit: toSimplified(unit) } : { kind: 'number', value };
}

/** A blank cell: nothing in it at all (not a mark such as `—`). */
export function isBlank(text: string): boolean {
  return normalizeText(text) === '';
}

/** A value cell that holds something (a number or a mark such as `—`), not a blank cell. */
export function isFilledValue(text: string): boolean {
  return normalizeText(text) !== '' && readValue(text) !== null;
}

const QUOTES = /[“”"「」『』‘’'〝〞]/g;
/** Item numbers in front of a label: 一、 （一） (1) 1. 1、 (① is dropped before NFKC turns it into 1). */
const ITEM_NUMBER = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)[、.]?|\d+[.、)](?!\d))/;

/**
 * The comparison key of a label: simplified characters (traditional mirrors, pinyin dropped),
 * NFKC, no whitespace, no quotes, no leading item numbers.
 */
export function labelKey(text: string): string {
  let s = toSimplified(stripPinyin(text))
    .replace(/^[\s\u00a0\u3000]*[①-⑳]/, '')
    .normalize('NFKC').replace(/[\s\u00a0\u3000\ufeff]+/g, '').replace(QUOTES, '');
  for (let i = 0; i < 3; i++) {
    const next = s.replace(ITEM_NUMBER, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

const BRACKETED = /\([^()]*\)/g;

/**
 * The key rows and headers are matched by: labelKey without bracketed notes (the 2019 trial
 * form's `规章（设区的市…应提供相关数据）`, `处理决定数量（指2020年办件量）`), and a label printed
 * twice (`本年制发件数本年制发件数`) once.
 */
export function matchKey(text: string): string {
  const key = labelKey(text);
  let s = key;
  for (let i = 0; i < 3 && s.includes('('); i++) s = s.replace(BRACKETED, '');
  if (s === '') s = key;
  const half = s.length / 2;
  if (s.length >= 4 && Number.isInteger(half) && s.slice(0, half) === s.slice(half)) s = s.slice(0, half);
  return s;
}

/** A cell's text as printed, trimmed, with inner runs of spaces collapsed. */
export function printed(text: string): string {
  return text.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
}
