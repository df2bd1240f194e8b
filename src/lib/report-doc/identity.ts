/**
 * Who wrote the report and for which year, from the text only (never from a URL or a file date).
 *
 * The town: every place the text names a township-level body is a candidate — the title (also split
 * over two lines, scrambled, after portal chrome), the report's name quoted in the introduction,
 * 发布机构 / 来源, the contact line (请与某镇人民政府联系), the opening sentences, and the body's
 * 某镇人民政府 / 某街道办事处 — and each candidate is cut to a township name: a short name ending in
 * 镇、乡、街道、街 or 苏木, with no punctuation and no sentence words. With the national division
 * list a name must be in it (or be a near spelling of a name of the stated county); a candidate
 * that is not is dropped with a warning, never taken as a fragment. Titles in a sidebar (other
 * towns' reports) lose to the title the body agrees with.
 *
 * The year: the 统计期限 (also written with 年/月 lost: `20231月1日`, `202111日至20221231日`,
 * `202020年`), else the title, else the report name quoted in the text, else the year the body
 * writes most; where they disagree a warning names both and which was taken.
 */
import type { DivisionIndex, IndexedDivision } from '../ingest/division-match.ts';
import { normalizeText } from '../ingest/values.ts';
import { stripPinyin, toSimplified as fold } from './hant.ts';

/** Traditional characters folded to simplified, inserted pinyin removed. */
const toSimplified = (s: string): string => fold(stripPinyin(s));
import { foldChineseYears } from './numerals.ts';

/** Normalized for matching: NFKC, traditional folded, Chinese year digits folded, no whitespace. */
export const squash = (s: string): string =>
  foldChineseYears(toSimplified(s.normalize('NFKC'))).replace(/[\s\u00a0\u3000\ufeff\u200b]+/g, '');

const HAN = /[\u4e00-\u9fff]/;
const OFFICE = /(?:人民政府办公室|人民政府|政府办公室|党政综合办公室|党政办公室|综合办公室|党政办|政府办|办公室|办事处|政府|党委)+$/;
const TOWN_END = /(街道|苏木|镇|乡|街)$/;
/** Single characters that never occur in a township name (checked against the 2023 list). */
const NEVER_IN_NAME = /[了我该请系编据情例规认入持被已此每]/;
/** Words of sentences, not of names (none occurs in a township name of the 2023 list). */
const SENTENCE_WORDS =
  /关于|根据|按照|编制|公布|联系|通过|认真|严格|全面|深入|坚持|结合|实际|现将|如下|年度|共计|累计|报告|情况|工作|公开|条例|规定|要求|以下|简称|有关|以及|进行|开展|主动|申请|办理|网站|栏目|全年|本年|上年|今年|辖区|所属|下辖|组织|领导|部署|落实|贯彻|国务院|政务|党委|党政|机关|依法|积极|及时|提高|提升|加强|做好|完成|负责|承办|转发|上级|新媒体|公众号/;
/** 全镇, 本乡, 各街道, 城镇 …: a determiner, not a name. */
const DETERMINER = /^(全|本|我|各|该|此|每|乡|城|村|镇|县|市|区|一|两|其|某|和|及|与|在|的|为|对|向|由)(镇|乡|街道|街|苏木)$/;

/** Whether a string has the shape of a township name (no list needed). */
export function looksLikeTown(name: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,12}$/.test(name) || !TOWN_END.test(name)) return false;
  if (name.endsWith('街道') && name.length < 3) return false;
  if (name.endsWith('苏木') && name.length < 3) return false;
  if (NEVER_IN_NAME.test(name) || SENTENCE_WORDS.test(name) || DETERMINER.test(name)) return false;
  return true;
}

/** Words that may stand before a name in a sentence (2021年度大东坝镇…, 通过汶上县…, 请联系民意乡). */
const STOPS = /年度|年|月|日|通过|依托|经过|按照|根据|编制|公布|现将|联系|请与|可与|请|我|与|及|了|的|在|和|由|对|向|为|是|将|把|于/g;

/** Cut a run of Han characters after the last stop word that still leaves a name. */
function trimLead(run: string): string {
  const cuts = [...run.matchAll(STOPS)].map((m) => m.index + m[0].length);
  const last = (min: number) => cuts.filter((c) => run.length - c >= min).pop();
  const cut = last(3) ?? last(2);
  return cut === undefined ? run : run.slice(cut);
}

/**
 * A body name split into its town and the county-level name before it: 济宁市汶上县康驿镇 →
 * 康驿镇 / 汶上县. The split is the last one after a county-level word that leaves a town name
 * (城区街道 and 新市镇 stay whole).
 */
export function splitBody(body: string): { town: string; county: string | null } {
  const bare = body.replace(OFFICE, '').replace(/街道办$/, '街道');
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
  if (!m) return null;
  // 依托县政府: a stop word right before 县 leaves no name
  if ([...m.matchAll(STOPS)].some((s) => s.index + s[0].length === m.length - 1)) return null;
  const c = trimLead(m);
  return c.length >= 2 && HAN.test(c) && !NEVER_IN_NAME.test(c) && !SENTENCE_WORDS.test(c) ? c : null;
}

/** Han characters right before index `at` (at most `max`). */
function hanBefore(s: string, at: number, max = 12): string {
  let i = at;
  while (i > 0 && at - i < max && HAN.test(s[i - 1]!)) i--;
  return s.slice(i, at);
}

// ---------------------------------------------------------------------------------------------
// Names in a stretch of text

const ETHNIC =
  '朝鲜族|回族|满族|蒙古族|藏族|彝族|苗族|壮族|瑶族|土家族|侗族|布依族|白族|哈尼族|傣族|黎族|畲族|仫佬族|毛南族|仡佬族|水族|羌族|土族|撒拉族|东乡族|保安族|裕固族|锡伯族|达斡尔族|鄂温克族|鄂伦春族|赫哲族|哈萨克族|柯尔克孜族|维吾尔族|塔吉克族|纳西族|傈僳族|佤族|拉祜族|景颇族|阿昌族|普米族|怒族|德昂族|独龙族|基诺族|布朗族|京族|各族';
const ETHNIC_TOWN = new RegExp(`^(.+?)(?:${ETHNIC})+(乡|镇)$`);

/** The national list by name, and the 街 ↔ 街道 twins. */
const byNameCache = new WeakMap<DivisionIndex, Map<string, IndexedDivision[]>>();
export function divisionsByName(index: DivisionIndex): Map<string, IndexedDivision[]> {
  let map = byNameCache.get(index);
  if (!map) {
    map = new Map();
    for (const list of index.byCounty.values()) {
      for (const d of list) {
        const same = map.get(d.name);
        if (same) same.push(d);
        else map.set(d.name, [d]);
      }
    }
    // 乌林朝鲜族乡 is written 乌林乡 in its own reports: the short form finds it, unless it is another town's name
    const aliases = new Map<string, IndexedDivision[]>();
    for (const [name, list] of map) {
      const m = ETHNIC_TOWN.exec(name);
      if (!m || m[1]!.length < 2) continue;
      const short = `${m[1]}${m[2]}`;
      if (map.has(short)) continue;
      aliases.set(short, [...(aliases.get(short) ?? []), ...list]);
    }
    for (const [short, list] of aliases) map.set(short, list);
    byNameCache.set(index, map);
  }
  return map;
}

/** The name as the list may write it: XX街 and XX街道 are the same body. */
export function nameForms(name: string): string[] {
  if (name.endsWith('街道')) return [name, name.slice(0, -1)];
  if (name.endsWith('街')) return [name, `${name}道`];
  return [name];
}

export function inList(index: DivisionIndex, name: string): IndexedDivision[] {
  const map = divisionsByName(index);
  return nameForms(name).flatMap((n) => map.get(n) ?? []);
}

export interface NameFound {
  name: string;
  /** index in the string after the name */
  end: number;
  /** followed by 人民政府 / 办事处 / 党委 …: the text names the body itself */
  office: boolean;
  /** the county-level name written right before it, if any */
  county: string | null;
}

const NAME_END = /街道|苏木|镇|乡|街(?!道)|办事处/g;

/**
 * Township names in a squashed string: at every 镇/乡/街道/街/苏木 (and XX办事处, the 街道's office),
 * the Han run before it cut to a name — with the list, the longest ending that is a listed name
 * (or XX街道 for XX办事处); without it, after the county-level words and sentence words.
 */
export function namesIn(s: string, index?: DivisionIndex): NameFound[] {
  const out: NameFound[] = [];
  for (const m of s.matchAll(NAME_END)) {
    let end = m.index + m[0].length;
    const isOffice = m[0] === '办事处';
    let run = hanBefore(s, end, 16);
    if (isOffice) {
      run = run.slice(0, -3);
      if (/街道$|街$/.test(run)) continue; // XX街道办事处: found at 街道
      if (run === '') continue;
      run += '街道';
      end = m.index;
    }
    if (run.length < 2) continue;
    const after = s.slice(isOffice ? m.index : end, (isOffice ? m.index : end) + 6);
    const office = /^(人民政府|政府|办事处|街道办|党委|党政|人大|便民|综合)/.test(after);
    let name: string | null = null;
    const { town, county: written } = splitBody(run);
    const suffix = /街道$|苏木$/.test(town) ? 2 : 1;
    const bare = trimLead(town.slice(0, -suffix)) + town.slice(-suffix);
    if (index) {
      for (let k = Math.min(run.length, 14); k >= 2 && name === null; k--) {
        const tail = run.slice(run.length - k);
        if (looksLikeTown(tail) && inList(index, tail).length > 0) name = tail;
      }
      // 三河市泃阳西大街街道: a longer name, not listed, that is a near spelling of one of its county's
      if (looksLikeTown(bare) && bare.length > (name?.length ?? 0) && written && inList(index, bare).length === 0 && nearListed(index, bare, written)) name = bare;
    }
    if (name === null && looksLikeTown(bare)) name = bare;
    if (name === null) continue;
    const before = run.slice(0, run.length - name.length);
    const county = /[县区市旗]$/.test(before) ? lastCounty(before) : null;
    // 古镇镇: the name found at the second 镇 replaces the one at the first
    const prev = out[out.length - 1];
    if (prev && prev.end > end - name.length) out.pop();
    out.push({ name, end, office, county });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Years

const YEAR_MIN = 2008;
const YEAR_MAX = 2030;
const plausible = (y: number) => y >= YEAR_MIN && y <= YEAR_MAX;

/** A run of digits read as a year by what follows it: `202020年` → 2020, `20211月` → 2021. */
function yearOfRun(digits: string, next: string): number | null {
  if (digits.length < 4) return null;
  const y = Number(next === '年' ? digits.slice(-4) : digits.slice(0, 4));
  return plausible(y) ? y : null;
}

const PERIOD_WORD = /统计期限|统计时间|统计期间|统计时限|统计区间|统计周期|数据统计|所列数据|统计截止|统计范围|时间范围/;
const SEPARATOR = /至|到|-|—|–|~|～|－/g;

/** The year of one side of a period: `2021年1月1日`, `20211月1日`, `202111日`, `202020年1月1日`. */
function sideYear(side: string): number | null {
  const y = side.indexOf('年');
  const digits = y >= 0 ? side.slice(0, y).replace(/\D/g, '') : side.replace(/\D/g, '');
  if (digits.length < 4) return null;
  const year = Number(y >= 0 ? digits.slice(-4) : digits.slice(0, 4));
  return plausible(year) ? year : null;
}

/**
 * The statistical period: 自2021年1月1日起至2021年12月31日止, also with 年/月 lost (自20211月1日起至
 * 202112月31日止, 202111日至20211231日) or the end's year left out (2022年1月1日到12月31日). The year
 * is the one the period ends in.
 */
export function findPeriodYear(text: string): { year: number; sentence: string } | null {
  const s = squash(text);
  for (const m of s.matchAll(SEPARATOR)) {
    const leftMatch = /(\d[\d年月日]{3,14}?)(起?)$/.exec(s.slice(Math.max(0, m.index - 16), m.index));
    const left = leftMatch?.[1];
    const right = /^(\d[\d年月日]{2,14})/.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 16))?.[1];
    if (!left || !right || !/[月日]/.test(left) || !/[月日]/.test(right)) continue;
    const leftDigits = left.replace(/\D/g, '');
    const rightDigits = right.replace(/\D/g, '');
    if (!/(?:0?1月0?1日|[年]?0?10?1日?|11日)$/.test(left) && !/(0101|11)$/.test(leftDigits)) continue;
    if (!/(1231|1230)$/.test(rightDigits) && !/12月3[01]/.test(right)) continue;
    const before = s.slice(Math.max(0, m.index - left.length - 40), m.index - left.length);
    if (!PERIOD_WORD.test(before) && !/(自|从|为)(起)?$/.test(before)) continue;
    const startYear = sideYear(left);
    const endYear = rightDigits.length >= 7 || right.includes('年') ? sideYear(right) : null;
    const year = endYear ?? startYear;
    if (year !== null) return { year, sentence: `${left}${leftMatch![2]}${m[0]}${right}` };
  }
  // 统计期限为2021年度 / 统计期限为2021年
  const y = /(?:统计期限|统计时间|统计期间|统计时限)[^,;。\d]{0,6}?(\d{4,6})年/.exec(s);
  if (y) {
    const year = yearOfRun(y[1]!, '年');
    if (year !== null) return { year, sentence: y[0] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Titles

export interface TitleInfo {
  year: number | null;
  /** the issuing body as written, office words included ('' when the title names no body) */
  body: string | null;
}

/** Characters of the title's last words in any order (工作告年度报 is 工作年度报告 scrambled). */
const TAIL_CHARS = /^[年度工作情况的报告总结]{1,10}$/;
const OPEN_WORD = /(?:政府信息与政务|政府信息|政务信息|政务|信息)公开/;

/**
 * A title line: `[关于]<body>[YYYY年度]<政府信息公开>[工作][年度]报告|年报`, or the same with its
 * last words scrambled, maybe followed by the portal's name (`_汶上县人民政府`). Null when the line
 * is not one.
 */
export function parseTitleLine(line: string): { body: string; year: number | null } | null {
  let s = squash(line).replace(/^(名称|标题|题目|文件名称)[:：]/, '');
  if (s.length > 90 || s.length < 8) return null;
  const open = [...s.matchAll(new RegExp(OPEN_WORD.source, 'g'))];
  for (const o of open) {
    const before = s.slice(0, o.index);
    let rest = s.slice(o.index + o[0].length);
    rest = rest.replace(/[_|\-—–].*$/, '').replace(/[)）\]】》]+$/, '');
    if (!TAIL_CHARS.test(rest) || !/报/.test(rest) || !(rest.includes('告') || rest.endsWith('年报'))) continue;
    if (/[。！？]/.test(before)) return null;
    let body = before.replace(/^关于/, '').replace(/^.*[《“"]/, '');
    let year: number | null = null;
    const ym = [...body.matchAll(/(\d{4,8})年度?/g)].pop() ?? /(\d{4,8})$/.exec(body);
    if (ym) {
      year = yearOfRun(ym[1]!, '年');
      body = body.slice(0, ym.index) + body.slice(ym.index + ym[0].length);
    }
    body = body.replace(/年度?$/, '');
    return { body, year };
  }
  return null;
}

/** The report title among the first paragraphs (kept for callers that want only the title). */
export function findTitle(paragraphs: readonly string[]): TitleInfo {
  for (const p of paragraphs.slice(0, 15)) {
    const t = parseTitleLine(p);
    if (t) return { year: t.year, body: t.body === '' ? null : t.body };
  }
  return { year: null, body: null };
}

// ---------------------------------------------------------------------------------------------
// The county

/** Most frequent name (ties: the first seen). */
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
  for (const m of s.matchAll(/(?<=[\u4e00-\u9fff])[县区旗](?=人民政府|政府|政务|委|人大|政协|融媒体)/g)) {
    const c = lastCounty(hanBefore(s, m.index + 1, 8));
    if (c && c.length >= 2) found.push(c);
  }
  return mostFrequent(found);
}

/** Without a title: the town most often named as 某镇人民政府 / 某街道办事处 (no list). */
export function townFromText(text: string): string | null {
  const names = namesIn(squash(text)).filter((n) => n.office);
  return mostFrequent(names.map((n) => n.name));
}

// ---------------------------------------------------------------------------------------------
// The identity of a report

type Source = 'title' | 'split-title' | 'quoted' | 'meta' | 'contact' | 'opening' | 'breadcrumb' | 'body';

const WEIGHT: Readonly<Record<Source, number>> = {
  title: 10,
  'split-title': 10,
  quoted: 6,
  contact: 5,
  meta: 4,
  opening: 3,
  breadcrumb: 2,
  body: 1,
};

interface Candidate {
  name: string;
  score: number;
  sources: Set<Source>;
  /** line of its first title, for the tie between titles */
  titleLine: number;
  county: string | null;
  bodyMentions: number;
}

export interface IdentityRead {
  town: string;
  county: string | null;
  year: number;
  /** where the town came from, for messages */
  townSource: string | null;
  warnings: string[];
}

/** The first line of the report's own text (after title and chrome). */
const BODY_START = /^(?:[一1][、.．]?|第一部分)?[、]?(?:总体情况|概述|总体概述)|根据《|依据《|按照《|本报告|本年度报告|本年报|统计期限|政府信息公开条例》/;
const META = /(发布机构|信息来源|来源|发文机关|发文单位|发布单位|所属机构|责任部门|公开主体|生成机构)[:：]\s*([^\s|:：]{2,30})/g;
const BREADCRUMB = /当前位置|所在位置|您的位置|首页\s*[>›»/]|[>›»]\s*政府信息公开/;
const CHROME = /发布时间|发布日期|浏览次数|访问量|点击数|字体[:：]|【打印】|分享到|网站标识码|ICP|主办单位|承办单位|版权所有|技术支持/;
const CONTACT = /(?:请与|可与|请联系|联系单位|请致电|请咨询|请向|可向|联系人)[:：]?([^,;。()（）:：]{2,30}?)(?:联系|咨询|反映|[(（,;。]|$)/g;

/**
 * Read the identity from the document's lines (paragraphs and cells, in order). `index` is the
 * national division list, when the caller has it.
 */
export function identify(lines: readonly string[], index?: DivisionIndex): IdentityRead {
  const warnings: string[] = [];
  const sq = lines.map(squash);
  const raw = lines.map((l) => toSimplified(l.normalize('NFKC')));
  let bodyStart = sq.findIndex((s) => BODY_START.test(s) && s.length > 4);
  if (bodyStart < 0) bodyStart = Math.min(sq.length, 40);

  const candidates = new Map<string, Candidate>();
  const rejected: { name: string; source: Source }[] = [];
  const add = (found: NameFound, source: Source, line: number) => {
    let c = candidates.get(found.name);
    if (!c) {
      c = { name: found.name, score: 0, sources: new Set(), titleLine: -1, county: null, bodyMentions: 0 };
      candidates.set(found.name, c);
    }
    if (source === 'body') {
      if (c.bodyMentions < 6) c.score += WEIGHT.body;
      c.bodyMentions++;
    } else if (!c.sources.has(source)) {
      c.score += WEIGHT[source];
    } else if (source === 'title') {
      c.score += 1; // the page's <title> and its heading
    }
    c.sources.add(source);
    if ((source === 'title' || source === 'split-title') && c.titleLine < 0) c.titleLine = line;
    c.county ??= found.county;
  };
  const lastName = (s: string): NameFound | null => namesIn(s, index).pop() ?? null;

  // titles (before the body, and a few lines into it: some pages print the title after the meta table)
  const titleYears: { year: number; line: number; name: string | null; text: string }[] = [];
  const nonTownTitles: string[] = [];
  const titleLines = new Set<number>();
  const windowEnd = Math.min(sq.length, bodyStart + 3);
  for (let i = 0; i < windowEnd; i++) {
    const t = parseTitleLine(lines[i]!);
    if (!t) continue;
    titleLines.add(i);
    const crumb = BREADCRUMB.test(raw[i]!);
    let body = t.body.replace(/^.*[>›»:：]/, '');
    let year = t.year;
    let source: Source = crumb ? 'breadcrumb' : 'title';
    if (!crumb && (body === '' || lastName(body) === null) && i > 0) {
      // the title split over lines: 五常市民意乡 / 2021年政府信息公开工作年度报告
      const prev = sq[i - 1]!;
      if (prev.length <= 30 && !/[。,;]/.test(prev) && !titleLines.has(i - 1) && !/报告|年报/.test(prev)) {
        const ym = /(\d{4,8})年?度?$/.exec(prev);
        const prevBody = ym ? prev.slice(0, ym.index) : prev;
        if (lastName(prevBody)) {
          body = prevBody + body;
          if (year === null && ym) year = yearOfRun(ym[1]!, '年');
          source = 'split-title';
        }
      }
    }
    const found = lastName(body);
    if (found) add(found, source, i);
    else if (!crumb && /(县|区|市|旗|州|盟|省)(人民政府|政府)?(办公室|办公厅)?$|局$|委员会$|委$|中心$/.test(body.replace(/人民政府$|政府$/, '$&'))) nonTownTitles.push(body);
    if (year !== null && !crumb) titleYears.push({ year, line: i, name: found?.name ?? null, text: lines[i]!.trim() });
  }

  // the report's name quoted or written inside a sentence: 编制了《田黄镇2020年政府信息公开工作年度报告》
  const quotedYears: { year: number; name: string | null; text: string }[] = [];
  for (let i = 0; i < Math.min(sq.length, bodyStart + 12); i++) {
    if (titleLines.has(i)) continue;
    const s = sq[i]!;
    for (const m of s.matchAll(/(?:政府信息与政务|政府信息|政务信息|政务|信息)公开(?:工作)?(?:年度)?(?:报告|年报)/g)) {
      const before = s.slice(Math.max(0, m.index - 40), m.index);
      const seg = before.replace(/^.*[《“"，,。;：:、]/, '');
      const ym = [...seg.matchAll(/(\d{4,8})年度?/g)].pop();
      const found = lastName(seg.replace(/\d+年度?/g, '|'));
      if (found) add(found, 'quoted', i);
      if (ym) {
        const y = yearOfRun(ym[1]!, '年');
        if (y !== null) quotedYears.push({ year: y, name: found?.name ?? null, text: `${seg}${m[0]}` });
      }
    }
  }

  for (let i = 0; i < sq.length; i++) {
    const s = sq[i]!;
    // 发布机构 / 来源 (in the meta lines and tables)
    for (const m of raw[i]!.matchAll(META)) {
      const found = lastName(squash(m[2]!));
      if (found) add(found, 'meta', i);
    }
    // meta as a table: 发布机构 | 北街办事处 (the value in the next cell)
    if (/^(发布机构|信息来源|来源|发文机关|所属机构|发布单位)[:：]?$/.test(s) && i + 1 < sq.length) {
      const found = lastName(sq[i + 1]!);
      if (found) add(found, 'meta', i + 1);
    }
    if (i < bodyStart && BREADCRUMB.test(raw[i]!) && !titleLines.has(i)) {
      const found = lastName(s);
      if (found) add(found, 'breadcrumb', i);
    }
    for (const m of s.matchAll(CONTACT)) {
      const found = lastName(m[1]!);
      if (found) add(found, 'contact', i);
    }
  }

  // the opening sentences: 2025年,泰丰街道严格按照…
  for (let i = bodyStart, seen = 0; i < sq.length && seen < 8; i++) {
    const s = sq[i]!;
    if (s.length < 10 || CHROME.test(s)) continue;
    seen++;
    for (const sentence of s.split(/[。;]/)) {
      // the sentence's subject: 2025年,泰丰街道严格按照… (never a word inside the sentence: 规范镇政务公开专区)
      const head = sentence
        .replace(/^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[、.．])/, '')
        .replace(/^[^,:：]{0,12}[。:：]/, '')
        .replace(/^(?:\d{4}年度?(?:以来|全年)?|本年度|全年|今年)[,，]?/, '')
        .slice(0, 24);
      const found = namesIn(head, index)[0];
      if (found && head.startsWith(found.name)) add(found, 'opening', i);
    }
  }

  // the body's own mentions (not in sidebar titles, not in chrome)
  for (let i = 0; i < sq.length; i++) {
    if (titleLines.has(i) || CHROME.test(raw[i]!) || parseTitleLine(lines[i]!)) continue;
    for (const found of namesIn(sq[i]!, index)) {
      // a name only the body writes counts where it names the body itself (某镇人民政府); others
      // only add to a town found elsewhere (规范镇政务公开专区 names no 范镇)
      if (found.office || candidates.has(found.name)) add(found, 'body', i);
    }
  }

  // validate and rank
  const textCounty = countyFromText(lines.join('\n'), '');
  const valid: Candidate[] = [];
  for (const c of candidates.values()) {
    if (!looksLikeTown(c.name)) continue;
    if (index && inList(index, c.name).length === 0) {
      const strong = c.sources.has('title') || c.sources.has('split-title') || c.sources.has('quoted') || c.sources.has('contact') || c.sources.has('meta');
      if (!strong) continue;
      // a name not in the list stands only as a near spelling of a name of the county it names
      if (!nearListed(index, c.name, c.county ?? textCounty, lines.join('\n'))) {
        rejected.push({ name: c.name, source: [...c.sources][0]! });
        continue;
      }
    }
    valid.push(c);
  }
  // 西大街街道 seen in 泃阳西大街街道 (where the text wrote no county before it) is that name
  for (const a of valid) {
    const whole = valid.find((b) => b !== a && b.name.length > a.name.length && b.name.endsWith(a.name) && b.score > 0);
    if (whole) {
      whole.score += a.score;
      for (const s of a.sources) whole.sources.add(s);
      a.score = 0;
    }
  }
  valid.sort((a, b) => b.score - a.score || titleOrder(a, b, bodyStart));
  // a town only a title names, when that title is not the one nearest the body (the page's own title
  // names no town): a sidebar or related-link title of another report, not this one
  const nearestTitle = Math.max(-1, ...[...titleLines].filter((l) => l <= bodyStart && !BREADCRUMB.test(raw[l]!)));
  const onlyTitled = (c: Candidate) => [...c.sources].every((x) => x === 'title' || x === 'breadcrumb') && c.bodyMentions === 0;
  while (valid[0] && onlyTitled(valid[0]) && valid[0].titleLine !== nearestTitle && nearestTitle >= 0) {
    warnings.push(`页面上「${valid[0].name}」的报告标题不是本报告的（不在正文前，正文也没有提到），未取作镇街`);
    valid.shift();
  }
  const best = valid[0];
  let town = '';
  let townSource: string | null = null;
  let county: string | null = null;
  if (nonTownTitles.length > 0 && (!best || !(best.sources.has('title') || best.sources.has('split-title')))) {
    warnings.push(`标题所写的报告机关「${nonTownTitles[0]}」不是乡镇（街道），未取镇街名称`);
  } else if (best && best.score >= 1) {
    town = best.name;
    townSource = [...best.sources][0] ?? null;
    county = best.county;
    const rival = valid.find((c) => c !== best && (c.sources.has('title') || c.sources.has('split-title')));
    if (rival && (best.sources.has('title') || best.sources.has('split-title'))) {
      warnings.push(`页面上还有「${rival.name}」的报告标题（可能是侧栏或相关链接），按正文取「${best.name}」`);
    }
  }
  if (town === '') {
    for (const r of rejected.slice(0, 1)) {
      const where = r.source === 'title' || r.source === 'split-title' ? '标题中' : '正文中';
      warnings.push(`${where}的「${r.name}」不在区划代码表中，未作为镇街名称；请核对后填写镇街`);
    }
    if (nonTownTitles.length === 0 && rejected.length === 0) warnings.push('未找到镇街名称：标题、发布机构、联系方式和正文中都没有可辨认的乡镇（街道）名称，请填写镇街');
  }

  // the year
  const period = findPeriodYear(lines.join('\n'));
  const chosenTitle = titleYears.find((t) => t.name === town) ?? titleYears.find((t) => t.name === null) ?? (town === '' ? titleYears[0] : undefined);
  const quoted = quotedYears.find((q) => q.name === town || q.name === null);
  let year = 0;
  if (period) {
    year = period.year;
    if (chosenTitle && chosenTitle.year !== period.year) {
      warnings.push(`标题年份 ${chosenTitle.year} 与统计期限「${period.sentence}」不一致，取统计期限的 ${period.year} 年`);
    } else if (quoted && quoted.year !== period.year) {
      warnings.push(`正文所写的报告名称「${quoted.text}」年份为 ${quoted.year}，与统计期限「${period.sentence}」不一致，取统计期限的 ${period.year} 年`);
    }
  } else if (chosenTitle) {
    year = chosenTitle.year;
    if (quoted && quoted.year !== year) {
      warnings.push(`标题年份 ${year} 与正文所写的报告名称「${quoted.text}」（${quoted.year} 年）不一致，取标题的 ${year} 年`);
    }
  } else if (quoted) {
    year = quoted.year;
    warnings.push(`标题和统计期限中都没有年份，按正文所写的报告名称「${quoted.text}」取 ${year} 年`);
  } else {
    const body = bodyYear(sq.slice(bodyStart), raw.slice(bodyStart));
    if (body) {
      year = body.year;
      warnings.push(`标题和统计期限中都没有年份，按正文（「${body.sentence}」等 ${body.count} 处）取 ${year} 年，请核对`);
    } else {
      warnings.push('未找到统计年度：标题和统计期限中都没有写明年份');
    }
  }
  if (period && !chosenTitle) {
    const body = bodyYear(sq.slice(bodyStart), raw.slice(bodyStart));
    if (body && body.year !== period.year && body.count >= 2 && body.share >= 0.8) {
      warnings.push(`统计期限「${period.sentence}」为 ${period.year} 年，正文多处写的是 ${body.year} 年（如「${body.sentence}」），取统计期限的 ${period.year} 年，请核对`);
    }
  }
  return { town, county, year, townSource, warnings };
}

/** Between two equally scored candidates: the one with the title nearest before the body. */
function titleOrder(a: Candidate, b: Candidate, bodyStart: number): number {
  const d = (c: Candidate) => (c.titleLine < 0 ? Number.POSITIVE_INFINITY : Math.abs(bodyStart - c.titleLine));
  return d(a) - d(b);
}

/**
 * A name not in the list that is a near spelling of a listed name of its county (某镇 written for
 * 某街道, a character off); with no county written before it, a listed name of the same stem whose
 * county the text names (阿扎克乡 for 阿扎克镇 of 阿图什市).
 */
function nearListed(index: DivisionIndex, name: string, county: string | null, text = ''): boolean {
  const base = name.replace(TOWN_END, '');
  const inCounty = county ? index.byCounty.get(normalizeText(county)) : undefined;
  for (const d of inCounty ?? []) {
    if (d.name.replace(TOWN_END, '') === base) return true; // 某镇 became 某街道
    if (editDistance1or2(name, d.name)) return true;
  }
  if (inCounty || text === '') return false;
  const map = divisionsByName(index);
  const s = squash(text);
  return ['镇', '乡', '街道', '街', '苏木'].some((suffix) =>
    (map.get(`${base}${suffix}`) ?? []).some((d) => s.includes(d.division.county) || s.includes(d.division.county.replace(/(自治县|自治旗|县|市|区|旗)$/, '') + '政府')),
  );
}

function editDistance1or2(a: string, b: string): boolean {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > 2) return false;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1)));
    prev = cur;
  }
  const d = prev[t.length]!;
  const limit = Math.min(2, Math.floor((Math.max(s.length, t.length) - 1) / 2));
  return d <= limit;
}

/** The year the body writes most (2021年，我镇… / 2021年度…), leaving out dates of chrome lines. */
function bodyYear(sq: readonly string[], raw: readonly string[]): { year: number; count: number; share: number; sentence: string } | null {
  const counts = new Map<number, { n: number; sentence: string }>();
  let total = 0;
  sq.forEach((s, i) => {
    if (CHROME.test(raw[i]!)) return;
    for (const m of s.matchAll(/(?<![\d《])(\d{4})年(?!\d{1,2}月\d{1,2}日[至到-])/g)) {
      const y = Number(m[1]);
      if (!plausible(y)) continue;
      if (/(截至|截止|至|到|于|自|从|比|较|同比|与|上年|去年)$/.test(s.slice(Math.max(0, m.index - 3), m.index))) continue;
      total++;
      const c = counts.get(y);
      if (c) c.n++;
      else counts.set(y, { n: 1, sentence: s.slice(Math.max(0, m.index - 4), m.index + 16) });
    }
  });
  let best: { year: number; count: number; share: number; sentence: string } | null = null;
  for (const [year, c] of counts) if (!best || c.n > best.count) best = { year, count: c.n, share: c.n / total, sentence: c.sentence };
  return best;
}
