/**
 * The embedded dataset: every CSV and JSON file in data/reports/, bundled by Vite as assets of the
 * app itself and fetched from its own origin at start. Put a county's own files there and rebuild.
 * `@embedded-data` is an alias for data/reports/ (vite.config.ts), or for the directory named by the
 * environment variable ZWGK_DATA_DIR at build time (used by npm run bench).
 */
const urls = import.meta.glob('@embedded-data/*.{csv,json}', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface EmbeddedFile {
  name: string;
  url: string;
}

export const EMBEDDED_FILES: readonly EmbeddedFile[] = Object.entries(urls)
  .map(([path, url]) => ({ name: path.split('/').pop()!, url }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Fetch a file's bytes, reporting bytes received (and the total when the server states it). */
export async function fetchBytes(url: string, onProgress: (received: number, total: number | null) => void): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`读取 ${url} 失败：HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
