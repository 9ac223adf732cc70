// 案例列表: the Content Manager's case list shows what an editor needs (hospital, province, review state, status,
// votes, views, update time) under Chinese headers, and filters by province, theme, campaign and review state.
import assert from 'node:assert/strict';
import { screenshot } from '../support/cms.mjs';

const HEADERS = ['标题', '医院', '省份', '审核状态', '投票', '阅读', '更新时间'];

/** The rows on screen: each case's title cell text and its province cell's label, once every province has loaded. */
const rowsOf = async (page) => {
  const rows = page.locator('tbody tr');
  // The page's provinces come in one request: once one is shown, all are.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-casebook-cell="province"]')].some((cell) => cell.textContent !== '–'), null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const found = [];
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    found.push({ text: await row.textContent(), province: await row.locator('[data-casebook-cell="province"]').textContent() });
  }
  return found;
};

/** Picks `option` in the filter bar's menu number `position` (省份, 主题, 征集活动, 审核状态). */
const pick = async (page, position, option) => {
  await page.getByTestId('case-filters').getByRole('combobox').nth(position).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

export default async ({ base, page, state }) => {
  const { title } = state.importedCase;
  await page.goto(`${base}/admin/content-manager/collection-types/api::case.case`);
  const header = page.locator('thead');
  await header.waitFor({ timeout: 60_000 });
  await page.locator('[data-casebook-cell="province"]').first().waitFor({ timeout: 60_000 });
  const headerText = await header.textContent();
  for (const name of HEADERS) assert.ok(headerText.includes(name), `the case list has a ${name} column: ${headerText}`);
  const all = await rowsOf(page);
  const imported = all.find((row) => row.text.includes(title));
  assert.ok(imported, `the imported case is on the first page: ${all.map((row) => row.text.slice(0, 30)).join(' | ')}`);
  assert.equal(imported.province, '湖南');
  // Provinces show by their Chinese labels, never their keys.
  assert.ok(all.every((row) => !/^[a-z_]+$/.test(row.province)), JSON.stringify(all.map((row) => row.province)));
  const elsewhere = all.filter((row) => row.province !== '湖南');
  assert.ok(elsewhere.length > 0, 'the first page has cases of other provinces');
  await screenshot(page, 'desk-case-list');

  // 省份 湖南: the imported case stays, the cases of other provinces go.
  await pick(page, 0, '湖南');
  await page.waitForURL((url) => decodeURIComponent(url.search).includes('[hospital][province][$eq]=hunan'), { timeout: 30_000 });
  await page.locator('tbody').getByText(title).waitFor({ timeout: 30_000 });
  const hunan = await rowsOf(page);
  assert.ok(hunan.length >= 1 && hunan.every((row) => row.province === '湖南'), JSON.stringify(hunan.map((row) => row.province)));
  for (const row of elsewhere) assert.ok(!hunan.some((shown) => shown.text === row.text), `a case of ${row.province} is hidden`);
  await screenshot(page, 'desk-case-list-hunan');

  // 审核状态: the imported case waits for its review.
  await pick(page, 3, '待审核');
  await page.locator('tbody').getByText(title).waitFor({ timeout: 30_000 });
  const review = await page.locator('tbody tr', { hasText: title }).locator('[data-casebook-cell="review"]').textContent();
  assert.equal(review, '待审核');
  await pick(page, 3, '已审核');
  await page.waitForURL((url) => decodeURIComponent(url.search).includes('[reviewedAt][$notNull]'), { timeout: 30_000 });
  await page.locator('tbody').getByText(title).waitFor({ state: 'detached', timeout: 30_000 });

  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.locator('tbody').getByText(title).waitFor({ timeout: 30_000 });
};
