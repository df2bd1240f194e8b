/**
 * Cell values as people type them: `0 `, full-width digits `１２`, `1,234`, empty cells and
 * `—` / `-` / `/` meaning "not reported".
 */
import type { ValueKind } from '../model/tables.ts';

export type CellResult = { ok: true; value: number | null } | { ok: false; reason: string };

/** Marks that mean "not reported". */
export const EMPTY_MARKS: ReadonlySet<string> = new Set(['', '-', '—', '——', '–', '/', '／', '－', '―', '─']);

/** Printable ASCII words separated by single spaces: what normalizeText leaves as it is. */
const ASCII_PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
/** Other texts already normalised (town and county names repeat in every year's row). */
const normalized = new Map<string, string>();

/** NFKC turns full-width digits, signs, commas and spaces into their ASCII forms. */
export function normalizeText(s: string): string {
  if (ASCII_PLAIN.test(s)) return s;
  let out = normalized.get(s);
  if (out === undefined) {
    out = s.normalize('NFKC').replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
    if (normalized.size >= 65_536) normalized.clear();
    normalized.set(s, out);
  }
  return out;
}

/**
 * A character that NFKC would turn into a digit though it is not one: superscripts (`56¹` would
 * read as 561), subscripts, circled and parenthesised numbers (①), Roman numerals, mathematical
 * digits. Only full-width digits (１２) are folded, as people type them on a Chinese keyboard.
 */
function oddDigit(raw: string): string | null {
  for (const ch of raw) {
    if (ch.charCodeAt(0) < 0x80 || (ch >= '\uff10' && ch <= '\uff19')) continue;
    const folded = ch.normalize('NFKC');
    if (folded !== ch && /[0-9]/.test(folded)) return ch;
  }
  return null;
}

const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const PLAIN_DIGITS = /^\d{1,9}$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPED = /^[+-]?\d{1,3}( \d{3})+(\.\d+)?$/;

/** Parse one cell for a metric of the given kind. */
export function parseCell(raw: unknown, kind: ValueKind): CellResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkKind(raw, kind);
  if (typeof raw !== 'string') return { ok: false, reason: '不是数字' };
  // Fast path for what most cells hold (empty, or plain digits); the same result as the full path.
  if (raw === '') return { ok: true, value: null };
  if (PLAIN_DIGITS.test(raw)) return checkKind(Number(raw), kind);
  const odd = oddDigit(raw);
  if (odd) return { ok: false, reason: `含上标、下标、圈号等特殊数字「${odd}」，不能当作数字读取（请改为普通数字）` };
  let s = normalizeText(raw).replace(/\u2212/g, '-');
  if (EMPTY_MARKS.has(s)) return { ok: true, value: null };
  // `1 234` is a grouped number; `12 13` is two numbers in one cell, an error.
  if (SPACE_GROUPED.test(s)) s = s.replace(/ /g, '');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!NUMBER.test(s)) return { ok: false, reason: '不是数字' };
  return checkKind(Number(s), kind);
}

function checkKind(n: number, kind: ValueKind): CellResult {
  if (!Number.isFinite(n)) return { ok: false, reason: '不是有限的数字' };
  if (Math.abs(n) > 2_000_000_000) return { ok: false, reason: '数值过大' };
  if (kind === 'count') {
    if (n < 0) return { ok: false, reason: '件数不能为负数' };
    if (!Number.isInteger(n)) return { ok: false, reason: '件数应为整数' };
  } else if (kind === 'change') {
    if (!Number.isInteger(n)) return { ok: false, reason: '增减数应为整数' };
  } else if (n < 0) {
    return { ok: false, reason: '金额不能为负数' };
  }
  // `-0` is read as 0: negative zero would show as "-0" wherever it is formatted.
  return { ok: true, value: n === 0 ? 0 : n };
}
