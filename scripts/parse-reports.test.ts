import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../src/lib/ingest/parse-file.ts';
import type { Report } from '../src/lib/model/report.ts';
import { listCorpus } from '../src/lib/report-doc/corpus/corpus.ts';
import { printToPdf } from '../src/lib/report-doc/corpus/print-pdf.ts';
import { YIQIAO_2026 } from './fixtures/report-docx.ts';
import { parseFiles, serialise } from './parse-reports.ts';

const root = new URL('../', import.meta.url);
const path = (p: string) => fileURLToPath(new URL(p, root));
const SAMPLE = path('data/sources/000_75c809bd29ead2fa.txt');
const KANGYI_DOCX = path('e2e/fixtures/康驿镇2021年政府信息公开工作年度报告.docx');
const YIQIAO_DOCX = path('e2e/fixtures/义桥镇2026年政府信息公开工作年度报告.docx');
const kangyi = (JSON.parse(readFileSync(path('data/reports/kangyi_2021.json'), 'utf8')) as Report[])[0]!;
const stated = (r: Report) => Object.fromEntries(Object.entries(r.metrics).filter(([, v]) => v !== null && v !== undefined));

describe('npm run parse: report documents to the canonical format', () => {
  it('reads the real sample as text and as .docx into exactly the transcribed record', async () => {
    const run = await parseFiles([SAMPLE, KANGYI_DOCX]);
    expect(run.failed).toEqual([]);
    for (const r of run.reports) {
      expect({ ...r, source: '', metrics: stated(r) }).toEqual({ ...kangyi, source: '', metrics: stated(kangyi) });
    }
    expect(run.reports.map((r) => r.source)).toEqual(['000_75c809bd29ead2fa.txt', '康驿镇2021年政府信息公开工作年度报告.docx']);
  }, 30_000);

  it('reads a layout-2021 .docx with non-zero tables, and prints its 勾稽关系 finding', async () => {
    const run = await parseFiles([YIQIAO_DOCX]);
    const r = run.reports[0]!;
    expect({ ...r, metrics: stated(r) }).toEqual({
      ...YIQIAO_2026.report,
      metrics: { ...stated(YIQIAO_2026.report), pub_website: 40, pub_newmedia: 320, pub_board: 60, train_sessions: 8, train_people: 150, text_applications: 3 },
    });
    expect(run.messages.some((m) => m.startsWith('义桥镇2026年政府信息公开工作年度报告.docx：勾稽关系错误：R5'))).toBe(true);
  }, 30_000);

  it('writes JSON records and wide CSV that import back to the same reports', async () => {
    const run = await parseFiles([SAMPLE, YIQIAO_DOCX]);
    for (const out of ['x.json', 'x.csv']) {
      const back = parseReportFile(out, serialise(run.reports, out), { maxYear: 2027 });
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(back.reports.map((r) => [r.town, r.year, r.source, stated(r)])).toEqual(run.reports.map((r) => [r.town, r.year, r.source, stated(r)]));
    }
  }, 30_000);

  it('exits with status 1 when a file cannot be read, after converting the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-'));
    const out = join(dir, 'out.json');
    const res = spawnSync('npx', ['tsx', path('scripts/parse-reports.ts'), SAMPLE, join(dir, 'missing.docx'), '--out', out], { encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('missing.docx：无法打开文件');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
    const bad = spawnSync('npx', ['tsx', path('scripts/parse-reports.ts'), SAMPLE], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 60_000);

  it('reads a PDF report (printed by Chromium) into exactly its record, and names a scanned PDF with what to give instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-pdf-'));
    const fixture = listCorpus().find((f) => f.name === 'ciqiu-2023-pdf')!;
    const pdf = join(dir, '次邱镇2023年报告.pdf');
    copyFileSync(await printToPdf(fixture.path), pdf);
    const scanHtml = join(dir, 'scan.html');
    writeFileSync(scanHtml, '<!doctype html><meta charset="utf-8"><canvas id="c" width="600" height="800"></canvas><script>document.getElementById("c").getContext("2d").fillRect(50, 50, 500, 3)</script>');
    const scan = join(dir, '扫描件.pdf');
    copyFileSync(await printToPdf(scanHtml), scan);
    const run = await parseFiles([pdf, scan]);
    expect(run.failed).toEqual(['扫描件.pdf']);
    expect(run.messages.filter((m) => m.startsWith('扫描件.pdf'))).toEqual([expect.stringMatching(/^扫描件\.pdf：「扫描件\.pdf」是扫描得到的图片 PDF，没有文字层.*Word 文件（\.docx）/)]);
    const r = run.reports[0]!;
    const e = fixture.expected;
    expect([r.town, r.county, r.town_code, r.year, r.layout, r.source]).toEqual([e.town, e.county, '370830103', e.year, e.layout, '次邱镇2023年报告.pdf']);
    expect(stated(r)).toEqual(e.values);
    // and through the command itself
    const out = join(dir, 'out.json');
    const res = spawnSync('npx', ['tsx', path('scripts/parse-reports.ts'), pdf, '--out', out], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report[]).map((x) => [x.town, x.year])).toEqual([['次邱镇', 2023]]);
  }, 60_000);
});
