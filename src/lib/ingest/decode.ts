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

const SAVE_AS = '请在 Excel 中用「另存为」选择「CSV UTF-8（逗号分隔）」或「CSV（逗号分隔）」后再导入';

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);

/**
 * Why these bytes cannot be a CSV or JSON text file, in Chinese, or null when they may be.
 * Catches the usual mistakes: an Excel workbook, and Excel's 「Unicode 文本」 (UTF-16).
 */
export function binaryProblem(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return `这是 Excel 工作簿（.xlsx）或压缩包，不是 CSV 文件：${SAVE_AS}`;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return `这是旧版 Excel 工作簿（.xls），不是 CSV 文件：${SAVE_AS}`;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return `文件是 UTF-16 编码（Excel 的「Unicode 文本」），无法读取：${SAVE_AS}`;
  if (bytes.subarray(0, 8192).includes(0)) return '文件含有二进制内容，不是文本文件（CSV 或 JSON）';
  return null;
}
