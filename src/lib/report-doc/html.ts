/**
 * A small, tolerant HTML reader (no DOM: it runs in a Web Worker and in Node). It keeps what the
 * report parser needs: paragraphs as lines, and each table row as tab-indented cells followed by a
 * blank line — the same shape as the text export. rowspan/colspan are ignored: tables are read by
 * their row labels and the order of their values, not by header positions.
 */
import type { DocLine } from './cells.ts';

const NAMED: Readonly<Record<string, string>> = {
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
  times: '×',
  yen: '¥',
  minus: '−',
};

/** Decode character references: named ones in common use, and all numeric ones. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/** Tags after which a paragraph ends. */
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote',
  'pre', 'hr', 'title', 'body', 'center', 'dd', 'dt',
]);

const TOKEN = /<!--[\s\S]*?-->|<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w:-]*)\b[^>]*>|<!?[^>]*>|([^<]+)/gi;

/** Convert an HTML page to document lines (see the module comment). */
export function htmlToLines(html: string): DocLine[] {
  const lines: DocLine[] = [];
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  let para = '';
  let cell: string | null = null;
  let row: string[] | null = null;
  const clean = (s: string) => s.replace(/[ \t\r\n\f]+/g, ' ').trim();
  const flushPara = () => {
    const t = clean(para);
    if (t !== '') lines.push({ text: t, cell: false, blank: false });
    para = '';
  };
  const flushCell = () => {
    if (cell !== null) (row ??= []).push(clean(cell));
    cell = null;
  };
  const flushRow = () => {
    flushCell();
    if (row !== null && row.length > 0) {
      for (const c of row) lines.push({ text: c, cell: true, blank: false });
      lines.push({ text: '', cell: false, blank: true });
    }
    row = null;
  };
  if (title) {
    para = decodeEntities(title[1]!.replace(/<[^>]*>/g, ''));
    flushPara();
  }
  let depth = 0;
  for (const m of html.matchAll(TOKEN)) {
    const [whole, , tagName, text] = m;
    if (text !== undefined) {
      const t = decodeEntities(text);
      if (cell !== null) cell += t;
      else if (depth === 0) para += t;
      continue;
    }
    if (!tagName) continue;
    const tag = tagName.toLowerCase();
    const closing = whole[1] === '/';
    if (tag === 'table') {
      if (closing) {
        flushRow();
        depth = Math.max(0, depth - 1);
      } else {
        flushPara();
        flushRow();
        depth++;
      }
    } else if (tag === 'tr') {
      flushRow();
      if (!closing) row = [];
    } else if (tag === 'caption') {
      flushRow();
      if (!closing) [row, cell] = [[], ''];
    } else if (tag === 'td' || tag === 'th') {
      flushCell();
      if (!closing && depth > 0) cell = '';
    } else if (BLOCK.has(tag)) {
      if (cell !== null) cell += ' ';
      else if (depth === 0) flushPara();
    }
  }
  flushRow();
  flushPara();
  return lines;
}
