/**
 * A GBK / GB18030 encoder for the handful of characters the corpus uses. Node can decode
 * GB18030 (TextDecoder) but not encode it, so the byte sequences are written out here and
 * checked against the decoder (see corpus.test.ts). Four-byte sequences are GB18030 only.
 */
const TABLE = `
  县 cfd8  （ a3a8  市 cad0  、 a1a2  区 c7f8  ） a3a9  镇 d5f2  街 bdd6  划 bbae  代 b4fa
  码 c2eb  年 c4ea  度 b6c8  表 b1ed  式 cabd  来 c0b4  源 d4b4  示 cabe  例 c0fd  数 cafd
  据 bedd  政 d5fe  府 b8ae  网 cdf8  站 d5be  主 d6f7  动 b6af  公 b9ab  开 bfaa  信 d0c5
  息 cfa2  务 cef1  培 c5e0  训 d1b5  次 b4ce  汶 e3eb  上 c9cf  康 bfb5  驿 e6e4  邱 c7f1
  南 c4cf  旺 cdfa  报 b1a8  否 b7f1  是 cac7  — a1aa  宜 d2cb  兴 d0cb  湖 bafe  大 b4f3
  邑 d2d8  江 bdad  指 d6b8  标 b1ea  值 d6b5  新 d0c2  媒 c3bd  体 cce5  微 cea2  众 d6da
  号 bac5  等 b5c8  发 b7a2  布 b2bc  ， a3ac
  㳇 8231d233  䢺 82348838
`;

export const GBK_BYTES: ReadonlyMap<string, readonly number[]> = new Map(
  [...TABLE.matchAll(/(\S+) ([0-9a-f]+)/g)].map(([, ch, hex]) => [ch!, hex!.match(/../g)!.map((h) => parseInt(h, 16))]),
);

/** Encode text as GB18030; ASCII passes through, any other character must be in the table. */
export function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = GBK_BYTES.get(ch);
      if (!bytes) throw new Error(`gbk.ts 的码表里没有「${ch}」`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}
