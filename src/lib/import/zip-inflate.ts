/**
 * A .docx or .xlsx opened with a cap on what it may inflate to. Both are zips; a crafted one (a
 * 1.2 MB file whose word/document.xml inflates to 1.26 GB) takes a tab's memory if handed to its
 * reader (mammoth, read-excel-file) as it is. Here the zip's entries are read from its central directory (as the readers' zip code does),
 * their declared sizes checked, then each is inflated in small steps with a running count of the
 * bytes it gives, stopping as soon as the total passes the cap; and the reader gets the checked
 * data as a zip without compression, so that it inflates nothing itself.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';

/** What a document's entries may inflate to in all. */
export const ZIP_INFLATE_LIMIT = 200 * 1024 * 1024;
/** How many entries a document may have (a Word document or a workbook has a few dozen). */
const MAX_ENTRIES = 10_000;
/** Compressed bytes inflated per step: one step gives at most about 1,000 times as much. */
const STEP = 4096;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** Why a document was not read, in Chinese, naming the file. */
export class ZipRejected extends Error {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  local: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A 64-bit field (ZIP64) as a number; beyond 2^53 it is more than any limit anyway. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The central directory's entries (ZIP64 sizes and offsets read too). */
function entries(name: string, b: Uint8Array, kind: string): Entry[] {
  const bad = (why: string) => new ZipRejected(`「${name}」不是有效的${kind}：${why}，未读取`);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('找不到压缩包的目录');
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const z = u64(b, eocd - 12);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw bad('压缩包的目录已损坏');
    count = u64(b, z + 32);
    offset = u64(b, z + 48);
  }
  if (count > MAX_ENTRIES) throw new ZipRejected(`「${name}」含 ${count} 个文件，超过 ${MAX_ENTRIES} 个，可能已损坏或被构造过，未读取`);
  const out: Entry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw bad('压缩包的目录已损坏');
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const e: Entry = {
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: u16(b, at + 10),
      compressed: u32(b, at + 20),
      declared: u32(b, at + 24),
      local: u32(b, at + 42),
    };
    // ZIP64: the fields set to 0xffffffff are in the extra field, in this order
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(b, x);
      const size = u16(b, x + 2);
      if (id === 0x0001) {
        let p = x + 4;
        if (e.declared === 0xffffffff) (e.declared = u64(b, p)), (p += 8);
        if (e.compressed === 0xffffffff) (e.compressed = u64(b, p)), (p += 8);
        if (e.local === 0xffffffff) e.local = u64(b, p);
      }
      x += 4 + size;
    }
    out.push(e);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** An entry's compressed bytes, from its local header. */
function dataOf(name: string, b: Uint8Array, e: Entry, kind: string): Uint8Array {
  if (e.local + 30 > b.length || u32(b, e.local) !== 0x04034b50) throw new ZipRejected(`「${name}」不是有效的${kind}：压缩包已损坏，未读取`);
  const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28);
  if (start + e.compressed > b.length) throw new ZipRejected(`「${name}」不完整（文件被截断），未读取`);
  return b.subarray(start, start + e.compressed);
}

/**
 * Inflate `data` in small steps; `take` gets each piece. Returns how many bytes it gave; stops
 * (throws) as soon as `budget` is passed.
 */
function inflate(data: Uint8Array, budget: number, over: () => never, take?: (piece: Uint8Array) => void): number {
  let n = 0;
  const inf = new Inflate((piece) => {
    n += piece.length;
    if (n > budget) over();
    take?.(piece);
  });
  if (data.length === 0) inf.push(new Uint8Array(0), true);
  for (let i = 0; i < data.length; i += STEP) inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  return n;
}

/** What a zip is, in the messages. */
export const WORD_DOCX = ' Word 文档（.docx）';
export const EXCEL_XLSX = ' Excel 工作簿（.xlsx）';

/**
 * The document's entries inflated, checked against `limit`, as a zip without compression for its
 * reader. Throws ZipRejected (a Chinese message naming the file and the limit) for a document
 * that inflates to more, or that is not a zip. `kind` names what the file should be.
 */
export function checkedZip(name: string, bytes: Uint8Array, kind = WORD_DOCX, limit = ZIP_INFLATE_LIMIT): Uint8Array {
  const tooLarge = (): never => {
    throw new ZipRejected(`「${name}」解压后超过 ${mb(limit)}，可能已损坏或被构造过，未读取`);
  };
  const list = entries(name, bytes, kind);
  const declared = list.reduce((a, e) => a + e.declared, 0);
  if (declared > limit) tooLarge();
  for (const e of list) {
    if (e.method !== 0 && e.method !== 8) throw new ZipRejected(`「${name}」用了不支持的压缩方式（${e.method}），未读取`);
  }
  // first only count, keeping nothing: a crafted file is stopped without taking the memory
  let total = 0;
  for (const e of list) {
    const data = dataOf(name, bytes, e, kind);
    total += e.method === 0 ? data.length : inflate(data, limit - total, tooLarge);
    if (total > limit) tooLarge();
  }
  // then inflate for the reader, within the total just counted
  const files: Zippable = {};
  for (const e of list) {
    if (e.name.endsWith('/')) continue;
    const data = dataOf(name, bytes, e, kind);
    if (e.method === 0) {
      files[e.name] = data;
      continue;
    }
    const pieces: Uint8Array[] = [];
    const n = inflate(data, limit, tooLarge, (p) => pieces.push(p));
    const whole = new Uint8Array(n);
    let at = 0;
    for (const p of pieces) {
      whole.set(p, at);
      at += p.length;
    }
    files[e.name] = whole;
  }
  return zipSync(files, { level: 0 });
}
