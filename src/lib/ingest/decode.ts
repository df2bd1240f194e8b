/**
 * File bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030,
 * the superset of GBK that Excel writes on Chinese Windows.
 */
export type Encoding = 'UTF-8' | 'GB18030';

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}
