/**
 * Geometry of an exported SVG as Chromium lays it out with the real fonts: every text element's
 * box (rotated labels as rotated boxes), and the pairs of boxes that overlap.
 */
import type { Page } from '@playwright/test';

export interface TextBox {
  text: string;
  /** the four corners in image pixels */
  corners: [number, number][];
}

export interface Svg {
  width: number;
  height: number;
  boxes: TextBox[];
}

/** Lay out `svg` in a blank page (no app, no CSP) and read every non-empty text element's box. */
export async function measureSvg(page: Page, svg: string): Promise<Svg> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  return page.evaluate(() => {
    const root = document.querySelector('svg')!;
    const boxes = [...root.querySelectorAll('text')]
      .filter((t) => (t.textContent ?? '').trim() !== '' && t.getAttribute('display') !== 'none')
      .map((t) => {
        const b = t.getBBox();
        const m = t.getCTM()!;
        const at = (x: number, y: number): [number, number] => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
        return {
          text: t.textContent ?? '',
          corners: [at(b.x, b.y), at(b.x + b.width, b.y), at(b.x + b.width, b.y + b.height), at(b.x, b.y + b.height)],
        };
      });
    return { width: root.width.baseVal.value, height: root.height.baseVal.value, boxes };
  });
}

type Pt = [number, number];

/** The box shrunk by `by` px towards its centre (glyph boxes of adjacent lines may touch). */
function shrink(c: Pt[], by: number): Pt[] {
  const cx = c.reduce((a, p) => a + p[0], 0) / c.length;
  const cy = c.reduce((a, p) => a + p[1], 0) / c.length;
  return c.map(([x, y]) => {
    const dx = x - cx;
    const dy = y - cy;
    const d = Math.hypot(dx, dy) || 1;
    const k = Math.max(0, d - by) / d;
    return [cx + dx * k, cy + dy * k];
  });
}

/** Whether two convex quadrilaterals intersect (separating axis theorem). */
export function intersects(a: Pt[], b: Pt[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i]!;
      const [x2, y2] = poly[(i + 1) % poly.length]!;
      const nx = y2 - y1;
      const ny = x1 - x2;
      const project = (p: Pt[]) => p.map(([x, y]) => x * nx + y * ny);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Every pair of texts that overlap (by more than a pixel), as `「a」 × 「b」`. */
export function overlaps(boxes: readonly TextBox[]): string[] {
  const out: string[] = [];
  const shrunk = boxes.map((b) => shrink(b.corners, 1.5));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (intersects(shrunk[i]!, shrunk[j]!)) out.push(`「${boxes[i]!.text}」 × 「${boxes[j]!.text}」`);
    }
  }
  return out;
}

/** Texts that reach outside the image. */
export function outside(svg: Svg): string[] {
  return svg.boxes.filter((b) => b.corners.some(([x, y]) => x < -1 || y < -1 || x > svg.width + 1 || y > svg.height + 1)).map((b) => b.text);
}
