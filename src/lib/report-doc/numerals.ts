/**
 * Numbers as reports write them in running text: `499`, `1,230`, `８０`, and Chinese numerals used
 * for counts (`六次`, `一百二十人次`, `两场`, `数量为零`).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A regex source for one stated count: Arabic digits (optionally grouped) or Chinese numerals. */
export const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千万]+)';

/** Chinese numerals up to 万 (`十二` 12, `一百零五` 105, `两千` 2000); null when not a number. */
export function parseChineseNumber(s: string): number | null {
  if (s === '') return null;
  const wan = s.indexOf('万');
  if (wan >= 0) {
    const high = wan === 0 ? 1 : parseChineseNumber(s.slice(0, wan));
    const low = wan === s.length - 1 ? 0 : parseChineseNumber(s.slice(wan + 1));
    return high === null || low === null ? null : high * 10000 + low;
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // 一二 is not a number
      digit = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined || u >= lastUnit) return null;
    if (digit === null && total !== 0) return null; // after the first unit, a unit needs its digit
    if (digit === null && u !== 10 && s.length > 1 && lastUnit !== Number.POSITIVE_INFINITY) return null; // 十二 is 12, 百 alone 100 (近百条)
    total += (digit ?? 1) * u;
    digit = null;
    lastUnit = u;
  }
  return total + (digit ?? 0);
}

/** A count as written: Arabic digits (full-width already folded by NFKC), `1,230`, or Chinese numerals. */
export function parseCount(s: string): number | null {
  const t = s.normalize('NFKC').replace(/,/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  return parseChineseNumber(t);
}

/** Chinese year digits `二〇二一` → `2021`, so that 二〇二一年 reads as 2021年. */
export function foldChineseYears(s: string): string {
  return s.replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (m) => [...m].map((c) => String(DIGITS[c] ?? '')).join(''));
}
