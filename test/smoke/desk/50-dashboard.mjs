// 概览: the dashboard draws its charts, and the tables beside them carry the case's province (by its Chinese label)
// and the vote the campaign step cast.
import assert from 'node:assert/strict';
import { screenshot } from '../support/cms.mjs';

export default async ({ base, page, state }) => {
  const target = state.reviewedCase ?? state.importedCase;
  assert.ok(target, 'the import step leaves a case');
  await page.goto(`${base}/admin/plugins/casebook/overview`);
  const provinces = page.getByTestId('overview-provinces');
  await provinces.waitFor({ timeout: 60_000 });
  await provinces.getByText('各省份案例数').waitFor();
  // The imported page is a hospital of Hunan: 湖南, never the key hunan.
  await provinces.locator('td', { hasText: /^湖南$/ }).waitFor({ timeout: 30_000 });
  assert.equal(await provinces.getByText('hunan', { exact: true }).count(), 0);
  // Every chart is drawn (ECharts' SVG renderer), one per panel.
  await page.locator('[data-testid="dashboard-chart"] svg').first().waitFor({ timeout: 30_000 });
  assert.ok((await page.locator('[data-testid="dashboard-chart"] svg').count()) >= 6);
  for (const title of ['各主题案例数', '各类医院案例数', '每月案例数 (按来源日期)', '票数最多的案例', '阅读最多的案例', '最常见的指标', '审核进度']) {
    await page.getByRole('heading', { name: title }).waitFor();
  }
  if (state.campaign) {
    const voted = page.getByTestId('dashboard-most-voted').locator('tr', { hasText: target.title });
    await voted.waitFor({ timeout: 30_000 });
    assert.equal((await voted.locator('td').nth(1).textContent())?.trim(), String(state.campaign.votes));
  }
  await screenshot(page, 'desk-dashboard');
};
