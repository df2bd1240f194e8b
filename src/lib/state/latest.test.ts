import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest.ts';

const after = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe('latestOnly', () => {
  it('lets a newer fast request win over an older slow one', async () => {
    const run = latestOnly();
    const shown: string[] = [];
    const slow = run(() => after(30, 'old'), (v) => shown.push(v));
    const fast = run(() => after(1, 'new'), (v) => shown.push(v));
    expect(await fast).toBe(true);
    expect(await slow).toBe(false);
    expect(shown).toEqual(['new']);
  });

  it('publishes each request when they do not overlap', async () => {
    const run = latestOnly();
    const shown: number[] = [];
    await run(() => after(1, 1), (v) => shown.push(v));
    await run(() => after(1, 2), (v) => shown.push(v));
    expect(shown).toEqual([1, 2]);
  });
});
