// 投票中心: the editor creates a campaign, puts the reviewed case in it, moves it to its voting stage, opens public
// voting, and sees a visitor's vote reach the standings without reloading the page.
import assert from 'node:assert/strict';
import { screenshot } from '../support/cms.mjs';

const CAMPAIGN = '2026年编辑台测试征集活动';

/** A GraphQL request of the public API (no credentials), as a visitor's browser sends it. */
const publicGraphql = async (base, query, variables) => {
  const answer = await (await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  return answer.data;
};

export default async ({ base, page, editor, state }) => {
  const target = state.reviewedCase ?? state.importedCase;
  assert.ok(target, 'the import step leaves a case to put in a campaign');
  // Run alone (without the review step) the imported case is a draft: publish it, as the review step does.
  if (!state.reviewedCase) await editor.json('POST', `/content-manager/collection-types/api::case.case/${target.documentId}/actions/publish`, {});

  // The admin's Chinese interface (an editor's choice in their profile, stored by the browser), should an earlier step not have set it.
  await page.goto(`${base}/admin/plugins/casebook/voting`);
  if ((await page.evaluate(() => localStorage.getItem('strapi-admin-language'))) === null) {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    await page.reload();
  }
  const form = page.getByTestId('voting-new-campaign');
  await form.waitFor({ timeout: 60_000 });
  await form.getByText('新建征集活动').waitFor();
  await form.locator('input[name="name"]').fill(CAMPAIGN);
  await form.locator('input[name="organiser"]').fill('健康报社');
  await form.locator('input[name="year"]').fill('2026');
  await form.locator('textarea[name="description"]').fill('编辑台浏览器测试创建的征集活动');
  await form.getByRole('button', { name: '创建' }).click();

  const campaign = page.getByTestId('voting-campaign');
  await campaign.getByRole('heading', { name: CAMPAIGN }).waitFor({ timeout: 30_000 });
  assert.equal((await campaign.getByTestId('voting-stage').textContent())?.trim(), '征集');
  // The year is a year, not a quantity: 2026, never 2,026.
  await page.locator('tr', { hasText: CAMPAIGN }).getByText('2026', { exact: true }).waitFor();

  // Find the case by a part of its title and add it.
  await campaign.locator('input[name="case-search"]').fill(target.title.slice(0, 6));
  await campaign.getByRole('button', { name: '查找' }).click();
  const found = page.getByTestId('voting-case-search').locator('tr', { hasText: target.title });
  await found.getByRole('button', { name: '加入活动' }).click();
  await page.getByTestId('voting-campaign-cases').getByText(target.title).waitFor({ timeout: 30_000 });

  // Collecting → reviewing → voting; skipping a stage is not offered.
  assert.equal(await campaign.getByRole('button', { name: '进入「投票」阶段' }).count(), 0);
  await campaign.getByRole('button', { name: '进入「评审」阶段' }).click();
  await campaign.getByTestId('voting-stage').getByText('评审').waitFor({ timeout: 30_000 });
  await campaign.getByRole('button', { name: '进入「投票」阶段' }).click();
  await campaign.getByTestId('voting-stage').getByText('投票').waitFor({ timeout: 30_000 });

  // Public voting on (the Public role's vote permission), if it is not.
  const publicState = page.getByTestId('voting-public');
  if ((await publicState.textContent())?.includes('已暂停')) await page.getByRole('button', { name: '开放投票' }).click();
  await publicState.getByText('开放中').waitFor({ timeout: 30_000 });
  await campaign.getByTestId('voting-hint').getByText('本活动正在接受投票').waitFor();

  const standings = page.getByTestId('voting-standings');
  const row = standings.locator('tr', { hasText: target.title });
  await row.waitFor({ timeout: 30_000 });
  const before = Number((await row.locator('td').nth(3).textContent())?.trim());
  await standings.getByText('实时更新中').waitFor();
  await standings.getByRole('button', { name: '刷新' }).waitFor();
  assert.match((await standings.getByTestId('voting-updated').textContent()) ?? '', /^更新于 /);
  // The admin scrolls its content box, not the page: bring the standings into the screenshot.
  await standings.scrollIntoViewIfNeeded();
  await screenshot(page, 'desk-campaign-voting');

  // A visitor votes through the public GraphQL API; the standings follow within a poll or two, with no reload.
  const { voteCase } = await publicGraphql(base, 'mutation($d: ID!) { voteCase(documentId: $d, voter: "desk-visitor-1") { counted votes reason } }', { d: target.documentId });
  assert.deepEqual(voteCase, { counted: true, votes: before + 1, reason: null });
  await row.locator('td').nth(3).getByText(String(before + 1), { exact: true }).waitFor({ timeout: 20_000 });
  // The title leads to the case's edit view.
  assert.match((await row.getByTestId('voting-case-link').getAttribute('href')) ?? '', new RegExp(`/content-manager/collection-types/api::case\\.case/${target.documentId}$`));
  await screenshot(page, 'desk-campaign-live');

  state.campaign = { name: CAMPAIGN, votes: before + 1 };
};
