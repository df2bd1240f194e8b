/**
 * PDF files that cannot be read say why, in Chinese, naming the file and what to give instead: a
 * scan (an image-only PDF printed here by Chromium from a canvas drawing), a password-protected
 * PDF, a broken one. A PDF with a scanned page among text pages is read, with a warning.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmapPdf, CMAP_REPORT } from '../../../scripts/fixtures/report-pdf.ts';
import { printToPdf } from '../report-doc/corpus/print-pdf.ts';
import { readDocument } from './read-document.ts';
import { brokenMessage, passwordMessage, readPdfLines, scanMessage } from './read-pdf.ts';

/** A page that is only an image of text: what a scanner gives. */
const SCAN_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 0 } body { margin: 0 }</style></head>
<body><canvas id="c" width="794" height="1000"></canvas><script>
const g = document.getElementById('c').getContext('2d');
g.fillStyle = '#f4f1ea'; g.fillRect(0, 0, 794, 1000); g.fillStyle = '#222';
g.font = '28px serif'; g.fillText('汶上县郭楼镇人民政府2023年政府信息公开工作年度报告', 60, 90);
g.font = '18px serif';
for (let i = 0; i < 30; i++) g.fillText('扫描件中的正文第' + (i + 1) + '行：全年主动公开政府信息若干条。', 60, 150 + i * 28);
</script></body></html>`;

/** Two text pages and, between them, a page that is only an image (a table pasted as a screenshot). */
const MIXED = `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4 } .b { break-after: page }</style></head>
<body><p class="b">${'汶上县郭楼镇人民政府2023年政府信息公开工作年度报告。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。'.repeat(3)}</p>
<div class="b"><canvas id="c" width="600" height="300"></canvas></div><p>${'全年通过汶上县人民政府网站主动公开政府信息120条。'.repeat(3)}</p>
<script>const g = document.getElementById('c').getContext('2d'); g.fillStyle = '#000'; g.fillRect(10, 10, 580, 2); g.font = '20px serif'; g.fillText('表二（截图）', 20, 60);</script></body></html>`;

/** A PDF with a standard security handler whose user password is not empty. */
function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex(32, 11)}> /U <${hex(32, 5)}> /P -44 >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 1)}> <${hex(16, 1)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-pdf-'));
});

async function printed(name: string, html: string): Promise<Uint8Array> {
  const path = join(dir, name);
  writeFileSync(path, html);
  return new Uint8Array(readFileSync(await printToPdf(path)));
}

describe('PDF files that cannot be read', () => {
  it('a scan (an image without a text layer) is named, said to be a scan, with what to give instead', async () => {
    const bytes = await printed('scan.html', SCAN_PAGE);
    await expect(readPdfLines('郭楼镇2023年报告（扫描件）.pdf', bytes)).rejects.toThrow(scanMessage('郭楼镇2023年报告（扫描件）.pdf'));
    expect(scanMessage('x.pdf')).toMatch(/「x\.pdf」是扫描得到的图片 PDF，没有文字层.*Word 文件（\.docx）.*网页.*文字版（\.txt）/);
    // through the dispatcher as the import and npm run parse call it
    await expect(readDocument('扫描件.pdf', bytes, 'pdf')).rejects.toThrow(/「扫描件\.pdf」是扫描得到的图片/);
  }, 60_000);

  it('a password-protected PDF says so', async () => {
    await expect(readPdfLines('加密.pdf', encryptedPdf())).rejects.toThrow(passwordMessage('加密.pdf'));
    expect(passwordMessage('加密.pdf')).toContain('设有打开密码');
  });

  it('a file that is not a PDF, an empty one or a cut-off one is broken', async () => {
    await expect(readPdfLines('坏.pdf', new TextEncoder().encode('这不是 PDF 文件'))).rejects.toThrow(brokenMessage('坏.pdf'));
    await expect(readPdfLines('空.pdf', new Uint8Array(0))).rejects.toThrow(brokenMessage('空.pdf'));
    const whole = await printed('cut.html', MIXED);
    await expect(readPdfLines('残.pdf', whole.slice(0, 400))).rejects.toThrow(/「残\.pdf」(不是有效的 PDF 文件|是扫描得到的图片)/);
  }, 60_000);
});

describe('a PDF with a page that is only an image', () => {
  it('is read, and the warning names the page', async () => {
    const { lines, warnings, pages } = await readPdfLines('混合.pdf', await printed('mixed.html', MIXED));
    expect(pages).toBe(3);
    expect(warnings).toEqual(['PDF 第 2 页没有文字（可能是扫描或截图的图片），这一页上的表格和数字无法读取']);
    expect(lines.map((l) => l.text).join('\n')).toContain('全年通过汶上县人民政府网站主动公开政府信息120条。');
  }, 60_000);
});

describe('a PDF whose font is not embedded', () => {
  it('is read through the CJK cMaps (UniGB-UCS2-H, Adobe-GB1-UCS2)', async () => {
    const { lines } = await readPdfLines('郭仓镇.pdf', cmapPdf(CMAP_REPORT));
    expect(lines.map((l) => l.text)).toEqual([CMAP_REPORT[0], CMAP_REPORT.slice(1).join('')]);
    const { doc } = await readDocument('郭仓镇.pdf', cmapPdf(CMAP_REPORT), 'pdf');
    expect([doc.report.town, doc.report.county, doc.report.year, doc.report.metrics.pub_website]).toEqual(['郭仓镇', '汶上县', 2026, 35]);
  });
});
