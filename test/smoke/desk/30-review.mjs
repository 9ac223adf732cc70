// 审核队列 and the source panel: the editor finds the imported case in the queue, checks a highlighted metric
// against its field, marks an extracted item wrong, marks the case reviewed and publishes it from the queue.
import assert from 'node:assert/strict';
import { screenshot } from '../support/cms.mjs';

/** The queue's row of the case titled `title`. */
const rowOf = (page, title) => page.getByRole('row').filter({ hasText: title });

export default async (desk) => {
  try {
    await review(desk);
  } catch (error) {
    // What the page showed when a step failed, for the failure's report.
    await screenshot(desk.page, 'desk-review-failed').catch(() => undefined);
    throw error;
  }
};

const review = async ({ base, page, editor, state }) => {
  const { documentId, title } = state.importedCase;
  const queue = (await editor.json('GET', '/casebook/review/queue')).data;
  assert.ok(queue.some((entry) => entry.documentId === documentId), JSON.stringify(queue).slice(0, 400));

  // The interface language step 10 checks is Chinese by default; set here too, so that this step reads Chinese on its own.
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  await page.goto(`${base}/admin/plugins/casebook/review`);
  await page.getByRole('heading', { name: '审核队列' }).waitFor({ timeout: 60_000 });
  const row = rowOf(page, title);
  await row.waitFor({ timeout: 30_000 });
  assert.match(await row.innerText(), /待审核/);
  assert.match(await row.innerText(), /举措 \d+ · 指标 \d+ · 人物 \d+/);
  await screenshot(page, 'desk-review-queue');

  // The case's edit view, with its source panel.
  await row.getByRole('link', { name: '对照原文审核' }).click();
  await page.waitForURL((url) => url.pathname.includes(`/api::case.case/${documentId}`), { timeout: 60_000 });
  const panel = page.getByTestId('casebook-source-panel');
  await panel.waitFor({ timeout: 60_000 });
  await page.getByText('对照原文审核').first().waitFor();
  for (const legend of ['标题', '医院', '举措', '指标', '来源信息']) await panel.locator(`[data-legend]`, { hasText: legend }).first().waitFor();

  // A highlighted metric quotes exactly what its metric holds as its quote.
  const mark = panel.locator('mark[data-kind="metric"]').first();
  const highlighted = await mark.innerText();
  const part = await mark.getAttribute('data-part');
  const metric = await editor.json('GET', `/content-manager/collection-types/api::metric.metric/${part}`);
  assert.equal(highlighted, metric.data.quote);
  await mark.click();
  assert.equal(await panel.getByTestId('casebook-source-quote').innerText(), `原文引文: ${metric.data.quote}`);
  await screenshot(page, 'desk-review-source');

  // An initiative marked wrong leaves the case (the view reloads with the draft as it now is).
  const item = panel.locator('[data-item^="initiative:"]').first();
  const itemId = await item.getAttribute('data-item');
  const before = (await editor.json('GET', `/casebook/review/cases/${documentId}/source`)).data.items.length;
  await item.getByRole('button', { name: '标记为错误' }).click();
  await page.waitForLoadState('load');
  await page.getByTestId('casebook-source-panel').waitFor({ timeout: 60_000 });
  await page.getByTestId('casebook-source-panel').getByText('已标记为错误', { exact: false }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator(`[data-item="${itemId}"]`).count(), 0);
  const after = (await editor.json('GET', `/casebook/review/cases/${documentId}/source`)).data;
  assert.equal(after.items.length, before - 1);
  assert.ok(after.rejected.some((rejection) => rejection.key === itemId));

  // Reviewed, by whom and when.
  await page.getByTestId('casebook-source-panel').getByRole('button', { name: '标记为已审核' }).click();
  const reviewed = page.getByTestId('casebook-reviewed');
  await reviewed.waitFor({ timeout: 30_000 });
  assert.match(await reviewed.innerText(), /已审核: 王编辑 于 \d{4}年\d{1,2}月\d{1,2}日/);
  await screenshot(page, 'desk-review-reviewed');

  // Published from the queue, with its parts.
  await page.goto(`${base}/admin/plugins/casebook/review`);
  const reviewedRow = rowOf(page, title);
  await reviewedRow.waitFor({ timeout: 60_000 });
  assert.match(await reviewedRow.innerText(), /已审核/);
  await reviewedRow.getByRole('checkbox').click();
  await page.getByRole('button', { name: '批量发布 (1)' }).click();
  await page.getByText('已发布 1 个案例及其举措和指标').waitFor({ timeout: 60_000 });
  await screenshot(page, 'desk-review-published');
  await rowOf(page, title).waitFor({ state: 'detached', timeout: 30_000 });
  const published = await editor.json('GET', `/content-manager/collection-types/api::case.case/${documentId}?status=published`);
  assert.ok(published.data?.publishedAt, JSON.stringify(published).slice(0, 300));
  const publicCase = await (await fetch(`${base}/api/cases/${documentId}?populate[metrics]=true&populate[initiatives]=true`)).json();
  assert.equal(publicCase.data?.documentId, documentId);
  assert.ok(publicCase.data.metrics.length > 0);
  assert.ok(!publicCase.data.initiatives.some((initiative) => `initiative:${initiative.name.replace(/\s+/g, '').toLowerCase()}` === itemId));

  state.reviewedCase = { documentId, title };
};
