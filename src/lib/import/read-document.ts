/**
 * Report documents as import input: plain text exported from the published document, HTML as
 * published on county portals, .docx (converted to HTML by mammoth, a maintained docx reader) and
 * PDF with a text layer (read through pdf.js, loaded only when a PDF is given: read-pdf.ts).
 */
import mammoth from 'mammoth';
import { checkedZip } from './zip-inflate.ts';
import type { DivisionIndex } from '../ingest/division-match.ts';
import { decodeBytes, type Encoding } from '../ingest/decode.ts';
import { parseLines, parseReportHtml, parseReportText } from '../report-doc/parse.ts';
import type { ParsedReportDoc } from '../model/report-doc.ts';

export type DocumentKind = 'text' | 'html' | 'docx' | 'pdf';

/** Words only an annual report contains (a data file never has them). */
const REPORT_MARKS = /政府信息公开工作年度报告|收到和处理政府信息公开申请情况|主动公开政府信息情况/;

/** Whether a file is a report document rather than a data file, and which kind. */
export function documentKind(name: string, bytes: Uint8Array): DocumentKind | null {
  const lower = name.toLowerCase();
  // a PDF by its signature whatever its name
  if (lower.endsWith('.pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d)) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.txt')) {
    const head = decodeBytes(bytes.subarray(0, 64 * 1024)).text;
    return REPORT_MARKS.test(head) ? 'text' : null;
  }
  return null;
}

export async function readDocument(
  name: string,
  bytes: Uint8Array,
  kind: DocumentKind,
  divisions?: DivisionIndex,
): Promise<{ doc: ParsedReportDoc; encoding: Encoding | null }> {
  const opts = divisions ? { divisions } : {};
  if (kind === 'pdf') {
    const { readPdfLines } = await import('./read-pdf.ts');
    const pdf = await readPdfLines(name, bytes);
    const doc = parseLines(pdf.lines, name, opts);
    return { doc: { ...doc, warnings: [...pdf.warnings, ...doc.warnings] }, encoding: null };
  }
  if (kind === 'docx') {
    const data = checkedZip(name, bytes).buffer as ArrayBuffer;
    // mammoth's browser build reads `arrayBuffer`, its Node build (the CLI) `buffer`; both accept an ArrayBuffer
    const { value } = await mammoth.convertToHtml({ arrayBuffer: data, buffer: data } as unknown as Parameters<typeof mammoth.convertToHtml>[0]);
    return { doc: parseReportHtml(value, name, opts), encoding: null };
  }
  const { text, encoding } = decodeBytes(bytes);
  return { doc: kind === 'html' ? parseReportHtml(text, name, opts) : parseReportText(text, name, opts), encoding };
}
