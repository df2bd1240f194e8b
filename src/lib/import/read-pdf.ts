/**
 * A PDF report read through pdf.js (pdfjs-dist): each page's text runs and drawn rules, rebuilt
 * into document lines by report-doc/pdf-layout.ts. Loaded only when a PDF is given (read-document.ts
 * imports this module on demand). In the browser pdf.js is the modern build, its worker and its
 * CJK cMaps and standard fonts served by the app itself (pdfjs-browser.ts); in Node (tests,
 * `npm run parse`) it is the legacy build, reading cMaps and fonts from node_modules.
 *
 * A PDF without a text layer (a scan) and a password-protected or broken PDF are errors with a
 * Chinese message naming the file and what to give instead.
 */
import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import type { DocLine } from '../report-doc/cells.ts';
import { normalizeRun, pagesToLines, type PageContent, type Rule, type TextRun } from '../report-doc/pdf-layout.ts';

type PdfJs = typeof import('pdfjs-dist');

/** What the dispatcher needs from a PDF: its lines, and warnings about pages that could not be read. */
export interface PdfLines {
  lines: DocLine[];
  warnings: string[];
  pages: number;
}

/** What to give instead of a PDF that cannot be read. */
const INSTEAD = '这份报告的 Word 文件（.docx）、县政府网站上发布的报告网页（.html），或报告的文字版（.txt）';

export const scanMessage = (name: string) =>
  `「${name}」是扫描得到的图片 PDF，没有文字层（几乎没有可读取的文字），无法从中读出表格和数字。请改为提供${INSTEAD}。`;
export const passwordMessage = (name: string) => `「${name}」设有打开密码，无法读取。请提供没有密码的 PDF，或${INSTEAD}。`;
export const brokenMessage = (name: string) =>
  `「${name}」不是有效的 PDF 文件，或文件已损坏，无法读取。请从原文件重新导出或重新下载这份 PDF，或提供${INSTEAD}。`;

export const garbledMessage = (name: string) =>
  `「${name}」中的文字无法识别：这份 PDF 的字体没有提供文字编码，读出的只是乱码。请改为提供${INSTEAD}。`;

/** Characters a report's text is made of; a text layer mostly of anything else is not text. */
const READABLE = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef0-9A-Za-z“”‘’—…·.,:;()%\-]/u;

/** Fewer characters than this per page (and in all) is a PDF without a text layer. */
const SCAN_CHARS_PER_PAGE = 40;
const SCAN_CHARS_TOTAL = 400;

const isNode = typeof process === 'object' && `${process}` === '[object process]' && !!process.versions?.node;

let loading: Promise<{ pdfjs: PdfJs; options: Partial<DocumentInitParameters> }> | null = null;

/** pdf.js and the options to load documents with, for this environment. */
function loadPdfJs() {
  loading ??= (async () => {
    if (isNode) {
      // a specifier the bundler does not follow: the browser build never contains the legacy build
      const spec = 'pdfjs-dist/legacy/build/pdf.mjs';
      const pdfjs = (await import(/* @vite-ignore */ spec)) as PdfJs;
      const req = (process as unknown as { getBuiltinModule(m: 'module'): typeof import('node:module') }).getBuiltinModule('module').createRequire(import.meta.url);
      const dir = req.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
      return { pdfjs, options: { cMapUrl: `${dir}cmaps/`, standardFontDataUrl: `${dir}standard_fonts/` } };
    }
    const browser = await import('./pdfjs-browser.ts');
    return { pdfjs: browser.pdfjs, options: browser.documentOptions() };
  })();
  return loading;
}

/** Whether the bytes start as a PDF file does. */
const isPdf = (b: Uint8Array) => b.length > 5 && String.fromCharCode(...b.subarray(0, 1024)).includes('%PDF-');

/** 2-D affine matrices as pdf.js writes them: [a, b, c, d, e, f]. */
type Matrix = [number, number, number, number, number, number];

/** A ∘ B: B applied first. */
const multiply = (A: Matrix, B: Matrix): Matrix => [
  A[0] * B[0] + A[2] * B[1],
  A[1] * B[0] + A[3] * B[1],
  A[0] * B[2] + A[2] * B[3],
  A[1] * B[2] + A[3] * B[3],
  A[0] * B[4] + A[2] * B[5] + A[4],
  A[1] * B[4] + A[3] * B[5] + A[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

/** Text items in page coordinates from the top left. */
export function runsOf(items: readonly RawItem[], view: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform || it.str.trim() === '') continue;
    const m = multiply(view, it.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
    const len = Math.hypot(m[0], m[1]) || 1;
    const w = (it.width ?? 0) * Math.hypot(view[0], view[1]);
    const [x0, y0] = [m[4], m[5]];
    const [dx, dy] = [(m[0] / len) * w, (m[1] / len) * w];
    const str = normalizeRun(it.str);
    // text set at a slant is a watermark or a stamp, not the report's text
    const [cos, sin] = [Math.abs(m[0]) / len, Math.abs(m[1]) / len];
    if (cos > 0.1 && sin > 0.1) continue;
    if (Math.abs(dy) < 0.01 * Math.max(w, 1)) {
      runs.push({ str, x: Math.min(x0, x0 + dx), y: y0, w: Math.abs(dx), size });
    } else {
      // rotated text: placed by its middle
      const mx = x0 + dx / 2;
      const my = y0 + dy / 2;
      runs.push({ str, x: mx - Math.abs(dx) / 2, y: my + 0.35 * size, w: Math.abs(dx), size });
    }
  }
  return runs;
}

/** pdf.js operator codes used here (pdfjs-dist's OPS). */
interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  setStrokeRGBColor: number;
  fill: number;
  eoFill: number;
  stroke: number;
  closeStroke: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js's DrawOPS: the codes inside a path buffer. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Rules thinner than this (points) are lines; a filled box of this size or more is shading. */
const THIN = 3;

const isWhite = (c: unknown) => typeof c === 'string' && /^#f{6}$/i.test(c);

/**
 * The horizontal and vertical rules a page draws: thin filled rectangles (how Word and Chromium
 * draw borders) and stroked straight segments, in page coordinates from the top left.
 */
export function rulesOf(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Ops, view: Matrix): Rule[] {
  const rules: Rule[] = [];
  let ctm: Matrix = view;
  let fill: unknown = '#000000';
  let stroke: unknown = '#000000';
  const stack: [Matrix, unknown, unknown][] = [];
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const push = (p: [number, number], q: [number, number]) => {
    const [dx, dy] = [Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1])];
    if (dy < 0.5 && dx > 0.5) rules.push({ o: 'h', pos: (p[1] + q[1]) / 2, a: Math.min(p[0], q[0]), b: Math.max(p[0], q[0]) });
    else if (dx < 0.5 && dy > 0.5) rules.push({ o: 'v', pos: (p[0] + q[0]) / 2, a: Math.min(p[1], q[1]), b: Math.max(p[1], q[1]) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push([ctm, fill, stroke]);
    else if (fn === OPS.restore) [ctm, fill, stroke] = stack.pop() ?? [ctm, fill, stroke];
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push([ctm, fill, stroke]);
      const m = args?.[0];
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = multiply(ctm, Array.from(m as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) [ctm, fill, stroke] = stack.pop() ?? [ctm, fill, stroke];
    else if (fn === OPS.setFillRGBColor) fill = args?.[0];
    else if (fn === OPS.setStrokeRGBColor) stroke = args?.[0];
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
      if (!data || (!fills.has(paint) && !strokes.has(paint))) continue;
      for (const sub of subpaths(data)) {
        const pts = sub.points.map(([x, y]) => apply(ctm, x, y));
        if (fills.has(paint) && !isWhite(fill) && !sub.curved) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          const axisAligned = pts.every((p, k) => {
            const q = pts[(k + 1) % pts.length]!;
            return Math.abs(p[0] - q[0]) < 0.5 || Math.abs(p[1] - q[1]) < 0.5;
          });
          if (axisAligned && pts.length >= 2) {
            if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) rules.push({ o: 'h', pos: (y0 + y1) / 2, a: x0, b: x1 });
            else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) rules.push({ o: 'v', pos: (x0 + x1) / 2, a: y0, b: y1 });
          }
        }
        if (strokes.has(paint) && !isWhite(stroke)) {
          for (let k = 0; k + 1 < pts.length; k++) if (!sub.curvedAt.has(k)) push(pts[k]!, pts[k + 1]!);
          if (sub.closed && pts.length > 2) push(pts[pts.length - 1]!, pts[0]!);
        }
      }
    }
  }
  return rules;
}

interface Subpath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
  /** segments (by start index) that are curves */
  curvedAt: Set<number>;
}

function subpaths(d: ArrayLike<number>): Subpath[] {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  const start = (x: number, y: number) => {
    cur = { points: [[x, y]], closed: false, curved: false, curvedAt: new Set() };
    out.push(cur);
  };
  for (let i = 0; i < d.length; ) {
    const op = d[i++]!;
    if (op === MOVE) {
      start(d[i]!, d[i + 1]!);
      i += 2;
    } else if (op === LINE) {
      if (!cur) start(d[i]!, d[i + 1]!);
      else (cur as Subpath).points.push([d[i]!, d[i + 1]!]);
      i += 2;
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      if (!cur) start(d[i + n - 2]!, d[i + n - 1]!);
      else {
        const c = cur as Subpath;
        c.curved = true;
        c.curvedAt.add(c.points.length - 1);
        c.points.push([d[i + n - 2]!, d[i + n - 1]!]);
      }
      i += n;
    } else if (op === CLOSE) {
      if (cur) (cur as Subpath).closed = true;
      cur = null;
    } else break;
  }
  return out;
}

/** The lines of a PDF report; throws with a Chinese message when it cannot be read. */
export async function readPdfLines(name: string, bytes: Uint8Array): Promise<PdfLines> {
  const { pdfjs, options } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over: give it a copy
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // images are never decoded: only text and rules are read
    maxImageSize: 1,
    verbosity: 0,
    ...options,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const kind = (e as { name?: string } | null)?.name;
    if (kind === 'PasswordException') throw new Error(passwordMessage(name));
    if (kind === 'InvalidPDFException' || kind === 'FormatError' || kind === 'UnknownErrorException' || !isPdf(bytes)) throw new Error(brokenMessage(name));
    // pdf.js itself could not start (not the file's fault)
    throw new Error(`「${name}」无法读取：PDF 读取组件出错（${(e as Error)?.message ?? e}）。请刷新页面后重试，或提供${INSTEAD}。`);
  }
  const pages: PageContent[] = [];
  const empty: number[] = [];
  try {
    const views: Matrix[] = [];
    let chars = 0;
    let readable = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const text = await page.getTextContent();
      const runs = runsOf(text.items as RawItem[], view);
      const n = runs.reduce((s, r) => s + r.str.replace(/\s+/g, '').length, 0);
      for (const r of runs) for (const c of r.str) if (READABLE.test(c)) readable++;
      chars += n;
      if (n === 0) empty.push(p);
      pages.push({ width: viewport.width, height: viewport.height, runs, rules: [] });
      views.push(view);
    }
    if (chars < SCAN_CHARS_PER_PAGE * doc.numPages && chars < SCAN_CHARS_TOTAL) throw new PdfMessage(scanMessage(name));
    if (readable < 0.5 * chars) throw new PdfMessage(garbledMessage(name));
    for (let p = 1; p <= doc.numPages; p++) {
      if (pages[p - 1]!.runs.length === 0) continue;
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      pages[p - 1]!.rules = rulesOf(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as Ops, views[p - 1]!);
    }
  } catch (e) {
    if (e instanceof PdfMessage) throw e;
    throw new Error(brokenMessage(name));
  } finally {
    await task.destroy().catch(() => {});
  }
  const warnings = empty.map((p) => `PDF 第 ${p} 页没有文字（可能是扫描或截图的图片），这一页上的表格和数字无法读取`);
  return { lines: pagesToLines(pages), warnings, pages: pages.length };
}

/** An error whose message is already the one to show. */
class PdfMessage extends Error {}
