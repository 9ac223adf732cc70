// 导入文档: the editor pastes a hospital's web page, corrects what the importer proposes, and imports it as a draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, screenshot } from '../support/cms.mjs';

/** The document every later step works on: a county hospital's page with ten metrics. */
const DOCUMENT = path.join(ROOT, 'test', 'fixtures', 'documents', 'hospital-site-page.txt');
/** A theme the editor picks from the existing ones. */
const THEME = '清廉医院建设';

const isTicked = async (checkbox) => (await checkbox.getAttribute('aria-checked')) === 'true';

export default async ({ base, page, editor, state }) => {
  await editor.json('POST', '/content-manager/collection-types/api::theme.theme', { name: THEME });
  await page.goto(`${base}/admin/plugins/casebook/import`);
  // The admin's language as step 10 leaves it (Chinese); set here too, so the step also runs on its own.
  if ((await page.evaluate(() => localStorage.getItem('strapi-admin-language'))) !== 'zh-Hans') {
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    await page.reload();
  }
  await page.getByRole('heading', { name: '导入文档' }).first().waitFor();
  await page.locator('textarea[name="content"]').fill(fs.readFileSync(DOCUMENT, 'utf8'));
  await page.locator('input[name="filename"]').fill('desk-site-page.txt');
  await page.getByRole('button', { name: '分析文档' }).click();
  await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('import-case').count(), 1);
  // The owner field offers the existing hospitals (the seed's among them) to pick from as the editor types.
  const owner = page.getByTestId('import-case').getByRole('combobox', { name: '医院', exact: true }); // an input with a list of suggestions is a combobox
  const offered = await owner.getAttribute('list');
  assert.ok(offered, 'the owner field has a list of hospitals');
  assert.equal(await page.locator(`datalist[id="${offered}"] option[value="成都市第六人民医院"]`).count(), 1);

  // Wrong item toggled: a click on the first initiative's box, where a person clicks (its centre, no retrying
  // for a clear target as locator.click does), unticks the first and leaves the second ticked.
  const initiatives = page.getByTestId('import-initiative');
  assert.ok((await initiatives.count()) >= 2, 'the page proposes at least two initiatives');
  const first = initiatives.nth(0).getByRole('checkbox');
  const second = initiatives.nth(1).getByRole('checkbox');
  assert.equal(await isTicked(first), true);
  assert.equal(await isTicked(second), true);
  const box = await first.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await isTicked(first), false, 'the first initiative is unticked');
  assert.equal(await isTicked(second), true, 'the second initiative stays ticked');
  const dropped = await initiatives.nth(0).getByRole('textbox').inputValue();

  // Renaming: an initiative and a metric's label; the metric's qualifier by its Chinese label.
  await initiatives.nth(1).getByRole('textbox').fill('党员下基层 (核对后改名)');
  const metrics = page.getByTestId('import-metric');
  const metricCount = await metrics.count();
  assert.equal(metricCount, 10);
  await metrics.nth(0).getByRole('textbox', { name: '指标' }).fill('党支部数量 (核对)');
  await metrics.nth(0).getByRole('combobox').click();
  await page.getByRole('option', { name: '超过' }).click();
  assert.match(await metrics.nth(0).getByRole('combobox').textContent(), /超过/);
  // Clicking a metric's quote marks it in the original text.
  await metrics.nth(1).getByTestId('import-metric-quote').click();
  assert.equal(await page.getByTestId('source-highlight').textContent(), '党员约420名');

  // Themes, award and source: shown, and corrected.
  const details = page.getByTestId('import-details');
  await details.getByRole('combobox').click();
  await page.getByRole('option', { name: THEME }).click();
  await page.keyboard.press('Escape');
  await details.getByLabel('发布日期').fill('2023-04-13');
  await details.getByLabel('阅读量').fill('1600');
  await details.getByLabel('奖项').fill('优秀案例');
  await page.setViewportSize({ width: 1400, height: 2400 });
  await screenshot(page, 'desk-import-preview');
  await page.setViewportSize({ width: 1400, height: 1000 });

  await page.getByRole('button', { name: '确认导入' }).click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 60_000 });
  const said = await result.textContent();
  assert.match(said, /导入完成/);
  assert.match(said, /新建 1 个案例/);
  assert.doesNotMatch(said, /created|updated/i);
  await page.getByTestId('source-documents').getByText('desk-site-page.txt').waitFor({ timeout: 60_000 });
  await screenshot(page, 'desk-import-done');

  const cases = await editor.json('GET', `/content-manager/collection-types/api::case.case?filters[sourceDocument][filename][$eq]=${encodeURIComponent('desk-site-page.txt')}`);
  assert.equal(cases.results?.length, 1, JSON.stringify(cases).slice(0, 300));
  assert.equal(cases.results[0].publishedAt, null);
  const { documentId, title } = cases.results[0];
  state.importedCase = { documentId, title };

  // The link leads to the draft in the Content Manager.
  await result.getByTestId('import-draft-link').click();
  await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/api::case.case/${documentId}`), { timeout: 60_000 });
  await page.locator('input[name="title"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('input[name="title"]').inputValue(), title);
  await screenshot(page, 'desk-import-draft');

  // What was written is what the editor corrected.
  const draft = (await editor.json('GET', `/content-manager/collection-types/api::case.case/${documentId}?status=draft`)).data;
  assert.equal(draft.award, '优秀案例');
  assert.equal(draft.source?.date, '2023-04-13');
  assert.equal(draft.source?.readCount, 1600);
  const themes = await editor.json('GET', `/content-manager/relations/api::case.case/${documentId}/themes?status=draft`);
  // The picked theme beside those the importer proposed (廉洁 for this page).
  assert.ok(themes.results.some((theme) => theme.name === THEME), JSON.stringify(themes.results.map((theme) => theme.name)));
  const writtenInitiatives = await editor.json('GET', `/content-manager/collection-types/api::initiative.initiative?pageSize=100&sort=order:ASC&filters[case][documentId][$eq]=${documentId}`);
  const names = writtenInitiatives.results.map((initiative) => initiative.name);
  assert.equal(names[0], '党员下基层 (核对后改名)', JSON.stringify(names));
  assert.ok(!names.includes(dropped), `the unticked initiative ${dropped} was not written`);
  const writtenMetrics = await editor.json('GET', `/content-manager/collection-types/api::metric.metric?pageSize=100&sort=order:ASC&filters[case][documentId][$eq]=${documentId}`);
  assert.equal(writtenMetrics.results.length, metricCount);
  assert.equal(writtenMetrics.results[0].label, '党支部数量 (核对)');
  assert.equal(writtenMetrics.results[0].qualifier, 'more_than');
};
