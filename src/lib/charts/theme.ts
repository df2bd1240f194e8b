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
