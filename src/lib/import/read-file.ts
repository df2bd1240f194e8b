/**
 * One imported file, read the way the import worker reads it: decode and parse, match town names
 * and codes against the division list, then check the consistency rules. Everything found is in
 * the file's issues; the reports are those without an error.
 */
import { indexDivisions, matchDivisions, type DivisionIndex } from '../ingest/division-match.ts';
import { parseReportFile, type ParsedFile } from '../ingest/parse-file.ts';
import { ruleWarnings } from '../ingest/rule-warnings.ts';
import { parseDivisions } from '../model/divisions.ts';

export interface ReadOptions {
  /** where the division list is served (fetched once, then kept) */
  divisionsUrl: string;
  maxYear: number;
}

let divisions: Promise<DivisionIndex | null> | null = null;

/** The division list, or null when it cannot be read (names are then not checked). */
function divisionIndex(url: string): Promise<DivisionIndex | null> {
  divisions ??= fetch(url)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((text) => indexDivisions(parseDivisions(text)))
    .catch(() => null);
  return divisions;
}

export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  opts: ReadOptions,
  onStage: (stage: string, done?: number) => void,
): Promise<ParsedFile> {
  onStage('解码并解析', 0);
  const parsed = parseReportFile(name, bytes, { maxYear: opts.maxYear, onProgress: (done) => onStage('解析并校验', done) });
  if (parsed.reports.length === 0) return parsed;
  onStage('核对镇街名称和区划代码');
  const index = await divisionIndex(opts.divisionsUrl);
  const matched = index ? matchDivisions(parsed.reports, index, name, parsed.rows) : { reports: parsed.reports, issues: [] };
  onStage('检查勾稽关系');
  return { ...parsed, reports: matched.reports, issues: [...parsed.issues, ...matched.issues, ...ruleWarnings(matched.reports, name, parsed.rows)] };
}
