/**
 * A township's 《政府信息公开工作年度报告》 read from the document itself — the plain-text export
 * (one table cell per line) or the HTML page a county portal publishes — into the canonical
 * record, with where every value came from and what could not be read. Pure: no DOM, no I/O.
 */
import type { DivisionIndex } from '../ingest/division-match.ts';
import { METRIC_IDS } from '../model/catalogue.ts';
import type { Report } from '../model/report.ts';
import { linesToText, textToLines, tokenize, type DocLine } from './cells.ts';
import { looksTraditional, pinyinCount, stripPinyin, toSimplified } from './hant.ts';
import { htmlToLines } from './html.ts';
import { countyFromText, identify } from './identity.ts';
import { decideLayout } from './layout.ts';
import { readNarrative } from './narrative.ts';
import { normalizeRenderings } from './renderings.ts';
import { findRegions, TABLE_TITLES, tokensIn, type TableId } from './sections.ts';
import type { TableResult } from './table-result.ts';
import { readTable2, t2LayoutFromHeaders, t2LayoutFromRows } from './table2.ts';
import { readTable3, table3Result } from './table3.ts';
import { readTable4 } from './table4.ts';
import { resolveTownCode } from './town-code.ts';
import type { ParsedReportDoc, Provenance } from '../model/report-doc.ts';

export interface ParseReportOptions {
  /** the national list of divisions, to fill in the 区划代码 and county */
  divisions?: DivisionIndex;
}

/** Parse the plain-text export of a report. */
export function parseReportText(text: string, file: string, opts: ParseReportOptions = {}): ParsedReportDoc {
  return parseLines(textToLines(text), file, opts);
}

/** Parse a report published as an HTML page (paragraphs and `<table>`s). */
export function parseReportHtml(html: string, file: string, opts: ParseReportOptions = {}): ParsedReportDoc {
  return parseLines(htmlToLines(html), file, opts);
}

interface Identity {
  county: string;
  town: string;
  town_code: string | null;
  year: number;
}

/**
 * Town, county and year (see identity.ts): a town only where the text names one that looks like a
 * township name (and is in the division list, when there is one); otherwise '' and a warning.
 */
function readIdentity(lines: readonly string[], fullText: string, opts: ParseReportOptions, warnings: string[]): Identity {
  const read = identify(lines, opts.divisions);
  warnings.push(...read.warnings);
  const { town, year } = read;
  let county = read.county ?? (town !== '' ? countyFromText(fullText, town) : null);
  let town_code: string | null = null;
  if (opts.divisions && town !== '') {
    const r = resolveTownCode(opts.divisions, town, county, fullText);
    ({ county, town_code } = r);
    warnings.push(...r.warnings);
  }
  if (!county && town !== '') warnings.push('未找到所属县（市、区）：正文中没有写明');
  return { county: county ?? '', town, town_code, year };
}

/** Parse a report already split into lines (paragraphs and table cells): a PDF's rebuilt lines. */
export function parseLines(lines: readonly DocLine[], file: string, opts: ParseReportOptions = {}): ParsedReportDoc {
  const warnings: string[] = [];
  // read from the lines as the readers take them; shown beside the tables as they are
  const shown = lines;
  lines = readableLines(lines, warnings);
  const paragraphs = lines.filter((l) => !l.cell && !l.blank).map((l) => l.text);
  const fullText = lines.map((l) => l.text).join('\n');
  const identity = readIdentity(
    lines.filter((l) => !l.blank).map((l) => l.text),
    fullText,
    opts,
    warnings,
  );

  const tokens = tokenize(lines);
  const regions = findRegions(lines);
  const region = (id: TableId) => (regions[id] ? tokensIn(tokens, regions[id]) : null);
  const t2 = region('二');
  const t3 = region('三');
  const t4 = region('四');
  const t3Read = t3 ? readTable3(t3) : null;
  const t2Headers = t2 ? t2LayoutFromHeaders(t2) : null;
  const decided = decideLayout({
    t2Headers,
    t2Rows: t2 && !t2Headers ? t2LayoutFromRows(t2) : null,
    t3SubRows: t3Read?.subRows ?? false,
    t3OtherRow: t3Read?.otherRow ?? false,
    anyTable: t2 !== null || t3 !== null || t4 !== null,
  });
  warnings.push(...decided.warnings);
  const layout = decided.layout;

  const metrics: Record<string, number | null> = Object.fromEntries(METRIC_IDS.map((id) => [id, null]));
  const provenance: Record<string, Provenance> = {};
  const take = (id: TableId, r: TableResult | null) => {
    if (r === null) {
      warnings.push(`未找到表${id}（${TABLE_TITLES[id]}）`);
      return;
    }
    if (r.rowsRead === 0) {
      warnings.push(`表${id}（${TABLE_TITLES[id]}）没有读到任何数字`);
      return;
    }
    warnings.push(...r.warnings);
    Object.assign(metrics, r.values);
    Object.assign(provenance, r.provenance);
  };
  if (t2 && !layout) {
    warnings.push('表二无法判断表式，未读取');
  } else {
    take('二', t2 && layout ? readTable2(t2, layout) : null);
  }
  take('三', t3Read ? table3Result(t3Read, layout) : null);
  take('四', t4 ? readTable4(t4) : null);

  const narrative = readNarrative(paragraphs, identity.year > 0 ? { year: identity.year } : {});
  Object.assign(metrics, narrative.values);
  Object.assign(provenance, narrative.provenance);
  warnings.push(...narrative.warnings);

  const report: Report = { ...identity, layout, source: file, synthetic: false, metrics };
  return { report, provenance, warnings, text: linesToText(shown) };
}

/**
 * The lines as the readers take them: a traditional-character mirror in simplified characters
 * (pinyin put after characters dropped), tables in every rendering met on portals as cells and
 * rows (renderings.ts). What is shown beside the tables stays the document as it is.
 */
function readableLines(lines: readonly DocLine[], warnings: string[]): DocLine[] {
  const all = lines.map((l) => l.text).join('\n');
  const pinyin = pinyinCount(all) >= 5;
  const hant = looksTraditional(all);
  if (hant) warnings.push('原文为繁体字，已按简体字对照读取');
  if (pinyin) warnings.push('原文在汉字后插有拼音，已去掉后读取');
  const mapped = pinyin || hant ? lines.map((l) => ({ ...l, text: hant ? toSimplified(pinyin ? stripPinyin(l.text) : l.text) : stripPinyin(l.text) })) : lines;
  return normalizeRenderings(mapped);
}
