/**
 * Where tables 二, 三 and 四 are: from their headings (二、主动公开政府信息情况 …), or, when a
 * heading is missing, from a label only that table has. Each table runs to the next heading.
 */
import type { DocLine, Token } from './cells.ts';
import { labelKey } from './labels.ts';

export type TableId = '二' | '三' | '四';

export const TABLE_TITLES: Readonly<Record<TableId, string>> = {
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
};

const HEADINGS: readonly [TableId, RegExp][] = [
  ['二', /^(行政机关)?主动公开政府信息(的)?情况[:：]?$/],
  ['三', /^(行政机关)?收到和处理政府信息公开申请(的)?情况[:：]?$/],
  ['四', /^(因)?政府信息公开(工作)?(被申请)?行政复议[、,和及与]?(提起)?行政诉讼(的)?情况[:：]?$/],
];

/** Headings of the sections after the tables: they end table 四. */
const AFTER = /^(存在的主要问题|其他需要报告的事项)/;

/** Labels that only one table has, used when its heading is missing. */
const ANCHORS: readonly [TableId, RegExp][] = [
  ['二', /^第二十条第/],
  ['三', /^(申请人情况|本年新收政府信息公开申请数量)$/],
  ['四', /^结果维持$/],
];

/** A heading line: numbered (二、 第二部分 …) or not, alone on its line. */
const sectionKey = (text: string) => labelKey(text).replace(/^第[一二三四五六七八九十]+部分[、:：]?/, '');

export interface Region {
  /** first line (the heading, or the anchor label) */
  start: number;
  /** line after the last one */
  end: number;
  /** found from its heading rather than from a label */
  headed: boolean;
}

export function findRegions(lines: readonly DocLine[]): Partial<Record<TableId, Region>> {
  const starts = new Map<TableId, { line: number; headed: boolean }>();
  const stops: number[] = [];
  lines.forEach((l, i) => {
    if (l.blank) return;
    const key = sectionKey(l.text);
    if (key.length > 30) return;
    for (const [id, re] of HEADINGS) if (re.test(key) && !starts.has(id)) starts.set(id, { line: i, headed: true });
    if (AFTER.test(key)) stops.push(i);
  });
  for (const [id, re] of ANCHORS) {
    if (starts.has(id)) continue;
    const from = id === '四' ? (starts.get('三')?.line ?? 0) : 0;
    const at = lines.findIndex((l, i) => i >= from && re.test(labelKey(l.text)));
    if (at >= 0) starts.set(id, { line: id === '四' ? backToBlock(lines, at) : at, headed: false });
  }
  const bounds = [...[...starts.values()].map((s) => s.line), ...stops].sort((a, b) => a - b);
  const out: Partial<Record<TableId, Region>> = {};
  for (const [id, s] of starts) {
    const end = bounds.find((b) => b > s.line) ?? lines.length;
    out[id] = { start: s.line, end, headed: s.headed };
  }
  return out;
}

/** Without its heading, table 四 starts at its 行政复议 label just before 结果维持. */
function backToBlock(lines: readonly DocLine[], at: number): number {
  for (let i = at; i >= Math.max(0, at - 6); i--) if (labelKey(lines[i]!.text) === '行政复议') return i;
  return at;
}

/** The tokens of a region. */
export function tokensIn(tokens: readonly Token[], region: Region): Token[] {
  return tokens.filter((t) => t.line >= region.start && t.line < region.end);
}
