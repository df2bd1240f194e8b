/**
 * Chart images for reports: PNG at 2× on white, and SVG, drawn off-screen from the same ChartSpec
 * and the same layout as the on-screen chart (export-option.ts), with the title, the filters in
 * force, the data source line and, when any shown data is synthetic, a 示例数据 mark.
 */
import { zipSync } from 'fflate';
import type { ChartSpec } from '../charts/spec.ts';
import { echarts } from '../charts/echarts.svelte.ts';
import { EXPORT_WIDTH, exportLayout, type ExportMeta } from './export-option.ts';

export type { ExportMeta };

/** PNG bytes at 2× pixel ratio on a white background. */
export function renderPng(spec: ChartSpec, meta: ExportMeta): Blob {
  const { option, height } = exportLayout(spec, meta);
  const div = document.createElement('div');
  const chart = echarts.init(div, undefined, { renderer: 'canvas', width: EXPORT_WIDTH, height, devicePixelRatio: 2 });
  try {
    chart.setOption(option);
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    return new Blob([dataUrlBytes(url)], { type: 'image/png' });
  } finally {
    chart.dispose();
  }
}

/** A base64 data: URL's bytes (fetching a data: URL is not allowed by the page's CSP). */
export function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** SVG text; Chinese stays text. */
export function renderSvg(spec: ChartSpec, meta: ExportMeta): string {
  const { option, height } = exportLayout(spec, meta);
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: EXPORT_WIDTH, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Several files in one ZIP. */
export function zipFiles(files: readonly { name: string; data: Uint8Array }[]): Blob {
  const used = new Set<string>();
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) {
    let name = f.name;
    for (let i = 2; used.has(name); i++) name = f.name.replace(/(\.[^.]+)?$/, `_${i}$1`);
    used.add(name);
    entries[name] = f.data;
  }
  return new Blob([zipSync(entries, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** Save a blob under a file name through a temporary link. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
