/**
 * Hostile documents for the tests, made when needed (nothing big is committed): a zip whose entry
 * inflates to far more than it declares, built straight as a deflate stream (fixed Huffman codes:
 * one literal, then matches of 258 bytes at distance 1, 13 bits each), in a fraction of a second
 * and without holding what it inflates to. Node and browser tests only; the app never imports it.
 */

/** Bits written least significant first, as deflate packs them. */
class Bits {
  private out: Uint8Array;
  private at = 0;
  private acc = 0;
  private n = 0;
  constructor(capacity: number) {
    this.out = new Uint8Array(capacity);
  }
  /** a Huffman code: its bits from the most significant one */
  code(value: number, bits: number): void {
    let r = 0;
    for (let i = 0; i < bits; i++) r |= ((value >> i) & 1) << (bits - 1 - i);
    this.raw(r, bits);
  }
  raw(value: number, bits: number): void {
    this.acc |= value << this.n;
    this.n += bits;
    while (this.n >= 8) {
      this.out[this.at++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  done(): Uint8Array {
    if (this.n > 0) this.out[this.at++] = this.acc & 0xff;
    return this.out.subarray(0, this.at);
  }
}

/** A raw deflate stream that inflates to `size` zero bytes or a little more (about 160 times its length). */
export function deflateBomb(size: number): Uint8Array {
  const matches = Math.max(0, Math.ceil((size - 1) / 258));
  const w = new Bits(Math.ceil((3 + 8 + 13 * matches + 7) / 8) + 8);
  w.raw(1, 1); // BFINAL
  w.raw(1, 2); // BTYPE 01: fixed Huffman codes
  w.code(0x30, 8); // literal 0
  // the pattern of 8 matches repeats every 13 bytes once aligned; writing them all is fast enough
  for (let i = 0; i < matches; i++) {
    w.code(0xc5, 8); // length 258 (symbol 285)
    w.code(0, 5); // distance 1
  }
  w.code(0, 7); // end of block (symbol 256)
  return w.done();
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated */
  method: 0 | 8;
  /** the uncompressed size the zip declares (may lie) */
  declared: number;
}

/** A zip of the given entries, sizes as declared (CRCs left 0: the reader under test stops first). */
export function zipOf(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const u16 = (v: DataView, at: number, x: number) => v.setUint16(at, x, true);
  const u32 = (v: DataView, at: number, x: number) => v.setUint32(at, x >>> 0, true);
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    u32(l, 0, 0x04034b50);
    u16(l, 4, 20);
    u16(l, 8, e.method);
    u32(l, 18, e.data.length);
    u32(l, 22, Math.min(e.declared, 0xffffffff));
    u16(l, 26, name.length);
    local.set(name, 30);
    const c = new Uint8Array(46 + name.length);
    const v = new DataView(c.buffer);
    u32(v, 0, 0x02014b50);
    u16(v, 4, 20);
    u16(v, 6, 20);
    u16(v, 10, e.method);
    u32(v, 20, e.data.length);
    u32(v, 24, Math.min(e.declared, 0xffffffff));
    u16(v, 28, name.length);
    u32(v, 42, offset);
    c.set(name, 46);
    parts.push(local, e.data);
    central.push(c);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const d = new DataView(end.buffer);
  u32(d, 0, 0x06054b50);
  u16(d, 8, entries.length);
  u16(d, 10, entries.length);
  u32(d, 12, cdSize);
  u32(d, 16, offset);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const xml = (s: string) => new TextEncoder().encode(s);

/**
 * A .docx whose word/document.xml declares `declared` bytes but inflates to `size` (1.26 GB by
 * default: the crafted file that took a tab).
 */
export function docxBomb(size = 1_260_000_000, declared = 120_000): Uint8Array {
  const types = xml('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  return zipOf([
    { name: '[Content_Types].xml', method: 0, data: types, declared: types.length },
    { name: 'word/document.xml', method: 8, data: deflateBomb(size), declared },
  ]);
}
