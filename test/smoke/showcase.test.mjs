// The showcase starter (examples/showcase) in a real browser, as a front-end team would run it: built with vite
// and served by `vite preview` from an origin of its own, against a fresh `npm start` (on PostgreSQL when
// CASEBOOK_TEST_POSTGRES_URL is set) that lets exactly that origin call it (CASEBOOK_CORS_ORIGINS). Each count
// the page shows is checked against what the CMS holds, read through the SDK; the browser must log no error and
// fail no request, except in the two steps that break the network and exceed the vote rate limit on purpose.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { adminApi, freePort, launchBrowser, requireChromium, ROOT, screenshot, startCms, SUPER_ADMIN } from './support/cms.mjs';

const SHOWCASE = path.join(ROOT, 'examples', 'showcase');
/** Votes a client address may send a minute: low, so that the test reaches the limit in a few clicks. */
const VOTE_RATE_LIMIT = 5;

/** `npm run showcase:build`, as the README says: the SDK's dist, then the example's type check and vite build. */
const buildShowcase = (endpoint) => {
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'showcase:build'], { cwd: ROOT, env: { ...process.env, VITE_CASEBOOK_ENDPOINT: endpoint }, encoding: 'utf8' });
  assert.equal(result.status, 0, `npm run showcase:build failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`showcase build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

/** `vite preview` of the build on `port`, until stop(). */
const servePreview = async (port) => {
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: SHOWCASE, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while ((await fetch(origin).then((response) => response.status, () => 0)) !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`vite preview did not serve ${origin}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, stop };
};

/**
 * What an editor does in the admin for a case's cover and SEO description: the image into the media library
 * (`POST /upload`), the case updated with it and published (the Content Manager's own routes).
 */
const giveCover = async (base, documentId, seoDescription) => {
  const api = await adminApi(base, SUPER_ADMIN);
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#a61b1b' } }).png().toBuffer();
  const form = new FormData();
  form.append('files', new Blob([png], { type: 'image/png' }), 'cover.png');
  const response = await fetch(`${base}/upload`, { method: 'POST', headers: api.headers, body: form });
  assert.ok(response.ok, `POST /upload: ${response.status} ${await response.clone().text()}`);
  const [file] = await response.json();
  const caseRoute = `/content-manager/collection-types/api::case.case/${documentId}`;
  await api.json('PUT', caseRoute, { cover: file.id, seoDescription });
  await api.json('POST', `${caseRoute}/actions/publish`, {});
};

/** The titles of the cases a list page shows, in order. */
const shownTitles = (page) => page.locator('.case-card__title').allTextContents();

test('the showcase starter lists, filters, searches, counts a read and a vote, ranks and says 404, from its own origin', { timeout: 1_800_000 }, async () => {
  requireChromium();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const cms = await startCms({ env: { CASEBOOK_CORS_ORIGINS: origin, CASEBOOK_VOTE_RATE_LIMIT: String(VOTE_RATE_LIMIT) } });
  let preview;
  let browser;
  try {
    const endpoint = `${cms.base}/graphql`;
    buildShowcase(endpoint);
    preview = await servePreview(port);
    // The SDK's dist exists now (the build made it): the test reads what the CMS holds through it.
    const { createCasebookClient } = await import('@casebook/sdk');
    const casebook = createCasebookClient({ endpoint });

    // The CMS lets exactly the showcase's origin call it from a browser.
    const preflight = (from) => fetch(endpoint, { method: 'OPTIONS', headers: { origin: from, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });
    assert.equal((await preflight(origin)).headers.get('access-control-allow-origin'), origin);
    assert.equal((await preflight(`http://127.0.0.1:${port + 1}`)).headers.get('access-control-allow-origin'), null);

    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // What the browser must not do, but while a step breaks something on purpose (`expecting`).
    const problems = [];
    let expecting = null;
    const problem = (text) => (expecting?.test(text) ? undefined : problems.push(text));
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problem(`console ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Reads are cacheable (max-age=0, stale-while-revalidate): the browser shows a page it read before at once and
    // revalidates it in the background, and leaving the page cancels that GET (ERR_ABORTED), which is no failure.
    // A refused cross-origin call is ERR_FAILED, and counted.
    const revalidationLeftBehind = (request) => request.method() === 'GET' && request.failure()?.errorText === 'net::ERR_ABORTED';
    page.on('requestfailed', (request) => revalidationLeftBehind(request) || problem(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));
    page.on('response', (response) => response.status() >= 400 && problem(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`));

    // 案例列表: the 16 seeded cases, 12 to a page, and the facets with the CMS's own labels and counts.
    await page.goto(`${origin}/`);
    const count = page.getByTestId('result-count');
    await count.getByText('共 16 个案例').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.case-card').count(), 12);
    await page.getByRole('navigation', { name: '分页' }).getByText('第 1 / 2 页').waitFor();
    const facets = await casebook.cases.facets();
    const provinceLinks = page.locator('a[data-facet="province"]');
    assert.deepEqual(
      await provinceLinks.evaluateAll((links) => links.map((link) => [link.querySelector('.facet__label').textContent, Number(link.querySelector('.facet__count').textContent)])),
      facets.provinces.map(({ label, count: cases }) => [label, cases]),
    );
    assert.ok((await page.locator('a[data-facet="category"]').count()) > 0 && (await page.locator('a[data-facet="theme"]').count()) > 0, 'category and theme facets are shown');
    await screenshot(page, 'showcase-list');

    // A facet bucket is a filter: the list shows that province's cases, and the link can be shared.
    const province = facets.provinces.find((bucket) => bucket.count > 1 && bucket.count < facets.total);
    assert.ok(province, 'the seed has a province with some but not all cases');
    await page.locator(`a[data-facet="province"][data-value="${province.value}"]`).click();
    await count.getByText(`共 ${province.count} 个案例`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('province'), province.value);
    const inProvince = await casebook.cases.list({ filter: { province: province.value } });
    assert.deepEqual(await shownTitles(page), inProvince.items.map((shown) => shown.title));
    for (const line of await page.locator('.case-card__hospital').allTextContents()) assert.ok(line.includes(province.label), `${line} names ${province.label}`);
    assert.equal(await page.locator(`a[data-facet="province"][data-value="${province.value}"]`).getAttribute('aria-current'), 'true');
    await screenshot(page, 'showcase-facet');
    await page.reload();
    await count.getByText(`共 ${province.count} 个案例`).waitFor();
    // Choosing it again drops it.
    await page.locator(`a[data-facet="province"][data-value="${province.value}"]`).click();
    await count.getByText('共 16 个案例').waitFor();

    // A shared link with a mistyped theme (its slug without hyphens) lands on that theme's list, as the CMS
    // suggests; a theme the CMS has nothing like, on the list without it.
    const hyphenated = (await casebook.cases.facets()).themes.find((theme) => theme.value.includes('-'));
    assert.ok(hyphenated, 'the seed has a theme whose slug has a hyphen');
    await page.goto(`${origin}/?theme=${hyphenated.value.replaceAll('-', '')}`);
    await count.getByText(`共 ${hyphenated.count} 个案例`).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('theme'), hyphenated.value);
    await page.goto(`${origin}/?theme=no-such-theme-${Date.now()}`);
    await count.getByText('共 16 个案例').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('theme'), null);

    // Search: simplified and traditional find the same cases, each with its passage and the term marked.
    const search = async (query) => {
      await page.getByRole('searchbox', { name: '搜索案例' }).fill(query);
      await page.getByRole('searchbox', { name: '搜索案例' }).press('Enter');
      await count.getByText(new RegExp(`^「${query}」共找到 \\d+ 个案例$`)).waitFor();
      return { titles: await shownTitles(page), marks: await page.locator('.snippet mark').allTextContents() };
    };
    const simplified = await search('党校');
    const expected = (await casebook.cases.search('党校')).items.map((hit) => hit.case.title);
    assert.ok(expected.length > 0, 'the seed has cases about 党校');
    assert.deepEqual(simplified.titles, expected);
    assert.ok(simplified.marks.length > 0 && simplified.marks.every((mark) => mark === '党校'), JSON.stringify(simplified.marks));
    assert.equal(new URL(page.url()).searchParams.get('q'), '党校');
    await screenshot(page, 'showcase-search');
    const traditional = await search('黨校');
    assert.deepEqual(traditional, simplified);

    // 案例详情: one read counted on load, the page showing the count the CMS holds.
    const link = page.locator('.case-card__title a').first();
    const title = (await link.textContent()).trim();
    const slug = decodeURIComponent(new URL(await link.getAttribute('href'), origin).pathname.split('/').pop());
    // An editor gives the case a cover and an SEO description, and publishes it: the page shows both.
    const description = '医院党校建设的做法与成效:课程、师资和线上学习。';
    await giveCover(cms.base, (await casebook.cases.bySlug(slug)).documentId, description);
    const before = await casebook.cases.bySlug(slug);
    assert.ok(before.cover, 'the published case has its cover');
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const afterRead = await casebook.cases.bySlug(slug);
    assert.equal(afterRead.views, before.views + 1);
    assert.equal(await page.getByTestId('view-count').textContent(), String(afterRead.views));
    assert.equal(await page.title(), `${title} · 卫生健康行业党建创新案例`);
    assert.equal(await page.locator('meta[name="description"]').getAttribute('content'), description);
    // The cover, served by the CMS to the showcase's origin, has loaded (an image blocked by CORP has no size).
    const cover = page.locator('img.case-header__cover');
    await cover.waitFor();
    await page.waitForFunction(() => document.querySelector('img.case-header__cover')?.complete);
    assert.equal(await cover.evaluate((image) => image.naturalWidth), 640);
    assert.equal(await cover.getAttribute('src'), before.cover.url);
    if (before.hospital) await page.locator('.case-header__hospital').getByText(before.hospital.name).waitFor();
    assert.equal(await page.locator('.metric').count(), before.metrics.length);
    assert.equal(await page.locator('.initiatives > li').count(), before.initiatives.length);
    assert.equal(await page.locator('.people > li').count(), before.people.length);

    // 给我点赞: counted once (the CMS's count rises by one), then refused as already voted.
    const voteButton = page.getByRole('button', { name: /给我点赞/ });
    const voteStatus = page.locator('.vote__status');
    await voteButton.click();
    await voteStatus.getByText('点赞成功,感谢您的支持!').waitFor();
    assert.equal((await casebook.cases.bySlug(slug)).votes, before.votes + 1);
    assert.equal(await page.getByTestId('vote-count').textContent(), String(before.votes + 1));
    await voteButton.click();
    await voteStatus.getByText('您已经为这个案例点过赞了').waitFor();
    assert.equal((await casebook.cases.bySlug(slug)).votes, before.votes + 1);
    assert.equal(await page.getByTestId('vote-count').textContent(), String(before.votes + 1));
    await screenshot(page, 'showcase-case');

    // 投票中心: the campaign in its voting stage has its board; the case just voted for leads the board of all cases.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '投票中心' }).click();
    await page.getByRole('heading', { level: 1, name: '投票中心' }).waitFor();
    const ranking = await casebook.cases.ranking({ limit: 100 });
    const campaign = ranking.find((shown) => shown.campaign?.stage === 'voting')?.campaign;
    assert.ok(campaign, 'the seed puts a campaign in its voting stage');
    const campaignBoard = page.getByTestId('ranking-board').filter({ has: page.getByRole('heading', { level: 2, name: campaign.name }) });
    const allBoard = page.getByTestId('ranking-board').filter({ has: page.getByRole('heading', { level: 2, name: '全部案例点赞榜' }) });
    const votedRow = allBoard.getByTestId('ranking-row').filter({ hasText: title });
    assert.equal(await votedRow.getByTestId('vote-count').textContent(), String(before.votes + 1));
    assert.equal(await allBoard.getByTestId('ranking-row').first().locator('h3').textContent(), ranking[0].title);
    const campaignCases = await casebook.cases.ranking({ campaign: campaign.documentId, limit: 50 });
    assert.deepEqual(await campaignBoard.locator('h3').allTextContents(), campaignCases.map((shown) => shown.title));
    // A vote from the campaign's board counts for the campaign's case.
    const [campaignCase] = campaignCases;
    await campaignBoard.getByTestId('ranking-row').first().getByRole('button', { name: /给我点赞/ }).click();
    await campaignBoard.getByTestId('ranking-row').first().getByText('点赞成功,感谢您的支持!').waitFor();
    assert.equal((await casebook.cases.get(campaignCase.documentId)).votes, campaignCase.votes + 1);

    // Votes past the CMS's rate limit are refused, and the reader is told in Chinese when to try again.
    const rows = allBoard.getByTestId('ranking-row').filter({ hasNotText: title });
    const limited = page.getByText(/^操作太频繁了,请 \d+ 秒后再试。$/);
    for (let row = 0; row < VOTE_RATE_LIMIT && (await limited.count()) === 0; row += 1) {
      await rows.nth(row).getByRole('button', { name: /给我点赞/ }).click();
      // The answer, not the 正在提交… shown while the vote is on its way (then the next click would race it).
      await rows.nth(row).locator('.vote__status').filter({ hasText: /./ }).filter({ hasNotText: '正在提交' }).waitFor();
    }
    await limited.waitFor();
    await screenshot(page, 'showcase-vote');

    // An unknown case and an unknown address: 页面不存在.
    await page.goto(`${origin}/cases/no-such-case-${Date.now()}`);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.title(), '页面不存在 · 卫生健康行业党建创新案例');
    await screenshot(page, 'showcase-404');
    await page.goto(`${origin}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor({ timeout: 30_000 });

    // The CMS out of reach: the page says so in Chinese and offers to try again, which works once it is back.
    await page.goto(`${origin}/vote`);
    await page.getByRole('heading', { level: 1, name: '投票中心' }).waitFor();
    expecting = /ERR_CONNECTION_REFUSED|net::ERR_FAILED/;
    // Every call to the endpoint, the SDK's GETs (their query strings) included.
    const toTheCms = (url) => `${url.origin}${url.pathname}` === endpoint;
    await page.route(toTheCms, (route) => route.abort('connectionrefused'));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案例列表' }).click();
    await page.getByRole('alert').getByText('无法连接案例库服务器,请检查网络后重试。').waitFor();
    await screenshot(page, 'showcase-network-error');
    await page.unroute(toTheCms);
    expecting = null;
    await page.getByRole('button', { name: '重试' }).click();
    await count.getByText('共 16 个案例').waitFor();

    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${origin}/?province=${province.value}`);
    await count.getByText(`共 ${province.count} 个案例`).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    await screenshot(page, 'showcase-phone');

    assert.deepEqual(problems, []);
  } catch (error) {
    console.error(cms.output().slice(-4000));
    throw error;
  } finally {
    await browser?.close();
    await preview?.stop();
    await cms.stop();
  }
});
