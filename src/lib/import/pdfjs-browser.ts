/**
 * pdf.js in the browser, from the app's own origin only: the modern build, its worker started from
 * the worker file Vite emits with the app (`?url`), and the CJK cMaps and standard fonts emitted as
 * app assets and handed to pdf.js by name (no cMapUrl to another host, no fetch by pdf.js itself).
 * Imported only by read-pdf.ts, only when a PDF is read, so none of this is in the first view's
 * bundle.
 */
import * as pdfjs from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export { pdfjs };

/** Asset URLs by file name. */
const byName = (files: Record<string, string>) => new Map(Object.entries(files).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

const CMAPS = byName(import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>);
const FONTS = byName(
  import.meta.glob(['/node_modules/pdfjs-dist/standard_fonts/*.pfb', '/node_modules/pdfjs-dist/standard_fonts/*.ttf'], {
    query: '?url',
    import: 'default',
    eager: true,
  }) as Record<string, string>,
);

/** pdf.js asks this for cMaps and standard fonts (useWorkerFetch off): served from the app's assets. */
class AppBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = (kind === 'cMapUrl' ? CMAPS : kind === 'standardFontDataUrl' ? FONTS : null)?.get(filename);
    if (!url) throw new Error(`${filename} is not bundled`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${filename}: HTTP ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}

let worker: InstanceType<typeof pdfjs.PDFWorker> | null = null;

/** One pdf.js worker for all the PDFs this page reads. */
function pdfWorker() {
  worker ??= new pdfjs.PDFWorker({ port: new Worker(workerUrl, { type: 'module', name: 'pdf.js' }) as unknown as null });
  return worker;
}

export function documentOptions(): Partial<DocumentInitParameters> {
  return { worker: pdfWorker(), BinaryDataFactory: AppBinaryData, useWorkerFetch: false };
}
