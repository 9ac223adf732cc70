// 导入文档: the editor pastes a hospital's web page, checks the preview and imports it as a draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, screenshot } from '../support/cms.mjs';

/** The document every later step works on: a county hospital's page with ten metrics. */
const DOCUMENT = path.join(ROOT, 'test', 'fixtures', 'documents', 'hospital-site-page.txt');

export default async ({ base, page, editor, state }) => {
  await page.goto(`${base}/admin/plugins/casebook/import`);
  await page.locator('textarea[name="content"]').fill(fs.readFileSync(DOCUMENT, 'utf8'));
  await page.locator('input[name="filename"]').fill('desk-site-page.txt');
  await page.getByRole('button', { name: '分析文档' }).click();
  await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('import-case').count(), 1);
  await screenshot(page, 'desk-import-preview');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByTestId('source-documents').getByText('desk-site-page.txt').waitFor({ timeout: 60_000 });
  await screenshot(page, 'desk-import-done');

  const cases = await editor.json('GET', `/content-manager/collection-types/api::case.case?filters[sourceDocument][filename][$eq]=${encodeURIComponent('desk-site-page.txt')}`);
  assert.equal(cases.results?.length, 1, JSON.stringify(cases).slice(0, 300));
  assert.equal(cases.results[0].publishedAt, null);
  state.importedCase = { documentId: cases.results[0].documentId, title: cases.results[0].title };
};
