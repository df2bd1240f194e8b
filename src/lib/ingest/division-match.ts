/**
 * Reports ↔ the national list of township-level divisions: fill in a missing 区划代码 when the
 * county and town name match exactly one division, and warn — never rename — when a name or
 * code does not match. Indexed by county so that 100,000 reports check in well under a second.
 */
import type { Division } from '../model/divisions.ts';
import type { Report } from '../model/report.ts';
import { issue, type IngestIssue } from './issues.ts';
import { normalizeText } from './values.ts';

/** A division with its name and county reduced for comparison (NFKC: （） and () are the same). */
export interface IndexedDivision {
  division: Division;
  name: string;
  county: string;
}

export interface DivisionIndex {
  /** by county name; a name used by several counties (鼓楼区 …) holds the towns of all of them */
  byCounty: ReadonlyMap<string, readonly IndexedDivision[]>;
  byCode: ReadonlyMap<string, IndexedDivision>;
}

export function indexDivisions(divisions: readonly Division[]): DivisionIndex {
  const byCounty = new Map<string, IndexedDivision[]>();
  const byCode = new Map<string, IndexedDivision>();
  for (const division of divisions) {
    const d = { division, name: normalizeText(division.name), county: normalizeText(division.county) };
    byCode.set(division.code, d);
    const list = byCounty.get(d.county);
    if (list) list.push(d);
    else byCounty.set(d.county, [d]);
  }
  return { byCounty, byCode };
}

/** Levenshtein distance on characters (code points); stops early and returns max + 1 beyond `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[t.length]!;
}

/** Words that name the office rather than the town: 康驿镇人民政府 is 康驿镇. */
export const OFFICE_SUFFIX = /(人民政府|政府|办事处)$/;

/**
 * The nearest real names among `candidates`, closest first, at most 3: within `maxDistance`
 * edits, and with more than half of the longer name unchanged — so that 火星镇 is not offered
 * 南旺镇 just because both end in 镇. The office words 人民政府 / 办事处 are ignored.
 */
export function nearestNames(name: string, candidates: readonly string[], maxDistance = 2): string[] {
  const bare = name.replace(OFFICE_SUFFIX, '');
  const forms = bare === name ? [name] : [name, bare];
  let best = maxDistance + 1;
  let found: string[] = [];
  for (const c of new Set(candidates)) {
    const len = Array.from(c).length;
    const d = Math.min(
      ...forms.map((f) => {
        const limit = Math.min(maxDistance, Math.floor((Math.max(Array.from(f).length, len) - 1) / 2));
        const dist = editDistance(f, c, limit);
        return dist <= limit ? dist : Number.POSITIVE_INFINITY;
      }),
    );
    if (d < best) [best, found] = [d, [c]];
    else if (d === best) found.push(c);
  }
  return found.slice(0, 3);
}

const suggest = (names: string[]): string => (names.length > 0 ? `，是否为${names.map((n) => `「${n}」`).join('或')}？` : '');

/**
 * Check every report against the divisions. One issue per distinct (county, town, code) — not
 * one per year — and one per unknown county. Reports come back in order, with `town_code`
 * filled in where exactly one division matches; nothing else is changed.
 */
export interface MatchMemo {
  filled: Map<string, string | null>;
  countyWarned: Set<string>;
}

export function matchDivisions(
  reports: readonly Report[],
  divisions: readonly Division[] | DivisionIndex,
  file: string,
  /** the row each report was read from, to name it in issues */
  rows?: readonly number[],
  /** kept between calls that check one file's reports a part at a time */
  memo: MatchMemo = { filled: new Map(), countyWarned: new Set() },
): { reports: Report[]; issues: IngestIssue[] } {
  const index = 'byCode' in divisions ? divisions : indexDivisions(divisions);
  const issues: IngestIssue[] = [];
  const { filled, countyWarned } = memo;

  const check = (r: Report, i: number): string | null => {
    const row = rows?.[i] ?? null;
    const warn = (message: string, column: string, value: string) => issues.push(issue('warning', file, message, { row, column, value }));
    const town = normalizeText(r.town);
    const county = normalizeText(r.county);
    if (r.town_code !== null) {
      const d = index.byCode.get(r.town_code);
      const { name, county: home } = d?.division ?? {};
      if (!d) warn(`区划代码 ${r.town_code} 不在区划代码表中`, '区划代码', r.town_code);
      else if (d.name !== town) warn(`区划代码 ${r.town_code} 对应「${name}」，与「${r.town}」不符`, '区划代码', r.town_code);
      else if (county !== '' && d.county !== county) warn(`区划代码 ${r.town_code} 属于${home}，与「${r.county}」不符`, '县（市、区）', r.county);
      return null;
    }
    if (county === '') return null;
    const list = index.byCounty.get(county);
    if (!list) {
      if (!countyWarned.has(county)) {
        countyWarned.add(county);
        const near = nearestNames(county, [...index.byCounty.keys()], 1).map((c) => index.byCounty.get(c)![0]!.division.county);
        warn(`县（市、区）「${r.county}」不在区划代码表中，无法核对其镇街名称${suggest(near)}`, '县（市、区）', r.county);
      }
      return null;
    }
    const exact = list.filter((d) => d.name === town).map((d) => d.division);
    if (exact.length === 1) {
      issues.push(issue('info', file, `已按区划代码表补全区划代码 ${exact[0]!.code}`, { row, column: '镇街', value: r.town }));
      return exact[0]!.code;
    }
    if (exact.length > 1) {
      const codes = exact.map((d) => d.code).join('、');
      issues.push(issue('info', file, `${r.county}有 ${exact.length} 个「${r.town}」（区划代码 ${codes}），未补全区划代码`, { row, column: '镇街', value: r.town }));
      return null;
    }
    const near = nearestNames(town, list.map((d) => d.name)).map((n) => list.find((d) => d.name === n)!.division.name);
    warn(`镇街「${r.town}」不在${r.county}的区划代码表中${suggest(near)}`, '镇街', r.town);
    return null;
  };

  const out = reports.map((r, i) => {
    const key = `${r.county}\u001f${r.town}\u001f${r.town_code ?? ''}`;
    let code = filled.get(key);
    if (code === undefined) {
      code = check(r, i);
      filled.set(key, code);
    }
    return code === null ? r : { ...r, town_code: code };
  });
  return { reports: out, issues };
}
