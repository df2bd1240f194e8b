/**
 * Several parsed files → one set of reports. Two reports with the same identity are a conflict:
 * never summed, never silently overwritten. The first one is kept and the other is listed.
 */
import { reportKey, type Report } from '../model/report.ts';
import { issue, type IngestIssue } from './issues.ts';
import type { ParsedFile } from './parse-file.ts';
import type { ReportSet, SetPart } from './columns.ts';

export interface Merged {
  reports: Report[];
  issues: IngestIssue[];
}

export function mergeFiles(files: readonly ParsedFile[]): Merged {
  const reports: Report[] = [];
  const issues: IngestIssue[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    issues.push(...f.issues);
    for (const r of f.reports) {
      const key = reportKey(r);
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(issue('error', f.file, `${r.town} ${r.year} 年的报告已在 ${first} 中出现，未重复载入`));
        continue;
      }
      seen.set(key, f.file);
      reports.push(r);
    }
  }
  return { reports, issues };
}

/** A parsed file as columns (parse-columns.ts), as far as merging needs it. */
export interface FileSet {
  file: string;
  set: ReportSet;
  issues: readonly IngestIssue[];
}

/** mergeFiles for files read as columns: the same issues, and the rows kept as parts of the files' sets. */
export function mergeSets(files: readonly FileSet[]): { parts: SetPart[]; issues: IngestIssue[]; count: number } {
  const issues: IngestIssue[] = [];
  const seen = new Map<string, string>();
  const parts: SetPart[] = [];
  let count = 0;
  for (const f of files) {
    for (const i of f.issues) issues.push(i);
    const rows: number[] = [];
    const { keys, columns } = f.set;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(issue('error', f.file, `${columns.town[i]} ${columns.year[i]} 年的报告已在 ${first} 中出现，未重复载入`));
        continue;
      }
      seen.set(key, f.file);
      rows.push(i);
    }
    count += rows.length;
    if (rows.length === keys.length) parts.push({ set: f.set });
    else if (rows.length > 0) parts.push({ set: f.set, rows: Int32Array.from(rows) });
  }
  return { parts, issues, count };
}
