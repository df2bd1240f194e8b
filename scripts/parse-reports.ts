/**
 * Convert annual report documents into the canonical data format.
 *
 *   npm run parse -- <report files…> --out <file.json|file.csv>
 *
 * Reads plain text exported from the published document, HTML as published on county portals,
 * .docx and PDF with a text layer; prints the warnings and 勾稽关系 findings of each file; writes every report read (JSON: an
 * array of report records with `source` = the file's name; CSV: the wide format). Exits with status
 * 1 when a file cannot be read at all (the others are still converted and written).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexDivisions } from '../src/lib/ingest/division-match.ts';
import { toWideCsv } from '../src/lib/ingest/write-csv.ts';
import { documentKind, readDocument } from '../src/lib/import/read-document.ts';
import { parseDivisions } from '../src/lib/model/divisions.ts';
import type { Report } from '../src/lib/model/report.ts';
import { checkReport } from '../src/lib/model/rules.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface ParseRun {
  reports: Report[];
  /** one line per warning or finding, prefixed with the file name */
  messages: string[];
  /** files that could not be read at all */
  failed: string[];
}

export async function parseFiles(paths: readonly string[]): Promise<ParseRun> {
  const divisions = indexDivisions(parseDivisions(readFileSync(join(root, 'data/divisions/townships_cn.csv'), 'utf8')));
  const run: ParseRun = { reports: [], messages: [], failed: [] };
  for (const path of paths) {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(path));
    } catch (e) {
      run.failed.push(name);
      run.messages.push(`${name}：无法打开文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
      continue;
    }
    const kind = documentKind(name, bytes) ?? (extname(name).toLowerCase() === '.txt' ? 'text' : null);
    if (!kind) {
      run.failed.push(name);
      run.messages.push(`${name}：不是可以读取的年度报告（支持 .txt、.html、.htm、.docx 和有文字层的 .pdf）`);
      continue;
    }
    try {
      const { doc } = await readDocument(name, bytes, kind, divisions);
      if (!doc.report.town || !Number.isInteger(doc.report.year)) {
        run.failed.push(name);
        run.messages.push(`${name}：没有找到镇街名称或统计年度，无法作为报告读取`);
        continue;
      }
      run.reports.push(doc.report);
      for (const w of doc.warnings) run.messages.push(`${name}：警告：${w}`);
      for (const f of checkReport(doc.report)) run.messages.push(`${name}：${f.severity === 'error' ? '勾稽关系错误' : '勾稽关系警告'}：${f.message}`);
    } catch (e) {
      run.failed.push(name);
      const why = (e as Error).message;
      // the PDF reader's messages name the file and say what to give instead
      run.messages.push(why.includes(`「${name}」`) ? `${name}：${why}` : `${name}：无法读取（${why}）`);
    }
  }
  return run;
}

export function serialise(reports: readonly Report[], out: string): string {
  if (out.toLowerCase().endsWith('.csv')) return toWideCsv(reports, { headers: 'id', bom: true });
  return JSON.stringify(reports, null, 2) + '\n';
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((a, i) => a !== '--out' && i !== at + 1);
  if (!out || files.length === 0 || !/\.(json|csv)$/i.test(out)) {
    console.error('用法：npm run parse -- <报告文件…> --out <输出.json|输出.csv>');
    process.exit(2);
  }
  const run = await parseFiles(files);
  for (const m of run.messages) console.log(m);
  writeFileSync(out, serialise(run.reports, out));
  console.log(`已读取 ${run.reports.length} 份报告 → ${out}${run.failed.length > 0 ? `；${run.failed.length} 个文件无法读取：${run.failed.join('、')}` : ''}`);
  if (run.failed.length > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
