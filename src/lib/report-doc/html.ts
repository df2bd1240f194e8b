/**
 * An HTML page as document lines, read with htmlparser2's tokenizer (maintained, linear in its
 * input: a quoted `>` in an attribute, entities such as `&laquo;`, unclosed comments and raw text
 * in scripts are its business). No DOM of the browser (this runs in a Web Worker and in Node) and
 * not htmlparser2's own tree builder either: that keeps its open elements with Array.unshift,
 * which takes time quadratic in the nesting depth of a hostile page; the few structures read here
 * are kept with constant-time stacks instead.
 *
 * What is kept: paragraphs as lines, and each table row as tab-indented cells followed by a blank
 * line — the same shape as the text export. rowspan/colspan are ignored: tables are read by their
 * row labels and the order of their values, not by header positions. A table cell that holds a
 * table (a portal's layout table with the article in one cell), or several paragraphs of text, is
 * part of the page rather than a cell: its paragraphs are paragraphs and its tables are tables.
 */
import { Tokenizer } from 'htmlparser2';
import type { DocLine } from './cells.ts';

/** Tags after which a paragraph ends (inside a cell: a space). */
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote',
  'pre', 'hr', 'body', 'center', 'dd', 'dt', 'dl', 'header', 'footer', 'nav', 'aside', 'main', 'form', 'address', 'figure',
]);

/** Elements whose text the tokenizer reads raw; none of it is page text (a title is kept apart). */
const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

/** Elements whose content is not text of the page. */
const SKIP = new Set(['noscript', 'template', 'select', 'svg', 'math', 'object']);

/** A cell with this much text and this many blocks in it is part of the page, not a table cell. */
const PAGE_TEXT = 300;
const PAGE_BLOCKS = 3;

const OPEN = 0;
const CLOSE = 1;
const TEXT = 2;

interface Tokens {
  /** OPEN / CLOSE / TEXT, one per event */
  kinds: number[];
  /** the tag name (lower case) or the text */
  data: string[];
  title: string | null;
}

/** The page's tags and texts in order (entities decoded, raw text and comments left out). */
function tokens(html: string): Tokens {
  const kinds: number[] = [];
  const data: string[] = [];
  let title: string | null = null;
  let raw: string | null = null;
  let rawText = '';
  const text = (s: string) => {
    if (raw !== null) {
      if (raw === 'title') rawText += s;
      return;
    }
    if (kinds.length > 0 && kinds[kinds.length - 1] === TEXT) data[data.length - 1] += s;
    else {
      kinds.push(TEXT);
      data.push(s);
    }
  };
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const none = () => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onattribdata: none,
      onattribentity: none,
      onattribend: none,
      onattribname: none,
      oncdata: none,
      oncomment: none,
      ondeclaration: none,
      onprocessinginstruction: none,
      onend: none,
      onopentagend: none,
      onselfclosingtag: none,
      onopentagname(start, end) {
        const n = name(start, end);
        if (RAW.has(n)) {
          raw = n;
          rawText = '';
        }
        kinds.push(OPEN);
        data.push(n);
      },
      onclosetag(start, end) {
        const n = name(start, end);
        if (raw !== null && n === raw) {
          if (raw === 'title' && title === null) title = rawText;
          raw = null;
        }
        kinds.push(CLOSE);
        data.push(n);
      },
      ontext(start, end) {
        text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        text(String.fromCodePoint(codepoint));
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { kinds, data, title };
}

/** An open table: its row and cell being read. */
interface Frame {
  row: string[] | null;
  /** the open cell's text; null: no cell open (or a cell that is part of the page) */
  cell: string | null;
  /** a cell that is part of the page is open */
  pageCell: boolean;
  /** index of the open cell's event (pass 1: whose extent is being measured) */
  at: number;
}

/**
 * Walk the events, keeping the tables' structure (rows and cells closed by the next one, as HTML
 * does), with `on` told what each event means. Both passes walk the same way.
 */
function walk(
  t: Tokens,
  isPageCell: (at: number) => boolean,
  on: {
    text(s: string, frame: Frame | undefined): void;
    block(frame: Frame | undefined): void;
    tableOpen(outer: Frame | undefined): void;
    cellOpen(frame: Frame, at: number, page: boolean): void;
    cellClose(frame: Frame): void;
    rowClose(frame: Frame): void;
  },
): void {
  const frames: Frame[] = [];
  let skip: string | null = null;
  let skipDepth = 0;
  let inHead = false;
  const closeCell = (f: Frame) => {
    if (f.cell !== null || f.pageCell) on.cellClose(f);
    f.cell = null;
    f.pageCell = false;
    f.at = -1;
  };
  for (let i = 0; i < t.kinds.length; i++) {
    const kind = t.kinds[i]!;
    const d = t.data[i]!;
    if (skip !== null) {
      if (d === skip) skipDepth += kind === OPEN ? 1 : kind === CLOSE ? -1 : 0;
      if (skipDepth === 0) skip = null;
      continue;
    }
    const frame = frames[frames.length - 1];
    if (kind === TEXT) {
      if (!inHead) on.text(d, frame);
      continue;
    }
    if (d === 'head') {
      inHead = kind === OPEN;
      continue;
    }
    if (kind === OPEN && d === 'body') inHead = false;
    if (kind === OPEN && SKIP.has(d)) {
      skip = d;
      skipDepth = 1;
      continue;
    }
    if (d === 'table') {
      if (kind === OPEN) {
        on.tableOpen(frame);
        frames.push({ row: null, cell: null, pageCell: false, at: -1 });
      } else if (frame) {
        closeCell(frame);
        on.rowClose(frame);
        frames.pop();
      }
      continue;
    }
    // text outside the innermost table's cells, or in a cell that is part of the page
    const inPage = !frame || frame.pageCell;
    if (frame && (d === 'tr' || d === 'td' || d === 'th' || d === 'caption' || d === 'thead' || d === 'tbody' || d === 'tfoot')) {
      if (d === 'td' || d === 'th') {
        closeCell(frame);
        if (kind === OPEN) {
          const page = isPageCell(i);
          if (page) on.rowClose(frame);
          else frame.cell = '';
          frame.pageCell = page;
          frame.at = i;
          on.cellOpen(frame, i, page);
        }
      } else {
        closeCell(frame);
        on.rowClose(frame);
        if (kind === OPEN && (d === 'tr' || d === 'caption')) {
          frame.row = [];
          if (d === 'caption') {
            frame.cell = '';
            frame.at = i;
          }
        }
      }
      continue;
    }
    if (BLOCK.has(d) && (inPage || frame!.cell !== null)) on.block(frame);
  }
  while (frames.length > 0) {
    const f = frames.pop()!;
    closeCell(f);
    on.rowClose(f);
  }
}

/** Convert an HTML page to document lines (see the module comment). */
export function htmlToLines(html: string): DocLine[] {
  const t = tokens(html);

  // pass 1: which cells hold a table, or much text in several blocks
  const extent = new Map<number, { table: boolean; text: number; blocks: number }>();
  const measure = (f: Frame | undefined) => (f && f.at >= 0 ? extent.get(f.at) : undefined);
  walk(t, () => false, {
    text: (s, f) => {
      const e = measure(f);
      if (e) e.text += s.trim().length;
    },
    block: (f) => {
      const e = measure(f);
      if (e) e.blocks++;
    },
    tableOpen: (outer) => {
      const e = measure(outer);
      if (e) e.table = true;
    },
    cellOpen: (_, at) => extent.set(at, { table: false, text: 0, blocks: 0 }),
    cellClose: () => undefined,
    rowClose: () => undefined,
  });
  const isPageCell = (at: number) => {
    const e = extent.get(at);
    return e !== undefined && (e.table || (e.text > PAGE_TEXT && e.blocks >= PAGE_BLOCKS));
  };

  // pass 2: the lines
  const lines: DocLine[] = [];
  const clean = (s: string) => s.replace(/[ \t\r\n\f]+/g, ' ').trim();
  let para = '';
  const flushPara = () => {
    const c = clean(para);
    if (c !== '') lines.push({ text: c, cell: false, blank: false });
    para = '';
  };
  if (t.title !== null) {
    para = t.title;
    flushPara();
  }
  walk(t, isPageCell, {
    text: (s, f) => {
      if (!f || f.pageCell) para += s;
      else if (f.cell !== null) f.cell += s;
    },
    block: (f) => {
      if (!f || f.pageCell) flushPara();
      else if (f.cell !== null) f.cell += ' ';
    },
    tableOpen: (outer) => {
      if (!outer || outer.pageCell) flushPara();
    },
    cellOpen: () => undefined,
    cellClose: (f) => {
      if (f.pageCell) flushPara();
      else if (f.cell !== null) (f.row ??= []).push(clean(f.cell));
    },
    rowClose: (f) => {
      if (f.row !== null && f.row.length > 0) {
        for (const c of f.row) lines.push({ text: c, cell: true, blank: false });
        lines.push({ text: '', cell: false, blank: true });
      }
      f.row = null;
    },
  });
  flushPara();
  return lines;
}
