import { describe, expect, it } from 'vitest';
import type { ValueKind } from '../model/tables.ts';
import { normalizeText, parseCell, type CellResult } from './values.ts';

/** A reason must be Chinese: the user reads it next to the cell. */
const CJK = /[\u4e00-\u9fff]/;

const value = (r: CellResult): number | null => {
  if (!r.ok) throw new Error(`expected ok, got error ${r.reason}`);
  return r.value;
};

describe('normalizeText', () => {
  it.each([
    ['康驿镇', '康驿镇'],
    ['  康驿镇 ', '康驿镇'],
    ['\ufeff康驿镇', '康驿镇'],
    ['康驿\u00a0\u00a0镇', '康驿 镇'],
    ['康驿\u3000镇', '康驿 镇'],
    ['康驿\r\n镇', '康驿 镇'],
    ['１２３', '123'],
    ['县（市、区）', '县(市、区)'],
    ['１，２３４', '1,234'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});

describe('parseCell: values people type', () => {
  it.each<[string, unknown, ValueKind, number]>([
    ['plain zero', '0', 'count', 0],
    ['zero with trailing space', '0 ', 'count', 0],
    ['zero with trailing NBSP', '0\u00a0', 'count', 0],
    ['number wrapped in NBSP', '\u00a012\u00a0', 'count', 12],
    ['ideographic space before', '\u30007', 'count', 7],
    ['tabs and spaces around', ' \t12 \t', 'count', 12],
    ['BOM before', '\ufeff5', 'count', 5],
    ['full-width digits', '１２', 'count', 12],
    ['full-width digits, five', '１２３４５', 'count', 12345],
    ['thousands separator', '1,234', 'count', 1234],
    ['full-width thousands separator', '１，２３４', 'count', 1234],
    ['several groups', '12,345,678', 'count', 12345678],
    ['explicit plus sign', '+5', 'count', 5],
    ['leading zeros', '007', 'count', 7],
    ['integer written with .0', '2.0', 'count', 2],
    ['largest accepted', '2000000000', 'count', 2_000_000_000],
    ['negative change', '-3', 'change', -3],
    ['negative change, full-width minus', '－３', 'change', -3],
    ['negative change, U+2212 minus', '\u22123', 'change', -3],
    ['zero change', '0', 'change', 0],
    ['positive change', '+4', 'change', 4],
    ['amount with decimals', '14.55', 'amount', 14.55],
    ['amount below one', '0.35', 'amount', 0.35],
    ['amount without leading zero', '.5', 'amount', 0.5],
    ['amount, full-width decimal point', '１２．５', 'amount', 12.5],
    ['grouped amount with decimals', '1,234.5', 'amount', 1234.5],
    ['integer amount', '30', 'amount', 30],
  ])('%s: %j (%s) → %d', (_name, raw, kind, expected) => {
    expect(parseCell(raw, kind)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, ValueKind]>([
    ['', 'count'],
    [' ', 'count'],
    ['\u00a0', 'count'],
    ['\u3000', 'count'],
    [null, 'count'],
    [undefined, 'count'],
    ['-', 'count'],
    [' - ', 'count'],
    ['—', 'count'],
    ['——', 'count'],
    ['–', 'count'],
    ['―', 'count'],
    ['/', 'count'],
    ['／', 'count'],
    ['－', 'count'],
    ['-', 'change'],
    ['—', 'amount'],
    ['', 'amount'],
    [null, 'change'],
  ])('%j (%s) is not reported: null, not zero', (raw, kind) => {
    expect(parseCell(raw, kind)).toEqual({ ok: true, value: null });
  });

  it.each<[string, unknown, ValueKind, string]>([
    ['negative count', '-1', 'count', '件数不能为负数'],
    ['negative count, full-width', '－１', 'count', '件数不能为负数'],
    ['negative count, U+2212 minus', '\u22125', 'count', '件数不能为负数'],
    ['fractional count', '1.5', 'count', '件数应为整数'],
    ['fractional count, full-width', '１．５', 'count', '件数应为整数'],
    ['fractional change', '-1.5', 'change', '增减数应为整数'],
    ['negative amount', '-0.5', 'amount', '金额不能为负数'],
    ['negative amount, grouped', '-1,234.5', 'amount', '金额不能为负数'],
    ['letters', 'abc', 'count', '不是数字'],
    ['scientific notation', '1e5', 'count', '不是数字'],
    ['scientific notation, Excel style', '1.2E+05', 'amount', '不是数字'],
    ['formula', '=1+1', 'count', '不是数字'],
    ['SUM formula', '=SUM(A1:A3)', 'count', '不是数字'],
    ['number with unit', '12件', 'count', '不是数字'],
    ['80余', '80余', 'count', '不是数字'],
    ['misplaced separator', '1,23', 'count', '不是数字'],
    ['four digits after separator', '1,2345', 'count', '不是数字'],
    ['two decimal points', '1.2.3', 'amount', '不是数字'],
    ['trailing decimal point', '5.', 'amount', '不是数字'],
    ['hexadecimal', '0x10', 'count', '不是数字'],
    ['Infinity as text', 'Infinity', 'count', '不是数字'],
    ['NaN as text', 'NaN', 'count', '不是数字'],
    ['accounting negative', '(5)', 'change', '不是数字'],
    ['two signs', '--5', 'change', '不是数字'],
    ['just over the limit', '2000000001', 'count', '数值过大'],
    ['twenty digits', '99999999999999999999', 'count', '数值过大'],
    ['huge grouped', '1,000,000,000,000', 'count', '数值过大'],
    ['huge negative change', '-3000000000', 'change', '数值过大'],
    ['huge amount', '5000000000.5', 'amount', '数值过大'],
  ])('%s: %j (%s) → error %s', (_name, raw, kind, reason) => {
    expect(parseCell(raw, kind)).toEqual({ ok: false, reason });
    expect(reason).toMatch(CJK);
  });
});

describe('parseCell: values that are already numbers (JSON)', () => {
  it.each<[number, ValueKind, number]>([
    [0, 'count', 0],
    [5, 'count', 5],
    [2_000_000_000, 'count', 2_000_000_000],
    [-3, 'change', -3],
    [12.5, 'amount', 12.5],
    [0, 'amount', 0],
  ])('%d (%s) → %d', (raw, kind, expected) => {
    expect(parseCell(raw, kind)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, ValueKind, string]>([
    [-1, 'count', '件数不能为负数'],
    [1.5, 'count', '件数应为整数'],
    [0.5, 'change', '增减数应为整数'],
    [-0.01, 'amount', '金额不能为负数'],
    [3e9, 'count', '数值过大'],
    [-3e9, 'change', '数值过大'],
    [NaN, 'count', '不是有限的数字'],
    [Infinity, 'amount', '不是有限的数字'],
    [-Infinity, 'change', '不是有限的数字'],
    [true, 'count', '不是数字'],
    [false, 'count', '不是数字'],
    [{}, 'count', '不是数字'],
    [[1], 'count', '不是数字'],
    [5n, 'count', '不是数字'],
  ])('%s (%s) → error %s', (raw, kind, reason) => {
    expect(parseCell(raw, kind)).toEqual({ ok: false, reason });
    expect(reason).toMatch(CJK);
  });

  it('returns a plain number, not a string, for text input', () => {
    expect(typeof value(parseCell('１，２３４', 'count'))).toBe('number');
    expect(typeof value(parseCell(7, 'count'))).toBe('number');
  });
});

describe('parseCell: negative zero', () => {
  // Intl formats -0 as "-0", so a count typed as "-0" must come back as plain 0.
  it.each<[unknown, ValueKind]>([
    ['-0', 'count'],
    ['－０', 'count'],
    ['-0', 'change'],
    ['-0.0', 'amount'],
    [-0, 'count'],
    [-0, 'amount'],
  ])('%j (%s) → +0', (raw, kind) => {
    expect(Object.is(value(parseCell(raw, kind)), 0)).toBe(true);
  });
});

describe('spaces inside numbers', () => {
  it('reads `1 234` as a number grouped by spaces', () => {
    expect(value(parseCell('1 234', 'count'))).toBe(1234);
    expect(value(parseCell('12 345 678', 'count'))).toBe(12345678);
  });
  it.each(['12 13', '1 23', '1 2 3'])('refuses %j: two numbers typed into one cell', (raw) => {
    const r = parseCell(raw, 'count');
    expect(r.ok).toBe(false);
  });
});

describe('digits that only look like digits', () => {
  it.each(['56¹', '3²', '①', '１２³', '⑩', '₅', '⒈'])('%s is an error, never folded into another number', (raw) => {
    const r = parseCell(raw, 'count');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('特殊数字');
  });

  it.each([
    ['１２', 12],
    ['１，２３４', 1234],
    ['1,234', 1234],
    ['０', 0],
  ])('full-width %s is still read as %s', (raw, v) => expect(parseCell(raw, 'count')).toEqual({ ok: true, value: v }));
});
