/**
 * Who wrote the report and for which year, from the text only (never from a URL or a file date):
 * the title `康驿镇人民政府2021年政府信息公开工作年度报告` / `XX街道办事处…`, the 统计期限
 * `自2021年1月1日起至2021年12月31日止`, and the county where the text names it (`汶上县康驿镇`,
 * `汶上县政府网站`).
 */
import { foldChineseYears } from './numerals.ts';

/** Normalized for matching: NFKC, Chinese year digits folded, no whitespace. */
export const squash = (s: string): string => foldChineseYears(s.normalize('NFKC')).replace(/[\s\u00a0\u3000\ufeff]+/g, '');

const TITLE_BODY_FIRST = /^(.*?)(\d{4})年度?(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const TITLE_YEAR_FIRST = /^(\d{4})年度?(.+?)(?:政府)?信息公开(?:工作)?(?:年度)?报告/;
const PERIOD = /(\d{4})年0?1月0?1日(?:起)?(?:至|到|-|—|~)(\d{4})年12月31日/;
const OFFICE = /(人民政府办公室|人民政府|政府办公室|党政办公室|办事处|政府)$/;
const TOWN_END = /(镇|乡|街道|苏木)$/;
/**
 * Words that may stand before a county name in a sentence (2021年汶上县…, 通过汶上县…, 金城街道在
 * 任城区…). Only words that begin no county name: 和 (和平区, 和县), 全 (全椒县) … are not here.
 */
const STOPS = /镇|乡|街道|通过|依托|经过|按照|根据|在|的|了|年|月|我|与|及/g;

/**
 * Cut a run of Han characters after the last stop word that still leaves a name (3 characters,
 * else 2); '' when a stop word stands right before the last character (依托县政府: no name).
 */
function trimLead(run: string): string {
  const cuts = [...run.matchAll(STOPS)].map((m) => m.index + m[0].length);
  if (cuts.includes(run.length - 1)) return '';
  const last = (min: number) => cuts.filter((c) => run.length - c >= min).pop();
  const cut = last(3) ?? last(2);
  return cut === undefined ? run : run.slice(cut);
}

export interface TitleInfo {
  year: number | null;
  /** the issuing body as written, office words included */
  body: string | null;
}

/** The report title among the first paragraphs. */
export function findTitle(paragraphs: readonly string[]): TitleInfo {
  for (const p of paragraphs.slice(0, 15)) {
    const s = squash(p);
    const a = TITLE_BODY_FIRST.exec(s);
    if (a && a[1] !== '') return { year: Number(a[2]), body: a[1]! };
    const b = TITLE_YEAR_FIRST.exec(s);
    if (b) return { year: Number(b[1]), body: b[2]! };
    if (a) return { year: Number(a[2]), body: null };
  }
  return { year: null, body: null };
}

/** The statistical year from 统计期限 (the year the period ends in). */
export function findPeriodYear(text: string): { year: number; sentence: string } | null {
  const m = PERIOD.exec(squash(text));
  return m ? { year: Number(m[2]), sentence: m[0] } : null;
}

/**
 * A body name split into its town and the county-level name before it: 济宁市汶上县康驿镇 →
 * 康驿镇 / 汶上县. The split is the last one after a county-level word that leaves a town name
 * (城区街道 and 新市镇 stay whole).
 */
export function splitBody(body: string): { town: string; county: string | null } {
  const bare = body.replace(OFFICE, '');
  let cut = 0;
  for (let p = 1; p < bare.length; p++) {
    if (!/[省市州盟县区旗]/.test(bare[p - 1]!)) continue;
    const tail = bare.slice(p);
    if (TOWN_END.test(tail) && tail.length >= (tail.endsWith('街道') ? 3 : 2)) cut = p;
  }
  return { town: bare.slice(cut), county: cut > 0 ? lastCounty(bare.slice(0, cut)) : null };
}

/** The last county-level name in a run of place names: 山东省济宁市汶上县 → 汶上县. */
export function lastCounty(prefix: string): string | null {
  const m = /([^省市州盟县区旗]+(?:自治县|自治旗|县|区|市|旗))$/.exec(prefix)?.[1];
  return m ? trimLead(m) || null : null;
}

/** Han characters right before index `at` (at most `max`). */
function hanBefore(s: string, at: number, max = 10): string {
  let i = at;
  while (i > 0 && at - i < max && /[\u4e00-\u9fff]/.test(s[i - 1]!)) i--;
  return s.slice(i, at);
}

function mostFrequent(names: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount) [best, bestCount] = [n, c];
  return best;
}

/**
 * The county the text names: before the town (汶上县康驿镇), else before 人民政府 / 政府 / 政务 …
 * (汶上县政府网站); the name written most often wins.
 */
export function countyFromText(text: string, town: string): string | null {
  const s = squash(text);
  const found: string[] = [];
  if (town !== '') {
    for (let at = s.indexOf(town); at >= 0; at = s.indexOf(town, at + 1)) {
      const before = hanBefore(s, at);
      const c = /[县区市旗]$/.test(before) ? lastCounty(before) : null;
      if (c) found.push(c);
    }
  }
  if (found.length > 0) return mostFrequent(found);
  for (const m of s.matchAll(/(?<=[\u4e00-\u9fff])[县区旗](?=人民政府|政府|政务|委|人大|政协)/g)) {
    const c = lastCounty(hanBefore(s, m.index + 1, 8));
    if (c && c.length >= 2) found.push(c);
  }
  return mostFrequent(found);
}

/** Without a title: the town most often named as 某镇人民政府 / 某街道办事处. */
export function townFromText(text: string): string | null {
  const s = squash(text);
  const found: string[] = [];
  for (const m of s.matchAll(/(?<=[\u4e00-\u9fff])(?:镇|乡|街道)(?=人民政府|办事处|政府|党委)/g)) {
    const run = hanBefore(s, m.index + m[0].length, 12);
    const { town } = splitBody(run);
    const bare = trimLead(town.slice(0, -1)) + town.slice(-1);
    if (bare.length >= 2) found.push(bare);
  }
  return mostFrequent(found);
}
