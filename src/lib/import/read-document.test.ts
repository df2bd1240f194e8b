import { describe, expect, it } from 'vitest';
import { documentKind } from './read-document.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('documentKind', () => {
  it.each([
    ['报告.docx', 'PK…', 'docx'],
    ['报告.HTML', '<html>', 'html'],
    ['报告.htm', '<p>', 'html'],
    ['康驿镇.txt', '康驿镇人民政府2021年政府信息公开工作年度报告\n…', 'text'],
    ['三表.txt', '\t收到和处理政府信息公开申请情况', 'text'],
    ['数据.txt', 'town\tyear\tpub_website\n康驿镇\t2021\t13\n', null],
    ['数据.csv', '政府信息公开工作年度报告', null],
  ] as const)('%s → %s', (name, text, kind) => {
    expect(documentKind(name, bytes(text))).toBe(kind);
  });
});
