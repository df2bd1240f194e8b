/**
 * A .docx is opened with a cap on what it inflates to: a crafted one is refused while it inflates
 * (its declared sizes lie), with a Chinese message naming the file and the limit; an ordinary one
 * reads as before, mammoth getting the checked entries uncompressed.
 */
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './read-file.ts';
import { readDocument } from './read-document.ts';
import { checkedZip, WORD_DOCX, ZipRejected } from './zip-inflate.ts';
import { deflateBomb, docxBomb, zipOf } from './testing/hostile.ts';

const fixture = readFileSync(new URL('../../../e2e/fixtures/义桥镇2026年政府信息公开工作年度报告.docx', import.meta.url));
const html = async (data: Uint8Array) => (await mammoth.convertToHtml({ buffer: Buffer.from(data) })).value;

describe('the test bomb', () => {
  it('inflates to what it says, from about a 160th of it', () => {
    const b = deflateBomb(10_000_000);
    expect(b.length).toBeLessThan(70_000);
    const out = inflateSync(b);
    expect(out.length).toBeGreaterThanOrEqual(10_000_000);
    expect(out.every((x) => x === 0)).toBe(true);
  });
});

describe('checkedZip', () => {
  it('an ordinary document: the same entries, uncompressed, and mammoth reads the same', async () => {
    const checked = checkedZip('义桥镇.docx', new Uint8Array(fixture));
    expect(checked.byteOffset).toBe(0);
    expect(checked.byteLength).toBe(checked.buffer.byteLength);
    expect(await html(checked)).toBe(await html(new Uint8Array(fixture)));
  });

  it('a 1.26 GB word/document.xml that declares 120 KB is refused while inflating, naming the file and the limit', () => {
    const bomb = docxBomb();
    expect(bomb.length).toBeLessThan(9_000_000);
    expect(() => checkedZip('康驿镇2021年报告.docx', bomb)).toThrow(new ZipRejected('「康驿镇2021年报告.docx」解压后超过 200 MB，可能已损坏或被构造过，未读取'));
  });

  it('declared sizes over the limit are refused before inflating anything', () => {
    const big = zipOf([{ name: 'word/document.xml', method: 8, data: new Uint8Array(10), declared: 300 * 1024 * 1024 }]);
    expect(() => checkedZip('大.docx', big)).toThrow('「大.docx」解压后超过 200 MB');
  });

  it('the limit counts all entries together, and can be set', () => {
    const four = zipSync({ a: new Uint8Array(3_000_000), b: new Uint8Array(3_000_000) }, { level: 6 });
    expect(() => checkedZip('两个.docx', four, WORD_DOCX, 5 * 1024 * 1024)).toThrow('「两个.docx」解压后超过 5 MB');
    expect(checkedZip('两个.docx', four, WORD_DOCX, 8 * 1024 * 1024).length).toBeGreaterThan(6_000_000);
  });

  it.each<[string, Uint8Array, string]>([
    ['not a zip', new TextEncoder().encode('这不是压缩包'), '「x.docx」不是有效的 Word 文档（.docx）：找不到压缩包的目录，未读取'],
    ['cut short', fixture.subarray(0, fixture.length - 200), '「x.docx」不是有效的 Word 文档'],
    ['an unknown compression method', zipOf([{ name: 'word/document.xml', method: 12 as 8, data: deflateSync(new Uint8Array(10)), declared: 10 }]), '不支持的压缩方式（12）'],
  ])('%s: refused in Chinese', (_, bytes, message) => {
    expect(() => checkedZip('x.docx', bytes)).toThrow(message);
  });
});

describe('through the import', () => {
  it('readDocument refuses the crafted file', async () => {
    await expect(readDocument('炸弹.docx', docxBomb(), 'docx')).rejects.toThrow('「炸弹.docx」解压后超过 200 MB');
  });

  it('the import lists it as an error of that file, and reads nothing from it', async () => {
    const r = await readImportFile('炸弹.docx', docxBomb(), { divisionsUrl: 'data:text/plain,', maxYear: 2030 }, () => undefined);
    expect(r.reports).toEqual([]);
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([['error', '无法读取这份报告：「炸弹.docx」解压后超过 200 MB，可能已损坏或被构造过，未读取']]);
  });
});
