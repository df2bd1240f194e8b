/**
 * File bytes → text. UTF-16 by its BOM (Excel's 「Unicode 文本」, tab-separated), UTF-8 (with or
 * without BOM) when the bytes are valid UTF-8, else GB18030, the superset of GBK that Excel
 * writes on Chinese Windows. And, for the files that are not text at all, what they are and
 * what to save them as instead.
 */
export type Encoding = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

/** UTF-16 by its byte-order mark, or null (UTF-16 without a BOM is not guessed). */
export function utf16Of(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf16 = utf16Of(bytes);
  // the BOM is dropped by the decoder (ignoreBOM false)
  if (utf16) return { text: new TextDecoder(utf16 === 'UTF-16LE' ? 'utf-16le' : 'utf-16be').decode(bytes), encoding: utf16 };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

const SAVE_AS_CSV = '请在 Excel 或 WPS 表格中用「另存为」选择「CSV UTF-8（逗号分隔）」、「CSV（逗号分隔）」或「Excel 工作簿（.xlsx）」后再导入';
const SAVE_AS_DOCX = '请在 Word 或 WPS 文字中用「另存为」选择「Word 文档（.docx）」或「纯文本（.txt）」后再导入';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);

const extensionOf = (file: string): string => /\.([^./\\]+)$/.exec(file.toLowerCase())?.[1] ?? '';

/** An OLE2 compound file (.xls, .doc, .wps, .et, .ppt): which one, by its name, and what to do. */
function oldOfficeProblem(file: string): string {
  switch (extensionOf(file)) {
    case 'doc':
      return `这是旧版 Word 文档（.doc），无法直接读取：${SAVE_AS_DOCX}`;
    case 'wps':
      return `这是 WPS 文字文档（.wps），无法直接读取：${SAVE_AS_DOCX}`;
    case 'et':
      return `这是 WPS 表格文件（.et），无法直接读取：${SAVE_AS_CSV}`;
    case 'xls':
      return `这是旧版 Excel 工作簿（.xls），无法直接读取：${SAVE_AS_CSV}`;
    case 'ppt':
    case 'dps':
      return '这是演示文稿，不是报告数据或年度报告：请导入 CSV、JSON、Excel 工作簿（.xlsx）或年度报告（.docx、.pdf、.txt、.html）';
    default:
      return `这是旧版 Office 或 WPS 文件（.xls、.doc、.wps 或 .et），无法直接读取：表格${SAVE_AS_CSV.slice(1)}；文档${SAVE_AS_DOCX.slice(1)}`;
  }
}

/** An image by its signature: a scanned page or a photo of a table. */
function imageKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14]! >= 12 && bytes[15] === 0) return 'BMP';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'WebP';
  return null;
}

/** A ZIP archive (the container of .xlsx, .docx, .wps-x, .ofd …). */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);

/** Whether the bytes are an .xlsx workbook (a zip holding xl/workbook.xml), whatever the name. */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  if (/\.xls[xm]$/i.test(name)) return true;
  // the entry names are in the zip's central directory, at its end
  const tail = bytes.subarray(Math.max(0, bytes.length - 256 * 1024));
  return new TextDecoder('latin1').decode(tail).includes('xl/workbook.xml');
}

/**
 * Why these bytes cannot be a data file (CSV or JSON text), in Chinese, or null when they may be.
 * The usual mistakes are named precisely, with what to save the file as: a workbook or document
 * of an old Office or WPS format, an image (a scan or a photo), an archive. (Report documents —
 * .docx, .pdf — and .xlsx workbooks are read before this is asked: import/read-file.ts.)
 */
export function binaryProblem(bytes: Uint8Array, file = ''): string | null {
  const ext = extensionOf(file);
  if (isZip(bytes)) {
    if (ext === 'xlsx' || ext === 'xlsm') return '这是 Excel 工作簿（.xlsx）：请在「导入数据」中导入，或在 Excel 中另存为 CSV';
    if (ext === 'ofd') return '这是 OFD 版式文件，无法直接读取：请用 OFD 阅读器另存为 PDF，或导入报告的 Word 文档（.docx）';
    return `这是压缩包（或 ${ext ? `.${ext}` : '未知类型的'} 文件），不是 CSV 文件：请解压后导入其中的 CSV、Excel 工作簿（.xlsx）或年度报告文件`;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oldOfficeProblem(file);
  const image = imageKind(bytes);
  if (image) return `这是一张图片（${image}），无法从图片中读出数字：请导入报告的 Word 文档（.docx）、带文字的 PDF，或把数据填入模板（CSV 或 .xlsx）后导入`;
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return `这是 RTF 文档，无法直接读取：${SAVE_AS_DOCX}`;
  if (utf16Of(bytes)) return null;
  if (bytes.subarray(0, 8192).includes(0)) return '文件含有二进制内容，不是文本文件（CSV 或 JSON）：请导入 CSV、JSON、Excel 工作簿（.xlsx）或年度报告（.docx、.pdf、.txt、.html）';
  return null;
}
