/**
 * One imported file, read the way the import worker reads it: decode and parse, match town names
 * and codes against the division list, then check the consistency rules. Everything found is in
 * the file's issues; the reports are those without an error.
 */
import { indexDivisions, matchDivisions, type DivisionIndex, type MatchMemo } from '../ingest/division-match.ts';
import { keyAt, metricAt } from '../ingest/columns.ts';
import { rowsToCheck } from '../ingest/rule-prefilter.ts';
import { fromParsedFile, parseFileColumns, type ParsedColumns } from '../ingest/parse-columns.ts';
import type { IngestIssue } from '../ingest/issues.ts';
import { METRICS } from '../model/catalogue.ts';
import type { Report } from '../model/report.ts';
import { parseReportFile, type ParsedFile } from '../ingest/parse-file.ts';
import { ruleWarnings } from '../ingest/rule-warnings.ts';
import { parseDivisions } from '../model/divisions.ts';
import { isWorkbook, type Encoding } from '../ingest/decode.ts';
import { issue } from '../ingest/issues.ts';
import { noValue } from '../ingest/blank.ts';
import { MIN_YEAR } from '../model/report.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';
import { withGivenIdentity, type GivenIdentity } from '../report-doc/given-identity.ts';
import { documentKind, readDocument, type DocumentKind } from './read-document.ts';
import { TownResolver, type KnownTown } from '../ingest/town-match.ts';

export interface ReadOptions {
  /** where the division list is served (fetched once, then kept) */
  divisionsUrl: string;
  maxYear: number;
  /** by file name: the town and year typed in the review for a report document that did not name them */
  identities?: Readonly<Record<string, GivenIdentity>>;
  /** the towns shown now: rows without a county, or with 人民政府 after the name, are matched to them */
  known?: readonly KnownTown[];
}

let divisions: Promise<DivisionIndex | null> | null = null;
/** Why the division list is unusable, in words for the clerk. */
class DivisionsUnreadable extends Error {}
/** why the division list could not be read the last time it was tried (null: it was read) */
let divisionsFailure: string | null = null;

/**
 * The division list, or null when it cannot be read — then names and codes are not checked, and
 * each file read says so (divisionsMissing).
 */
async function divisionIndex(url: string): Promise<DivisionIndex | null> {
  divisions ??= fetch(url)
    .then((r) => (r.ok ? r.text() : Promise.reject(new DivisionsUnreadable(`服务器返回 ${r.status}`))))
    .then((text) => {
      const list = parseDivisions(text);
      if (list.length === 0) throw new DivisionsUnreadable('表是空的');
      divisionsFailure = null;
      return indexDivisions(list);
    })
    .catch((e: unknown) => {
      // tried again at the next import
      divisions = null;
      // the browser's own messages (a failed fetch) are English: said in Chinese instead
      divisionsFailure = e instanceof DivisionsUnreadable ? e.message : '取不到文件';
      return null;
    });
  return divisions;
}

/** Start fetching and indexing the division list, so that the first import does not wait for it. */
export function prepareDivisions(url: string): void {
  void divisionIndex(url);
}

/** The warning of a file read without the division list. */
function divisionsMissing(name: string, index: DivisionIndex | null): IngestIssue[] {
  const why = divisionsFailure ? `（${divisionsFailure}）` : '';
  return index ? [] : [issue('warning', name, `区划代码表无法读取${why}，本次没有核对镇街名称和区划代码，也没有补全区划代码；请刷新页面后重新导入`)];
}

export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions,
  onStage: (stage: string, done?: number) => void,
): Promise<ParsedFile> {
  const kind = documentKind(name, bytes);
  if (kind) return readReportDocument(name, bytes, kind, opts, onStage);
  const parsed = await readDataFile(name, bytes, opts, onStage);
  if (parsed.reports.length === 0) return parsed;
  onStage('核对镇街名称和区划代码');
  const index = await divisionIndex(opts.divisionsUrl);
  const resolver = new TownResolver(opts.known ?? [], index, name);
  const resolved = parsed.reports.map((r, i) => {
    const to = resolver.resolve(r, parsed.rows?.[i] ?? null);
    return to ? { ...r, ...to } : r;
  });
  const matched = index ? matchDivisions(resolved, index, name, parsed.rows) : { reports: resolved, issues: [] };
  onStage('检查勾稽关系');
  return {
    ...parsed,
    reports: matched.reports,
    issues: [...parsed.issues, ...divisionsMissing(name, index), ...resolver.issues(), ...matched.issues, ...ruleWarnings(matched.reports, name, parsed.rows)],
  };
}

/** A data file (CSV, JSON, or an .xlsx workbook whose sheets are read as CSV files), parsed and validated. */
async function readDataFile(name: string, bytes: Uint8Array, opts: ReadOptions, onStage: (stage: string, done?: number) => void): Promise<ParsedFile> {
  if (isWorkbook(name, bytes)) {
    onStage('读取 Excel 工作簿', 0);
    // the workbook reader is loaded only when a workbook is given
    const { readWorkbook } = await import('./read-workbook.ts');
    return readWorkbook(name, bytes, { maxYear: opts.maxYear });
  }
  onStage('解码并解析', 0);
  return parseReportFile(name, bytes, { maxYear: opts.maxYear, onProgress: (done) => onStage('解析并校验', done) });
}

/** An annual report document: its tables and numbers become one report, its warnings file issues. */
async function readReportDocument(
  name: string,
  bytes: Uint8Array,
  kind: DocumentKind,
  opts: ReadOptions,
  onStage: (stage: string, done?: number) => void,
): Promise<ParsedFile> {
  onStage(kind === 'docx' ? '读取 Word 文档' : kind === 'pdf' ? '读取 PDF 文档' : '读取报告全文', 0);
  const index = await divisionIndex(opts.divisionsUrl);
  let doc: ParsedReportDoc;
  let encoding: Encoding | null;
  try {
    ({ doc, encoding } = await readDocument(name, bytes, kind, index ?? undefined));
    const given = opts.identities?.[name];
    if (given) doc = withGivenIdentity(doc, given, index ?? undefined);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { file: name, format: 'document', encoding: null, reports: [], issues: [issue('error', name, `无法读取这份报告：${why}`)], rejected: 0, blank: 0 };
  }
  const issues = [...divisionsMissing(name, index), ...doc.warnings.map((w) => issue('warning', name, w))];
  const r = doc.report;
  const problems: string[] = [];
  if (!r.town) problems.push('没有找到镇街名称（应在标题中，如“××镇人民政府2021年政府信息公开工作年度报告”）');
  if (!Number.isInteger(r.year) || r.year < MIN_YEAR || r.year > opts.maxYear) problems.push('没有找到统计年度（应在标题或“统计期限”中）');
  // a report without a single number is not loaded (as a row without any value: ingest/blank.ts)
  if (problems.length === 0 && noValue(r.metrics)) problems.push('没有读出任何数值（表二、表三、表四和正文中都没有找到数字），未作为报告载入');
  for (const p of problems) issues.push(issue('error', name, p));
  if (problems.length > 0) return { file: name, format: 'document', encoding: null, reports: [], issues, rejected: 1, blank: 0, document: doc };
  onStage('检查勾稽关系');
  return {
    file: name,
    format: 'document',
    encoding,
    reports: [r],
    issues: [...issues, ...ruleWarnings([r], name)],
    rejected: 0,
    blank: 0,
    document: doc,
  };
}

/** What readImportFileColumns gives: the file's outcome with its reports as columns. */
export type ReadColumns = ParsedColumns;

/** Reports checked against the division list and the rules this many at a time. */
const CHECK_CHUNK = 4096;

/**
 * readImportFile for large files: the reports stay in columns (parse-columns.ts), and are checked
 * against the division list and the rules a part at a time, with the same issues in the same order.
 */
export async function readImportFileColumns(
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions,
  onStage: (stage: string, done?: number) => void,
): Promise<ParsedColumns> {
  const kind = documentKind(name, bytes);
  if (kind) return fromParsedFile(await readReportDocument(name, bytes, kind, opts, onStage));
  let parsed: ParsedColumns;
  if (isWorkbook(name, bytes)) parsed = fromParsedFile(await readDataFile(name, bytes, opts, onStage));
  else {
    onStage('解码并解析', 0);
    parsed = parseFileColumns(name, bytes, { maxYear: opts.maxYear, onProgress: (done) => onStage('解析并校验', done) });
  }
  const c = parsed.columns;
  if (c.length === 0) return parsed;
  onStage('核对镇街名称和区划代码');
  const index = await divisionIndex(opts.divisionsUrl);
  const resolver = new TownResolver(opts.known ?? [], index, name);
  const matchIssues: IngestIssue[] = [];
  const ruleIssues: IngestIssue[] = [];
  const memo: MatchMemo = { filled: new Map(), countyWarned: new Set() };
  // one Report object, refilled for each row: the rules read it, nothing keeps it
  const metrics: Record<string, number | null> = Object.fromEntries(METRICS.map((m) => [m.id, null]));
  for (let start = 0; start < c.length; start += CHECK_CHUNK) {
    const end = Math.min(c.length, start + CHECK_CHUNK);
    const rows = Array.prototype.slice.call(parsed.rows, start, end) as number[];
    for (let i = start; i < end; i++) {
      const to = resolver.resolve({ county: c.county[i]!, town: c.town[i]!, town_code: c.town_code[i]! }, rows[i - start]!);
      if (!to) continue;
      c.county[i] = to.county;
      c.town[i] = to.town;
      c.town_code[i] = to.town_code;
      parsed.keys[i] = keyAt(c, i);
      // not the identity in the file: the load writes this report's identity
      if (parsed.asRead) parsed.asRead[i] = 0;
    }
    if (index) {
      const ids: Report[] = [];
      for (let i = start; i < end; i++) {
        ids.push({ county: c.county[i]!, town: c.town[i]!, town_code: c.town_code[i]!, year: c.year[i]!, layout: c.layout[i]!, source: c.source[i]!, synthetic: c.synthetic[i] === 1, metrics: {} });
      }
      const matched = matchDivisions(ids, index, name, rows, memo);
      for (const x of matched.issues) matchIssues.push(x);
      matched.reports.forEach((r, k) => {
        const i = start + k;
        if (r.town_code !== c.town_code[i]) {
          c.town_code[i] = r.town_code;
          parsed.keys[i] = keyAt(c, i);
          // no longer the code in the file: the load writes this report's identity
          if (parsed.asRead) parsed.asRead[i] = 0;
        }
      });
    }
    const flagged = rowsToCheck(c, start, end);
    for (let i = start; i < end; i++) {
      if (!flagged[i - start]) continue;
      for (let m = 0; m < METRICS.length; m++) metrics[METRICS[m]!.id] = metricAt(c, m, i);
      const r: Report = { county: c.county[i]!, town: c.town[i]!, town_code: c.town_code[i]!, year: c.year[i]!, layout: c.layout[i]!, source: c.source[i]!, synthetic: c.synthetic[i] === 1, metrics };
      for (const x of ruleWarnings([r], name, [rows[i - start]!])) ruleIssues.push(x);
    }
    onStage('核对镇街名称和区划代码、检查勾稽关系', end / c.length);
  }
  return { ...parsed, issues: [...parsed.issues, ...divisionsMissing(name, index), ...resolver.issues(), ...matchIssues, ...ruleIssues] };
}
