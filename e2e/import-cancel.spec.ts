import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { docxBomb } from '../src/lib/import/testing/hostile.ts';
import { open } from './helpers.ts';

/**
 * 取消 during a long read: a dozen crafted .docx files (each 8 MB, inflating to 1.26 GB; each
 * refused after 200 MB) keep the reader busy; 取消 ends it at once, nothing is loaded, and the app
 * goes on working — the next import reads and loads as usual.
 */
test('a long read of hostile files is cancelled with 取消; nothing is loaded and the next import works', async ({ page }, info) => {
  const bomb = docxBomb();
  const paths = Array.from({ length: 12 }, (_, i) => {
    const path = info.outputPath(`炸弹${i + 1}.docx`);
    writeFileSync(path, bomb);
    return path;
  });
  await open(page);
  await page.getByRole('button', { name: '导入数据' }).click();
  await page.getByLabel('选择文件').setInputFiles(paths);
  await expect(page.getByRole('status').filter({ hasText: /正在读取第 \d+ 个文件 炸弹\d+\.docx/ })).toBeVisible();
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消读取，没有载入任何数据，数据没有变化。' })).toBeVisible();
  await expect(page.locator('progress')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /载入 \d+ 份报告/ })).toHaveCount(0);
  await expect(page.getByText('已导入')).toHaveCount(0);

  // the app goes on: a new reading worker reads the next file, and it loads
  const csv = '县（市、区）,镇街,区划代码,年度,表式,来源,政府网站主动公开信息\n任城区,金城街道,370811008,2026,2021,金城街道2026年报告,77\n';
  await page.getByLabel('选择文件').setInputFiles([{ name: '金城街道.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
  await page.getByRole('button', { name: '载入 1 份报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已载入 1 份报告' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已保存在本浏览器中' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/?view=ranking&year=2026&measure=pub_volume');
  await expect(page.locator('table.ranking tbody tr[data-town="金城街道"]')).toContainText('77');
});
