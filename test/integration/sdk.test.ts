import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import {
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  ValidationError,
  createCasebookClient,
  isCasebookError,
  type CasebookClient,
} from '../../client-sdk/src/index';
import { signInAs } from '../support/admin';
import { imageOf, upload } from '../support/images';
import { bootCasebook, type Casebook } from '../support/strapi';
import { ROOT_DIR, SEED_FILES } from '../support/paths';

let casebook: Casebook;
let endpoint: string;
let client: CasebookClient;
let draftId: string;

beforeAll(async () => {
  casebook = await bootCasebook();
  await casebook.strapi.plugin('casebook').service('importer').seedIfEmpty(SEED_FILES);
  const draft = await casebook.strapi.documents('api::case.case').create({ data: { title: '党校草稿 尚未发布', body: '党校草稿正文' } });
  draftId = draft.documentId;
  const server = casebook.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  client = createCasebookClient({ endpoint });
});

afterAll(async () => {
  if (casebook) {
    for (const file of await casebook.strapi.db.query('plugin::upload.file').findMany()) await casebook.strapi.plugin('upload').service('upload').remove(file);
  }
  await casebook?.stop();
});

/** A fetch that answers every request with this JSON body and status. */
const answering = (status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('cases', () => {
  test('list: filters, sorts and pages', async () => {
    const first = await client.cases.list({ pageSize: 5 });
    expect(first.pageInfo).toEqual({ page: 1, pageSize: 5, pageCount: 4, total: 16 });
    expect(first.items).toHaveLength(5);
    expect(first.items[0]!.hospital?.name).toBeTruthy();

    const sichuan = await client.cases.list({ filter: { province: 'sichuan' } });
    expect(sichuan.items.length).toBe(4);
    expect(sichuan.items.every((item) => item.hospital?.province === 'sichuan')).toBe(true);

    const newest = (await client.cases.list({ sort: 'NEWEST', pageSize: 16 })).items.map((item) => item.source?.date ?? '');
    const oldest = (await client.cases.list({ sort: 'OLDEST', pageSize: 16 })).items.map((item) => item.source?.date ?? '');
    const dated = (dates: string[]) => dates.filter(Boolean);
    expect(dated(newest)).toEqual([...dated(newest)].sort().reverse());
    expect(dated(oldest)).toEqual([...dated(oldest)].sort());
  });

  test('iterate: every published case once, across pages', async () => {
    const seen: string[] = [];
    for await (const item of client.cases.iterate({ pageSize: 3 })) seen.push(item.documentId);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
    expect(seen).not.toContain(draftId);
  });

  test('get and bySlug: the full case, with body, people, initiatives and metrics', async () => {
    const [summary] = (await client.cases.search('党校')).items.map((hit) => hit.case);
    const full = await client.cases.get(summary!.documentId);
    expect(full.title).toBe('构建医院党校 提升实干能力');
    expect(full.body).toContain('党校');
    expect(full.initiatives.length).toBeGreaterThan(0);
    expect(full.metrics.length).toBeGreaterThan(0);
    expect((await client.cases.bySlug(full.slug!)).documentId).toBe(full.documentId);
  });

  test.each([['党校'], ['黨校']])('search %s: the Party-school case first, with its snippet', async (query) => {
    const result = await client.cases.search(query, { pageSize: 10 });
    expect(result.terms).toEqual(['党校']);
    expect(result.items[0]!.case.title).toBe('构建医院党校 提升实干能力');
    const snippet = result.items[0]!.snippet!;
    expect(snippet.field).toBe('body');
    expect(snippet.matches.map((range) => snippet.text.slice(range.start, range.end))).toContain('党校');
  });

  test('facets: counts that match the lists', async () => {
    const facets = await client.cases.facets({ filter: { search: '党建' } });
    for (const bucket of facets.provinces) {
      // A bucket's value is the filter's own type: no cast.
      const list = await client.cases.list({ filter: { search: '党建', province: bucket.value } });
      expect(list.pageInfo.total).toBe(bucket.count);
    }
    for (const bucket of facets.categories) {
      expect((await client.cases.list({ filter: { search: '党建', category: bucket.value } })).pageInfo.total).toBe(bucket.count);
    }
    for (const bucket of facets.themes.slice(0, 3)) {
      expect((await client.cases.list({ filter: { search: '党建', theme: bucket.value } })).pageInfo.total).toBe(bucket.count);
    }
    expect(facets.total).toBe((await client.cases.search('党建')).pageInfo.total);
  });

  test('a draft is not found, by documentId or by search', async () => {
    await expect(client.cases.get(draftId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await client.cases.search('党校草稿')).items).toEqual([]);
  });
});

describe('covers, SEO and labels', () => {
  let documentId: string;
  let stored: { url: string; formats: { small: { url: string } } };

  beforeAll(async () => {
    const editor = await signInAs(casebook, 'strapi-editor');
    const response = await upload(editor, '/upload', { content: await imageOf('png', 900, 600), filename: 'sdk-cover.png', contentType: 'image/png', fileInfo: { alternativeText: '党校课堂' } });
    expect(response.status).toBe(201);
    stored = response.body[0];
    documentId = (await client.cases.search('党校')).items[0]!.case.documentId;
    await casebook.strapi.documents('api::case.case').update({ documentId, data: { cover: response.body[0].id } as never });
    await casebook.strapi.documents('api::case.case').publish({ documentId });
  });

  test("a case's cover has absolute addresses on the CMS's origin, which serve the image", async () => {
    const origin = new URL(endpoint).origin;
    const shown = await client.cases.get(documentId);
    expect(shown.cover).toEqual({ url: `${origin}${stored.url}`, smallUrl: `${origin}${stored.formats.small.url}`, alternativeText: '党校课堂', width: 900, height: 600 });
    const image = await fetch(shown.cover!.smallUrl);
    expect([image.status, image.headers.get('content-type'), image.headers.get('cross-origin-resource-policy')]).toEqual([200, 'image/png', 'cross-origin']);
  });

  test('lists, search and the ranking show the same covers; a case without one has null', async () => {
    const origin = new URL(endpoint).origin;
    const listed = (await client.cases.list({ pageSize: 100 })).items;
    expect(listed.find((item) => item.documentId === documentId)?.cover?.url).toBe(`${origin}${stored.url}`);
    expect(listed.filter((item) => item.cover === null)).toHaveLength(listed.length - 1);
    expect((await client.cases.search('党校')).items.find((hit) => hit.case.documentId === documentId)?.case.cover?.url).toBe(`${origin}${stored.url}`);
    expect((await client.cases.ranking({ limit: 100 })).find((item) => item.documentId === documentId)?.cover?.smallUrl).toBe(`${origin}${stored.formats.small.url}`);
  });

  test("seo: the case's title and summary when no SEO fields are set", async () => {
    const shown = await client.cases.get(documentId);
    expect(shown.seo.title).toBe(shown.title);
    expect(Array.from(shown.seo.description ?? '').length).toBeLessThanOrEqual(160);
    expect(shown.seo.description?.slice(0, 20)).toBe(shown.summary?.replace(/\s+/g, ' ').trim().slice(0, 20));
  });

  test('labels: every closed set, typed by its keys', async () => {
    const labels = await client.labels();
    expect(new Map(labels.provinces.map(({ key, label }) => [key, label])).get('sichuan')).toBe('四川');
    expect(labels.hospitalLevels.find(({ key }) => key === 'grade3a')?.label).toBe('三甲');
    expect(labels.voteRefusals.map(({ key }) => key)).toEqual(['already_voted', 'voting_closed']);
  });

  test("an unknown theme is a ValidationError that names it (and the slug it differs from only in hyphens), in every call that filters", async () => {
    const calls = [
      () => client.cases.list({ filter: { theme: 'dangxiao' } }),
      () => client.cases.search('党校', { filter: { theme: 'dangxiao' } }),
      () => client.cases.facets({ filter: { theme: 'dangxiao' } }),
      () => client.cases.slugs({ filter: { theme: 'dangxiao' } }),
    ];
    for (const call of calls) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toMatch(/没有这个主题 \(no theme with slug or documentId 'dangxiao'; its slug is 'dang-xiao'\)/);
    }
    await expect(client.cases.ranking({ campaign: 'no-such-campaign' })).rejects.toBeInstanceOf(ValidationError);
    expect((await client.cases.list({ filter: { theme: 'dang-xiao' } })).pageInfo.total).toBeGreaterThan(0);
  });
});

describe('previews and escape hatches', () => {
  let token: string;
  let draftSlug: string;
  beforeAll(async () => {
    token = (await casebook.strapi.service('admin::api-token').create({ name: 'sdk-preview', type: 'read-only', lifespan: null, description: '' })).accessKey;
    draftSlug = (await casebook.strapi.documents('api::case.case').findOne({ documentId: draftId, status: 'draft' }))!.slug as string;
  });

  test('preview: with a token, a draft by documentId or slug, in the shape get answers', async () => {
    const editor = createCasebookClient({ endpoint, token });
    const byId = await editor.cases.preview(draftId);
    expect(byId).toMatchObject({ documentId: draftId, title: '党校草稿 尚未发布', body: '党校草稿正文', publishedAt: null, votes: 0, views: 0 });
    expect(draftSlug).toBeTruthy();
    expect(await editor.cases.preview(draftSlug)).toEqual(byId);
    // A published case previews as its draft version, which has every field get shows.
    const shown = (await client.cases.search('党校')).items[0]!.case;
    const published = await client.cases.get(shown.documentId);
    const previewed = await editor.cases.preview(shown.slug!);
    expect(Object.keys(previewed).sort()).toEqual(Object.keys(published).sort());
    expect({ ...previewed, publishedAt: null }).toEqual({ ...published, publishedAt: null });
    await expect(editor.cases.preview('no-such-case')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('preview: without a token, drafts are forbidden', async () => {
    await expect(client.cases.preview(draftId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('slugs: every published case’s slug and update time, and nothing else, in a small answer', async () => {
    const sizes: number[] = [];
    const measuring: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.clone().text();
      // A GET naming an unknown persisted query is answered PERSISTED_QUERY_NOT_FOUND, and then sent with its text.
      if (!body.includes('PERSISTED_QUERY_NOT_FOUND')) sizes.push(Buffer.byteLength(body));
      return response;
    };
    const entries = await createCasebookClient({ endpoint, fetch: measuring }).cases.slugs();
    const published = await casebook.strapi.documents('api::case.case').findMany({ status: 'published', fields: ['slug', 'updatedAt'], limit: 1000 });
    expect(entries.map((entry) => entry.slug).sort()).toEqual(published.map((row) => row.slug).sort());
    expect(entries.map((entry) => entry.slug)).not.toContain(draftSlug);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['slug', 'updatedAt']);
      expect(new Date(entry.updatedAt).toISOString()).toBe(entry.updatedAt);
    }
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!).toBeLessThan(150 * entries.length);
    const sichuan = await client.cases.slugs({ filter: { province: 'sichuan' } });
    expect(sichuan).toHaveLength(4);
  });

  test('request: any query, typed and parsed by the schema given, failing as the SDK fails', async () => {
    const ThemesSchema = z.object({ themes: z.array(z.object({ slug: z.nullable(z.string()), name: z.string() })) });
    const { themes } = await client.request('query Themes($limit: Int) { themes(pagination: { limit: $limit }) { slug name } }', { limit: 100 }, ThemesSchema);
    expect(themes.length).toBeGreaterThan(0);
    expect(themes.every((theme) => typeof theme.name === 'string')).toBe(true);

    const wrong = await client.request('query Themes { themes { slug name } }', undefined, z.object({ themes: z.array(z.object({ slug: z.number() })) })).catch((caught: unknown) => caught);
    expect(wrong).toBeInstanceOf(ResponseShapeError);
    expect((wrong as ResponseShapeError).message).toMatch(/^Themes: unexpected response at themes\.0\.slug/);
    await expect(client.request('{ nope }', {}, z.object({}))).rejects.toBeInstanceOf(ValidationError);
    await expect(client.request('query Drafts { cases(status: DRAFT) { title } }', {}, z.object({}))).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('cacheable reads', () => {
  type Sent = { method: string; query: boolean; hash: boolean; body: boolean; cacheControl: string | null };
  /** A client whose requests are recorded as they leave: method, whether the URL carries the query's text and its hash. */
  const recording = (options: { method?: 'GET' | 'POST' } = {}) => {
    const sent: Sent[] = [];
    const spy: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const response = await fetch(input, init);
      const extensions = url.searchParams.get('extensions') ?? (typeof init?.body === 'string' ? JSON.stringify(JSON.parse(init.body).extensions ?? null) : null);
      sent.push({ method: init?.method ?? 'GET', query: url.searchParams.has('query'), hash: /sha256Hash/.test(extensions ?? ''), body: init?.body !== undefined, cacheControl: response.headers.get('cache-control') });
      return response;
    };
    return { sent, client: createCasebookClient({ endpoint, fetch: spy, ...options }) };
  };
  /** A query no earlier request registered: the operation's name is part of the hashed text. */
  const fresh = () => `query Fresh${Date.now()}${Math.random().toString(36).slice(2, 8)} { caseList(pageSize: 2) { nodes { title } } }`;
  const Titles = z.object({ caseList: z.object({ nodes: z.array(z.object({ title: z.string() })) }) });

  test('a query goes as a GET naming it by hash; the text goes once, when the server does not know it; the answer may be shared', async () => {
    const { sent, client: reader } = recording();
    const document = fresh();
    const first = await reader.request(document, {}, Titles);
    const again = await reader.request(document, {}, Titles);
    expect(again).toEqual(first);
    expect(sent.map(({ method, query, hash }) => ({ method, query, hash }))).toEqual([
      { method: 'GET', query: false, hash: true },
      { method: 'GET', query: true, hash: true },
      { method: 'GET', query: false, hash: true },
    ]);
    expect(sent[2]!.cacheControl).toMatch(/^public, /);
  });

  test('the SDK’s own reads are shared GETs; votes and reads are POSTs', async () => {
    const { sent, client: reader } = recording();
    const [shown] = (await reader.cases.list({ pageSize: 1, sort: 'NEWEST' })).items;
    sent.length = 0;
    const again = (await reader.cases.list({ pageSize: 1, sort: 'NEWEST' })).items;
    // The content in a shared answer, the counters in one no cache keeps: together what the list answers.
    expect(sent.map(({ method, query, hash, cacheControl }) => ({ method, query, hash, shared: /^public, /.test(cacheControl ?? '') }))).toEqual([
      { method: 'GET', query: false, hash: true, shared: true },
      { method: 'GET', query: false, hash: true, shared: false },
    ]);
    expect(again).toEqual([shown]);
    expect(typeof shown!.votes).toBe('number');
    sent.length = 0;
    await reader.cases.vote(shown!.documentId, 'cacheable-reads-voter');
    await reader.cases.recordView(shown!.documentId, 'cacheable-reads-voter');
    expect(sent.map(({ method, cacheControl }) => ({ method, cacheControl }))).toEqual([
      { method: 'POST', cacheControl: 'no-store' },
      { method: 'POST', cacheControl: 'no-store' },
    ]);
  });

  test('method POST: every call a POST, as before', async () => {
    const { sent, client: poster } = recording({ method: 'POST' });
    await poster.cases.list({ pageSize: 1 });
    expect(sent.map(({ method, query, body }) => ({ method, query, body }))).toEqual([
      { method: 'POST', query: false, body: true },
      { method: 'POST', query: false, body: true },
    ]);
  });

  test('a read whose GET would be too long for proxies is POSTed, and answers the same', async () => {
    const { sent, client: reader } = recording();
    const document = 'query Long($slug: String) { caseDetail(slug: $slug) { title } }';
    await expect(reader.request(document, { slug: `长${'x'.repeat(9000)}` }, z.object({ caseDetail: z.object({ title: z.string() }) }))).rejects.toBeInstanceOf(NotFoundError);
    expect(sent.every(({ method }) => method === 'POST')).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
  });

  test('a server that takes no persisted queries gets the text, at once and from then on', async () => {
    const asked: string[] = [];
    const noPersistedQueries: typeof fetch = async (input) => {
      const url = new URL(String(input));
      asked.push(url.searchParams.has('query') ? (url.searchParams.has('extensions') ? 'text+hash' : 'text') : 'hash');
      if (!url.searchParams.has('query')) return Response.json({ errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] });
      return Response.json({ data: { caseList: { nodes: [{ title: '案例' }] } } });
    };
    const reader = createCasebookClient({ endpoint, fetch: noPersistedQueries });
    expect(await reader.request(fresh(), {}, Titles)).toEqual({ caseList: { nodes: [{ title: '案例' }] } });
    await reader.request(fresh(), {}, Titles);
    expect(asked).toEqual(['hash', 'text', 'text']);
  });

  test('a GET too long to travel is POSTed to the endpoint with its own parameters still in its URL', async () => {
    const sent: Array<{ url: URL; body: Record<string, unknown> }> = [];
    const recordingAnswer: typeof fetch = async (input, init) => {
      sent.push({ url: new URL(String(input)), body: JSON.parse(String(init?.body)) });
      return Response.json({ data: { caseDetail: { title: '案例' } } });
    };
    const reader = createCasebookClient({ endpoint: `${endpoint}?tenant=casebook`, fetch: recordingAnswer });
    await reader.request('query Long($slug: String) { caseDetail(slug: $slug) { title } }', { slug: 'x'.repeat(9000) }, z.object({ caseDetail: z.object({ title: z.string() }) }));
    expect(sent).toHaveLength(1);
    expect([...sent[0]!.url.searchParams.keys()]).toEqual(['tenant']);
    expect(Object.keys(sent[0]!.body).sort()).toEqual(['extensions', 'operationName', 'query', 'variables']);
    expect(sent[0]!.body.variables).toEqual({ slug: 'x'.repeat(9000) });
  });

  test('without Web Crypto (a page served over plain HTTP) a read is a GET carrying its text', async () => {
    // Browsers leave crypto.subtle undefined outside secure contexts; an own property hides Node's getter.
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      const { sent, client: reader } = recording();
      await reader.request(fresh(), {}, Titles);
      expect(sent.map(({ method, query, hash }) => ({ method, query, hash }))).toEqual([{ method: 'GET', query: true, hash: false }]);
    } finally {
      delete (globalThis.crypto as { subtle?: unknown }).subtle;
    }
    expect(globalThis.crypto.subtle).toBeDefined();
  });
});

describe('votes, reads and the ranking', () => {
  let votable: string;
  beforeAll(async () => {
    const created = await casebook.strapi.documents('api::case.case').create({ data: { title: '点赞测试案例', body: '正文' } });
    await casebook.strapi.documents('api::case.case').publish({ documentId: created.documentId });
    votable = created.documentId;
  });

  test('vote: counted once a day per voter, with the new total; Case.votes follows', async () => {
    expect(await client.cases.vote(votable, 'sdk-visitor')).toEqual({ counted: true, votes: 1, reason: null });
    expect(await client.cases.vote(votable, 'sdk-visitor')).toEqual({ counted: false, votes: 1, reason: 'already_voted' });
    expect((await client.cases.get(votable)).votes).toBe(1);
  });

  test('vote: a response lost on the way is resent with the same Idempotency-Key and counts once', async () => {
    const keys: string[] = [];
    let lost = 0;
    const losingFirstAnswer: typeof fetch = async (input, init) => {
      keys.push(new Headers(init?.headers).get('idempotency-key') ?? '');
      const response = await fetch(input, init);
      if (lost++ === 0) throw new TypeError('fetch failed: socket hang up');
      return response;
    };
    const flaky = createCasebookClient({ endpoint, fetch: losingFirstAnswer });
    expect(await flaky.cases.vote(votable, 'sdk-retrying-visitor')).toEqual({ counted: true, votes: 2, reason: null });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/\S{16,}/);
    expect(keys[1]).toBe(keys[0]);
    expect((await client.cases.get(votable)).votes).toBe(2);
  });

  test('vote: a draft is not found, a missing voter refused before sending', async () => {
    await expect(client.cases.vote(draftId, 'sdk-visitor')).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.cases.vote(votable, '')).rejects.toBeInstanceOf(ValidationError);
  });

  test('recordView: one voter’s reads count once in the window', async () => {
    const first = await client.cases.recordView(votable, 'sdk-reader');
    expect(first.counted).toBe(true);
    expect(await client.cases.recordView(votable, 'sdk-reader')).toEqual({ counted: false, views: first.views });
    expect((await client.cases.get(votable)).views).toBe(first.views);
  });

  test('ranking: most votes first, every item a case summary with its counters', async () => {
    const top = await client.cases.ranking({ limit: 3 });
    expect(top[0]).toMatchObject({ documentId: votable, votes: 2 });
    expect(top).toHaveLength(3);
    await expect(client.cases.ranking({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('hospitals', () => {
  test('list with published-case counts, and get by documentId or slug', async () => {
    const { items, pageInfo } = await client.hospitals.list({ filter: { withCases: true }, pageSize: 50 });
    expect(pageInfo.total).toBe(16);
    expect(items.every((item) => item.publishedCaseCount >= 1)).toBe(true);
    const byName = await client.hospitals.list({ sort: 'NAME', filter: { name: '华西' } });
    expect(byName.items.map((item) => item.name)).toEqual(['四川大学华西医院']);
    const hospital = await client.hospitals.get(items[0]!.documentId);
    expect(hospital.name).toBe(items[0]!.name);
    expect((await client.hospitals.bySlug(hospital.slug!)).documentId).toBe(hospital.documentId);
    await expect(client.hospitals.get('no-such-hospital')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the published builds', () => {
  // Asynchronously: the CMS answering them runs in this process.
  const run = async (args: string[]) => (await promisify(execFile)(process.execPath, args, { cwd: ROOT_DIR, env: { ...process.env, ENDPOINT: endpoint } })).stdout;
  const script = (load: string) => `${load}\ncreateCasebookClient({ endpoint: process.env.ENDPOINT }).cases.search('党校').then((page) => console.log(page.items[0].case.title));`;

  test('load in Node as ESM and as CommonJS, and talk to the CMS', async () => {
    expect((await run(['--input-type=module', '-e', script(`import { createCasebookClient } from '@casebook/sdk';`)])).trim()).toBe('构建医院党校 提升实干能力');
    expect((await run(['-e', script(`const { createCasebookClient } = require('@casebook/sdk');`)])).trim()).toBe('构建医院党校 提升实干能力');
  });
});

describe('errors', () => {
  test('bad parameters are refused before anything is sent', async () => {
    const fetchSpy = jest.fn(answering(200, { data: null }));
    const offline = createCasebookClient({ endpoint, fetch: fetchSpy });
    await expect(offline.cases.list({ pageSize: 1000 })).rejects.toBeInstanceOf(ValidationError);
    await expect(offline.cases.list({ filter: { publishedFrom: 'yesterday' } })).rejects.toThrow(/filter.publishedFrom/);
    // @ts-expect-error an unknown filter is a compile error, and refused at run time too
    await expect(offline.cases.list({ filter: { colour: 'red' } })).rejects.toBeInstanceOf(ValidationError);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test.each([
    ['cases.get', (sdk: CasebookClient) => sdk.cases.get('')],
    ['cases.bySlug', (sdk: CasebookClient) => sdk.cases.bySlug(42 as never)],
    ['cases.preview', (sdk: CasebookClient) => sdk.cases.preview('')],
    ['cases.search', (sdk: CasebookClient) => sdk.cases.search('')],
    ['cases.slugs', (sdk: CasebookClient) => sdk.cases.slugs({ pageSize: 10 } as never)],
    ['cases.vote', (sdk: CasebookClient) => sdk.cases.vote('', 'visitor')],
    ['cases.recordView', (sdk: CasebookClient) => sdk.cases.recordView(undefined as never)],
    ['hospitals.get', (sdk: CasebookClient) => sdk.hospitals.get('')],
    ['request', (sdk: CasebookClient) => sdk.request('', {}, z.object({}))],
    ['request without a schema', (sdk: CasebookClient) => sdk.request('{ themes { name } }', {}, {} as never)],
  ])('%s checks its arguments before sending', async (name, call) => {
    const fetchSpy = jest.fn(answering(200, { data: null }));
    const error = await call(createCasebookClient({ endpoint, fetch: fetchSpy })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message.startsWith(name.split(' ')[0]!)).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('bad client options are a ValidationError', () => {
    expect(() => createCasebookClient({ endpoint: '' })).toThrow(ValidationError);
    expect(() => createCasebookClient({ endpoint, headers: { 'x-count': 3 as never } })).toThrow(/headers\.x-count/);
  });

  test('a relative endpoint: resolved against the page in a browser, a clear error without one', async () => {
    expect(() => createCasebookClient({ endpoint: '/graphql' })).toThrow(/relative.*absolute URL/);
    const page = new URL('/cases/gou-jian-yi-yuan-dang-xiao', endpoint);
    Object.assign(globalThis, { location: page });
    try {
      const sameOrigin = createCasebookClient({ endpoint: '/graphql' });
      expect((await sameOrigin.cases.list({ pageSize: 1 })).pageInfo).toEqual((await client.cases.list({ pageSize: 1 })).pageInfo);
    } finally {
      delete (globalThis as { location?: unknown }).location;
    }
  });

  test.each([
    ['RateLimitError', RateLimitError, { code: 'STRAPI_RATE_LIMIT_ERROR', error: { name: 'RateLimitError', message: 'Too many votes', details: { retryAfter: 5 } } }, 429],
    ['NotFoundError', NotFoundError, { code: 'STRAPI_NOT_FOUND_ERROR', error: { name: 'NotFoundError', message: 'No case' } }, 404],
    ['ValidationError', ValidationError, { code: 'BAD_USER_INPUT', error: { name: 'ValidationError', message: 'bad' } }, 400],
    ['ForbiddenError', ForbiddenError, { code: 'FORBIDDEN', error: { name: 'ForbiddenError', message: 'no' } }, 403],
    ['ServerError', ServerError, { code: 'INTERNAL_SERVER_ERROR' }, 500],
  ])('a %s in a 200 GraphQL answer has its own status, not 200', async (_name, Kind, extensions, status) => {
    const answered = createCasebookClient({ endpoint, fetch: answering(200, { data: null, errors: [{ message: 'refused', extensions }] }) });
    const error = await answered.cases.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Kind);
    expect((error as RateLimitError).status).toBe(status);
  });

  test('a status the server sent stays the status', async () => {
    const error = await client.cases.preview(draftId).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).status).toBe(403);
  });

  test('the server refusing a query is a ValidationError with Strapi’s details', async () => {
    const error = await client.cases.search('   ').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(isCasebookError(error) && error.strapi?.name).toBe('ValidationError');
  });

  test('without read permission, a ForbiddenError', async () => {
    const role = await casebook.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = casebook.strapi.db.query('plugin::users-permissions.permission');
    await permissions.delete({ where: { role: role.id, action: 'api::hospital.hospital.find' } });
    try {
      await expect(client.hospitals.list()).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      await permissions.create({ data: { action: 'api::hospital.hospital.find', role: role.id } });
    }
  });

  test('a response of the wrong shape is a ResponseShapeError naming the path', async () => {
    const good = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ caseList(pageSize: 2) { nodes { documentId } pageInfo { page pageSize pageCount total } } }' }),
    }).then((response) => response.json() as Promise<{ data: { caseList: { nodes: Array<Record<string, unknown>> } } }>);
    const broken = createCasebookClient({ endpoint, fetch: answering(200, good) });
    const error = await broken.cases.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as ResponseShapeError).path).toBe('caseList.nodes.0.slug');
    expect((error as ResponseShapeError).issues.map((issue) => issue.path)).toContain('caseList.nodes.0.title');

    const wrongEnum = createCasebookClient({ endpoint, fetch: answering(200, { data: { hospitalDetail: { ...(await client.hospitals.list()).items[0], province: 'atlantis' } } }) });
    await expect(wrongEnum.hospitals.get('x')).rejects.toMatchObject({ code: 'RESPONSE_SHAPE', path: 'hospitalDetail.province' });
  });

  test('an unreachable server is a NetworkError, and so is a body that is not GraphQL', async () => {
    const unreachable = createCasebookClient({ endpoint: 'http://127.0.0.1:9/graphql' });
    await expect(unreachable.cases.list()).rejects.toBeInstanceOf(NetworkError);
    const proxy = createCasebookClient({ endpoint, fetch: async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) });
    await expect(proxy.cases.list()).rejects.toBeInstanceOf(NetworkError);
  });

  test('a 429 is a RateLimitError with retry-after', async () => {
    const limited = createCasebookClient({
      endpoint,
      fetch: answering(429, { errors: [{ message: 'Too many requests', extensions: { code: 'STRAPI_RATE_LIMIT_ERROR', error: { name: 'RateLimitError', message: 'Too many requests', details: {} } } }] }, { 'retry-after': '17' }),
    });
    const error = await limited.cases.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(17);
    expect((error as RateLimitError).status).toBe(429);
  });

  test('a token and extra headers are sent', async () => {
    const seen: Headers[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers));
      return fetch(input, init);
    };
    const token = await casebook.strapi.service('admin::api-token').create({ name: 'sdk-test', type: 'read-only', lifespan: null, description: '' });
    const withToken = createCasebookClient({ endpoint, token: token.accessKey, headers: { 'x-front-end': 'showcase' }, fetch: spy });
    await withToken.cases.list({ pageSize: 1 });
    expect(seen[0]!.get('authorization')).toBe(`Bearer ${token.accessKey}`);
    expect(seen[0]!.get('x-front-end')).toBe('showcase');
  });
});
