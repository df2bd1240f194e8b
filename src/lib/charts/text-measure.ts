/**
 * Text widths for laying out a chart before ECharts draws it. In the browser a canvas measures
 * with the real font, as ECharts itself does; elsewhere (Node tests, server-side rendering) an
 * estimate that errs on the wide side: CJK at the font size, Latin at about 0.6 of it.
 */
export type MeasureText = (text: string, font: string) => number;

/** The font size in px of a CSS font shorthand such as `bold 16px 'Noto Sans CJK SC'`. */
export function fontSize(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 12;
}

const NARROW = /[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027]/;

export const estimateText: MeasureText = (text, font) => {
  const size = fontSize(font);
  const bold = /\bbold\b|\b[6-9]00\b/.test(font);
  let w = 0;
  for (const ch of text) w += NARROW.test(ch) ? (ch === ' ' ? 0.3 : 0.6) * size : size;
  return bold ? w * 1.05 : w;
};

let context: CanvasRenderingContext2D | null | undefined;

/** Canvas measurement in the browser, the estimate where there is no canvas. */
export const measureText: MeasureText = (text, font) => {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!context) return estimateText(text, font);
  context.font = font;
  return context.measureText(text).width;
};

/** Where a line may break: between CJK characters, never inside a run of Latin letters or digits. */
const TOKEN = /[0-9A-Za-z.,%:/_\-–+'"]+|\s+|./gsu;
/** Characters that must not start a line (they stay at the end of the line before). */
const NO_START = /^[、，。；：！？）」』》〉”’%,.;:!?)\]]/;

/**
 * Greedy line breaking of a text to a width; explicit `\n` are kept. A token wider than the
 * width on its own is split by character. Never returns an empty list for non-empty text.
 */
export function wrapText(text: string, maxWidth: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
    };
    for (const tok of paragraph.match(TOKEN) ?? []) {
      const space = /^\s+$/.test(tok);
      if (space && line === '') continue;
      const w = measure(tok, font);
      if (line !== '' && width + w > maxWidth && !NO_START.test(tok)) {
        push();
        if (space) continue;
      }
      if (line === '' && w > maxWidth && [...tok].length > 1) {
        // one run longer than the line (a code, a URL): split it by character
        for (const ch of tok) {
          const cw = measure(ch, font);
          if (line !== '' && width + cw > maxWidth) push();
          line += ch;
          width += cw;
        }
        continue;
      }
      line += tok;
      width += w;
    }
    if (line !== '' || paragraph.trim() === '') push();
  }
  return lines;
}
