// 中文界面: the admin an editor meets is Chinese from the login page on (zh-Hans is the default, English stays
// selectable), with no guided tour and no product banner; the Content Manager shows Chinese field labels and
// closed-set values by their labels; the plugin's menu links have icons of their own and light up one at a time.
import assert from 'node:assert/strict';
import { screenshot } from '../support/cms.mjs';

/** Text that is Chinese: at least one CJK character. */
const CHINESE = /[\u4e00-\u9fff]/;

/** The login page of a browser that has never opened the admin, asking for `locale`. */
const loginPage = async (browser, base, locale, name) => {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/admin/auth/login`);
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 });
    await page.getByText('欢迎使用Strapi!').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Log ?in$/i }).count(), 0);
    // strapi/strapi#25768: zh-Hans, configured, is offered beside English in the interface-language list.
    await page.getByRole('combobox').first().click();
    const options = await page.getByRole('option').allTextContents();
    assert.ok(options.includes('English') && options.includes('中文 (简体)'), `interface languages: ${options.join(', ')}`);
    await page.keyboard.press('Escape');
    await screenshot(page, name);
  } finally {
    await context.close();
  }
};

/** No guided tour over the page, and no product banner above it. */
const noTourNoBanner = async (page) => {
  assert.equal(await page.getByRole('button', { name: /^(Skip|跳过|Next|下一步)$/ }).count(), 0, 'a guided tour is shown');
  assert.equal(await page.getByText(/Media Library|媒体库的新版本|Read blog post/).count(), 0, 'a product banner is shown');
};

export default async ({ base, page, editor }) => {
  // The login page: Chinese for a zh-CN browser and for a first visit from any browser (an en-US one here).
  const browser = page.context().browser();
  await loginPage(browser, base, 'zh-CN', 'desk-chinese-login');
  await loginPage(browser, base, 'en-US', 'desk-chinese-login-en-browser');

  // /favicon.ico, asked for by every page, answers (it was a 500).
  assert.equal((await fetch(`${base}/favicon.ico`)).status, 200);

  // Home: Chinese menu and page, no tour, no banner.
  await page.goto(`${base}/admin`);
  const contentManagerLink = page.locator('nav a[href$="/admin/content-manager"]');
  await contentManagerLink.waitFor({ timeout: 60_000 });
  assert.equal(await contentManagerLink.getAttribute('aria-label'), '内容管理器');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.match(await page.getByRole('heading', { level: 1 }).first().textContent(), CHINESE);
  await noTourNoBanner(page);
  await screenshot(page, 'desk-chinese-home');

  // The plugin's three links: each with an icon of its own, and only the current page's link lit.
  const links = ['overview', 'import', 'voting'].map((name) => page.locator(`nav a[href$="/plugins/casebook/${name}"]`));
  const icons = await Promise.all(links.map((link) => link.locator('svg').first().innerHTML()));
  assert.equal(new Set(icons).size, 3, 'the plugin links share an icon');
  await links[1].click();
  await page.waitForURL(/\/plugins\/casebook\/import/);
  const current = await Promise.all(links.map((link) => link.getAttribute('aria-current')));
  assert.deepEqual(current, [null, 'page', null]);

  // The Content Manager's case list: Chinese headers and buttons, no tour.
  await page.goto(`${base}/admin/content-manager/collection-types/api::case.case`);
  await page.locator('th', { hasText: '标题' }).waitFor({ timeout: 60_000 });
  await page.locator('th', { hasText: '医院' }).first().waitFor();
  await page.getByRole('link', { name: /创建新条目/ }).first().waitFor();
  await noTourNoBanner(page);
  await screenshot(page, 'desk-chinese-case-list');

  // A case's edit view: Chinese labels, the source component's fields included; no "Edit the model", no "Set up preview".
  await page.locator('tbody tr').first().locator('td').nth(2).click();
  await page.getByText('来源', { exact: true }).first().waitFor({ timeout: 60_000 });
  for (const label of ['标题', '摘要', '刊物或网站']) await page.locator('label', { hasText: new RegExp(`^${label}\\*?$`) }).first().waitFor();
  assert.equal(await page.getByText(/Set up preview|设置预览/).count(), 0);
  await page.getByRole('button', { name: /更多|More/ }).first().click().catch(() => {});
  assert.equal(await page.getByText(/Edit the model|编辑模型/).count(), 0);
  await page.keyboard.press('Escape');
  await screenshot(page, 'desk-chinese-case-edit');

  // Hospitals: provinces and categories by their labels in the list and in the edit view's selects.
  await page.goto(`${base}/admin/content-manager/collection-types/api::hospital.hospital`);
  await page.locator('th', { hasText: '省份' }).waitFor({ timeout: 60_000 });
  const provinceColumn = await page.locator('thead th').allTextContents().then((headers) => headers.findIndex((text) => text.includes('省份')));
  const provinces = await page.locator(`tbody tr td:nth-child(${provinceColumn + 1})`).allTextContents();
  assert.ok(provinces.length > 0 && provinces.every((text) => CHINESE.test(text) || text.trim() === '-'), `provinces: ${provinces.join(', ')}`);
  await screenshot(page, 'desk-chinese-hospital-list');
  await page.locator('tbody tr').first().locator('td').nth(2).click();
  const province = page.getByRole('combobox', { name: /省份/ });
  await province.waitFor({ timeout: 60_000 });
  assert.match(await province.textContent(), CHINESE);
  // Aliases: a list of text boxes with an add button, not a JSON code editor.
  const aliases = page.locator('[data-casebook-name-list="aliases"]');
  await aliases.getByRole('button', { name: '添加' }).waitFor();
  assert.equal(await page.locator('.cm-editor').count(), 0);
  await screenshot(page, 'desk-chinese-hospital-edit');

  // A campaign's year reads 2026, not 2,026; its stage by its label.
  const campaign = await editor.json('POST', '/content-manager/collection-types/api::campaign.campaign', { name: '界面检查活动', year: 2026, stage: 'voting' });
  try {
    await page.goto(`${base}/admin/content-manager/collection-types/api::campaign.campaign`);
    const row = page.locator('tr', { hasText: '界面检查活动' });
    await row.waitFor({ timeout: 60_000 });
    const cells = await row.locator('td').allTextContents();
    assert.ok(cells.includes('2026') && !cells.some((text) => text.includes('2,026')), `campaign row: ${cells.join(' | ')}`);
    assert.ok(cells.includes('投票') && !cells.includes('voting'), `campaign row: ${cells.join(' | ')}`);
  } finally {
    await editor.json('DELETE', `/content-manager/collection-types/api::campaign.campaign/${campaign.data.documentId}`);
  }

  // Source documents: the import status as the database holds it (已导入), not Strapi's "Published".
  await page.goto(`${base}/admin/content-manager/collection-types/plugin::casebook.source-document`);
  await page.locator('th', { hasText: '导入状态' }).waitFor({ timeout: 60_000 });
  await page.locator('tbody tr').first().getByText('已导入').waitFor();
  assert.equal(await page.locator('tbody').getByText(/^(Published|已发布)$/).count(), 0);
  await screenshot(page, 'desk-chinese-source-documents');
};
