/**
 * CSV files that Excel opens correctly and safely: UTF-8 with BOM (so that Excel detects the
 * encoding of Chinese text), CRLF line endings, RFC 4180 quoting, and text cells that Excel would
 * read as a formula (OWASP "CSV injection") prefixed with a single quote so that they stay text.
 */

export type CsvCell = string | number | null | undefined;

const BOM = '\ufeff';
const CRLF = '\r\n';

/** First characters that make Excel (or LibreOffice) read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field as written to the file. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly CsvCell[]): string {
  const fields = cells.map(csvField);
  // A record of one empty field would be a blank line, which readers skip: write it as "".
  return fields.length === 1 && fields[0] === '' ? '""' : fields.join(',');
}

/** The whole file: BOM, header, then one line per row, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((r) => csvLine(r) + CRLF).join('');
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_LENGTH = 120;
const FALLBACK = '导出';

/**
 * A file name that every common system accepts: characters not allowed on Windows become `_`,
 * whitespace is collapsed, dots and spaces are trimmed at the ends, and the name is at most 120
 * characters (a short extension such as `.csv` is kept when the name is shortened).
 */
export function safeFileName(name: string): string {
  const trimEnds = (s: string): string => s.replace(/^[. ]+|[. ]+$/g, '');
  let s = trimEnds(
    name
      .replace(/\s+/g, ' ')
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g, '_'),
  );
  if (WINDOWS_RESERVED.test((s.split('.')[0] ?? '').trim())) s = `_${s}`;
  const chars = Array.from(s);
  if (chars.length > MAX_LENGTH) {
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(s)?.[0] ?? '';
    const stem = trimEnds(chars.slice(0, MAX_LENGTH - ext.length).join(''));
    s = stem === '' ? trimEnds(chars.slice(0, MAX_LENGTH).join('')) : stem + ext;
  }
  return s === '' ? FALLBACK : s;
}
