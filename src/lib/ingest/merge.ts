/**
 * Several parsed files → one set of reports. Two reports with the same identity are a conflict:
 * never summed, never silently overwritten. The first one is kept and the other is listed.
 */
import { reportKey, type Report } from '../model/report.ts';
import { issue, type IngestIssue } from './issues.ts';
import type { ParsedFile } from './parse-file.ts';

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
