/** Shared chart styling: a CJK font first, so that exported images render Chinese, and a palette. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif";

export const PALETTE = ['#2f6fb0', '#e3883a', '#4aa36c', '#c0504d', '#8064a2', '#4bacc6', '#9c8a4a', '#7f7f7f'];

export const BASE_OPTION = {
  color: PALETTE,
  textStyle: { fontFamily: FONT_FAMILY },
  // No animation: on a 2-core machine without GPU the 200–300 ms transitions redrew every chart
  // each frame and took more main-thread time than the update itself (measured with a trace).
  animation: false,
} as const;

/** 20 colours that stay apart on white, the palette's first: one per line of a trend chart. */
export const LINE_COLORS = [
  ...PALETTE,
  '#d35fa0',
  '#1b9e9e',
  '#a0522d',
  '#5b5bd6',
  '#b39b00',
  '#e34a33',
  '#2e8b57',
  '#6a3d9a',
  '#f28e2b',
  '#0089c7',
  '#8b1a1a',
  '#556b2f',
] as const;

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect'] as const;

/**
 * The look of the i-th line: its own colour for the first 20; beyond that the colours repeat
 * with another marker and a dashed line, so that no two lines of a chart look the same.
 */
export function lineLook(i: number): { color: string; symbol: string; dashed: boolean } {
  const round = Math.floor(i / LINE_COLORS.length);
  return { color: LINE_COLORS[i % LINE_COLORS.length]!, symbol: SYMBOLS[round % SYMBOLS.length]!, dashed: round % 2 === 1 };
}
