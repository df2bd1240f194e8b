import { describe, expect, it } from 'vitest';
import { foldChineseYears, parseChineseNumber, parseCount } from './numerals.ts';

describe('parseChineseNumber', () => {
  it.each<[string, number | null]>([
    ['零', 0],
    ['一', 1],
    ['两', 2],
    ['六', 6],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['八十', 80],
    ['一百', 100],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两千', 2000],
    ['三千五百', 3500],
    ['一万二千', 12000],
    ['一二', null],
    ['百十', null],
    ['', null],
    ['十十', null],
  ])('%s → %s', (s, n) => expect(parseChineseNumber(s)).toBe(n));
});

describe('parseCount', () => {
  it.each<[string, number | null]>([
    ['499', 499],
    ['８０', 80],
    ['1,230', 1230],
    ['１，２３０', 1230],
    ['三', 3],
    ['abc', null],
  ])('%s → %s', (s, n) => expect(parseCount(s)).toBe(n));
});

describe('foldChineseYears', () => {
  it.each([
    ['二〇二一年政府信息公开', '2021年政府信息公开'],
    ['二零二二年度', '2022年度'],
    ['一二三', '一二三'],
    ['2021年', '2021年'],
  ])('%s → %s', (s, out) => expect(foldChineseYears(s)).toBe(out));
});
