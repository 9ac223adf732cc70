import fs from 'node:fs';
import path from 'node:path';
import type { Test } from 'supertest';
import { anonymous, apiToken, createRole, signInAs, type Method, type Principal } from '../support/admin';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { ROOT_DIR } from '../support/paths';
import { bootCasebook, type Casebook } from '../support/strapi';

/**
 * The admin half of the permission matrix: who may call each of the plugin's admin routes, and, for
 * comparison, the Content Manager's case routes that decide who may write what. 401: no admin session
 * (API tokens are content-API credentials and open no admin route); 403: signed in, not permitted.
 *
 * Bodies: `upload` is a document to preview, `draft` / `publish` a corrected import without or with
 * `publish: true`, `title` a new case, `open` public voting left open, `reject` an item the case does not hold (404 past the
 * permission check), `imported` the imported case, `campaign` a new campaign, `stage` the next stage, `cases` a new draft
 * case to add; :campaign is a campaign, :draft a new unpublished case per cell, :documentId a case imported once (of its
 * own document, not a version of the cells' case), :fresh a new campaign per cell (in its first stage) and :member a new case in it.
 */
const PRINCIPALS = ['anonymous', 'read-only token', 'full-access token', 'no permissions', 'Author', 'Editor', 'Super Admin'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type Body = '' | 'upload' | 'draft' | 'publish' | 'title' | 'open' | 'reject' | 'imported' | 'campaign' | 'stage' | 'cases';

// prettier-ignore
const MATRIX: Array<[Method, string, Body, string, ...number[]]> = [
  //                                                                                                     anon  read  full  none  Author Editor Super
  ['GET',  '/casebook/overview',                                  '',        '概览: counts of the collection',       401,  401,  401,  403,  200,   200,   200],
  ['POST', '/casebook/import/preview',                            'upload',  '导入: extract a document, no write',   401,  401,  401,  403,  200,   200,   200],
  ['POST', '/casebook/import',                                    'draft',   '导入: write the cases as drafts',      401,  401,  401,  403,  200,   200,   200],
  ['POST', '/casebook/import',                                    'publish', '导入: write and publish the cases',    401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/source-documents',                          '',        '导入: the imported documents',         401,  401,  401,  403,  200,   200,   200],
  ['GET',  '/casebook/counters?documentIds=:published',           '',        'case list: votes and views columns',   401,  401,  401,  403,  200,   200,   200],
  ['GET',  '/casebook/case-list?documentIds=:published',          '',        'case list: province and review state', 401,  401,  401,  403,  200,   200,   200],
  ['GET',  '/casebook/voting',                                    '',        '投票中心: whether the public may vote', 401,  401,  401,  403,  403,   200,   200],
  ['PUT',  '/casebook/voting',                                    'open',    '投票中心: open or stop public voting',  401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/review/queue',                              '',        '审核队列: imported cases to review',   401,  401,  401,  403,  200,   200,   200],
  ['GET',  '/casebook/review/cases/:documentId/source',           '',        '审核: a case\'s source and items',      401,  401,  401,  403,  200,   200,   200],
  ['POST', '/casebook/review/cases/:documentId/rejections',       'reject',  '审核: mark an extracted item wrong',   401,  401,  401,  403,  404,   404,   404],
  ['POST', '/casebook/review/cases/:documentId/reviewed',         '',        '审核: mark the case reviewed',         401,  401,  401,  403,  200,   200,   200],
  ['POST', '/casebook/review/publish',                            'imported', '审核队列: publish reviewed cases',    401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaigns',                                 '',        '投票中心: campaigns and ballot counts', 401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaigns/:campaign/ranking',               '',        '投票中心: a campaign\'s top ten',       401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaigns/:campaign/ranking.csv',           '',        '投票中心: the full ranking as CSV',     401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaigns/:campaign/ballots.csv',           '',        '投票中心: every ballot (voter keys)',   401,  401,  401,  403,  403,   200,   200],
  ['POST', '/casebook/campaigns',                                 'campaign', '投票中心: create a campaign',         401,  401,  401,  403,  403,   201,   201],
  ['PUT',  '/casebook/campaigns/:fresh',                          'campaign', '投票中心: edit a campaign',           401,  401,  401,  403,  403,   200,   200],
  ['PUT',  '/casebook/campaigns/:fresh/stage',                    'stage',   '投票中心: move a campaign\'s stage',    401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaigns/:campaign/cases',                 '',        '投票中心: a campaign\'s cases',         401,  401,  401,  403,  403,   200,   200],
  ['POST', '/casebook/campaigns/:fresh/cases',                    'cases',   '投票中心: add cases to a campaign',    401,  401,  401,  403,  403,   200,   200],
  ['DELETE', '/casebook/campaigns/:fresh/cases/:member',          '',        '投票中心: take a case out',            401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/casebook/campaign-cases?search=案例',                 '',        '投票中心: find cases to add',          401,  401,  401,  403,  403,   200,   200],
  ['GET',  '/content-manager/collection-types/api::case.case',    '',        'Content Manager: list cases',          401,  401,  401,  403,  200,   200,   200],
  ['POST', '/content-manager/collection-types/api::case.case',    'title',   'Content Manager: create a draft case', 401,  401,  401,  403,  201,   201,   201],
  ['POST', '/content-manager/collection-types/api::case.case/:draft/actions/publish', '', 'Content Manager: publish a case', 401, 401, 401, 403, 403, 200, 200],
];

type Cell = { name: string; method: Method; path: string; body: Body; principal: PrincipalName; expected: number; file: string };

const CELLS: Cell[] = MATRIX.flatMap(([method, route, body, what, ...expected], row) =>
  PRINCIPALS.map((principal, column) => ({
    name: `${method} ${route} (${what}) as ${principal}: ${expected[column]}`,
    method,
    path: route,
    body,
    principal,
    expected: expected[column]!,
    file: `matrix-${row}-${column}.txt`,
  })),
);

const DOCUMENT = fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'documents', 'hospital-site-page.txt'), 'utf8');

let casebook: Casebook;
let world: Showcase;
let principals: Record<PrincipalName, Principal>;

beforeAll(async () => {
  casebook = await bootCasebook();
  world = await seedShowcase(casebook.strapi);
  principals = {
    anonymous: anonymous(casebook),
    'read-only token': await apiToken(casebook, 'read-only'),
    'full-access token': await apiToken(casebook, 'full-access'),
    'no permissions': await signInAs(casebook, await createRole(casebook)),
    Author: await signInAs(casebook, 'strapi-author'),
    Editor: await signInAs(casebook, 'strapi-editor'),
    'Super Admin': await signInAs(casebook, 'strapi-super-admin'),
  };
});

afterAll(async () => {
  await casebook?.stop();
});

/** A document of the cell's own (an import of the same bytes twice would be "unchanged" and write nothing). */
const upload = (cell: Cell) => ({ filename: cell.file, content: `${DOCUMENT}\n\n${cell.file}\n`, encoding: 'text' as const });

const bodyOf = async (cell: Cell): Promise<object | undefined> => {
  if (cell.body === '') return undefined;
  if (cell.body === 'title') return { title: `矩阵草稿 ${cell.file}` };
  if (cell.body === 'open') return { open: true };
  if (cell.body === 'campaign') return { name: `矩阵活动 ${cell.file}`, organiser: '健康报社', year: 2026 };
  if (cell.body === 'stage') return { stage: 'reviewing' };
  if (cell.body === 'cases') return { cases: [(await casebook.strapi.documents('api::case.case').create({ data: { title: `矩阵活动案例 ${cell.file}` } })).documentId] };
  if (cell.body === 'upload') return upload(cell);
  if (cell.body === 'reject') return { item: 'person:没有这个人' };
  if (cell.body === 'imported') return { documentIds: [await importedCase()] };
  const file = upload(cell);
  const preview = (await casebook.strapi.plugin('casebook').service('importer').preview(file.filename, Buffer.from(file.content))) as { document: unknown };
  return { ...file, publish: cell.body === 'publish', document: preview.document };
};

let imported: Promise<string> | undefined;
/** The documentId of a case imported once, for the review routes. */
const importedCase = () =>
  (imported ??= (async () => {
    const own = fs.readFileSync(path.join(ROOT_DIR, 'test', 'fixtures', 'documents', 'hospital-news.html'));
    const report = (await casebook.strapi.plugin('casebook').service('importer').importDocument('review-matrix.html', own)) as {
      status: string;
    };
    const row = (await casebook.strapi.db.query('api::case.case').findOne({ select: ['documentId'], where: { sourceDocument: { filename: 'review-matrix.html' } } })) as { documentId: string } | null;
    if (!row) throw new Error(`the review cells' document was not imported (${report.status})`);
    return row.documentId;
  })());

const pathOf = async (cell: Cell) => {
  if (cell.path.includes(':documentId')) return cell.path.replace(':documentId', await importedCase());
  let resolved = cell.path.replace(':campaign', world.campaign.documentId).replace(':published', world.published.case.documentId);
  if (resolved.includes(':draft')) {
    const draft = await casebook.strapi.documents('api::case.case').create({ data: { title: `矩阵待发布 ${cell.file}` } });
    resolved = resolved.replace(':draft', draft.documentId);
  }
  if (resolved.includes(':fresh')) {
    const documents = casebook.strapi.documents;
    const fresh = await documents('api::campaign.campaign').create({ data: { name: `矩阵新活动 ${cell.file}`, stage: 'collecting' } });
    const member = await documents('api::case.case').create({ data: { title: `矩阵活动成员 ${cell.file}`, campaign: fresh.documentId } });
    resolved = resolved.replace(':fresh', fresh.documentId).replace(':member', member.documentId);
  }
  return resolved;
};

const send = async (principal: Principal, method: Method, route: string, body?: object): Promise<Test> => {
  const request = principal.request(method, route);
  return body === undefined ? request : request.send(body);
};

describe('the admin permission matrix', () => {
  test.each(CELLS)('$name', async (cell) => {
    const response = await send(principals[cell.principal], cell.method, await pathOf(cell), await bodyOf(cell));
    expect(response.status).toBe(cell.expected);
  });

  test('only the permitted imports wrote anything, and only Editor and Super Admin published', async () => {
    const imports = CELLS.filter((cell) => cell.body === 'draft' || cell.body === 'publish');
    const written = (await casebook.strapi.db.query('plugin::casebook.source-document').findMany({ select: ['filename'], where: { filename: { $startsWith: 'matrix-' } } })) as Array<{
      filename: string;
    }>;
    expect(written.map((row) => row.filename).sort()).toEqual(imports.filter((cell) => cell.expected === 200).map((cell) => cell.file).sort());

    const published = (await casebook.strapi.db.query('api::case.case').findMany({
      select: ['documentId'],
      where: { publishedAt: { $notNull: true }, sourceDocument: { filename: { $startsWith: 'matrix-' } } },
      populate: { sourceDocument: { select: ['filename'] } },
    })) as Array<{ sourceDocument: { filename: string } }>;
    // The cells' documents are one article with a line of their own: each import is a new version of the same case
    // (README, "The importer"), so the case shows the last permitted publish. None is a draft-only import's.
    const publishers = imports.filter((cell) => cell.body === 'publish' && cell.expected === 200).map((cell) => cell.file);
    expect(published.length).toBeGreaterThan(0);
    expect(published.map((row) => row.sourceDocument.filename).filter((file) => !publishers.includes(file))).toEqual([]);
  });

  test("the table has a row for each of the plugin's admin routes", () => {
    const routes = (casebook.strapi.plugin('casebook').routes as unknown as { admin: { routes: Array<{ method: string; path: string }> } }).admin.routes;
    // :fresh and :member are a per-cell campaign and its case: the routes' :campaign and :case.
    const rows = new Set(MATRIX.map(([method, route]) => `${method} ${route.split('?')[0]!.replace(':fresh', ':campaign').replace(':member', ':case')}`));
    expect(routes.map((route) => `${route.method} /casebook${route.path}`).filter((route) => !rows.has(route))).toEqual([]);
  });
});

describe('an admin whose role holds no permission', () => {
  // From the router, not the table: a route added later without a permission check fails here.
  test("is refused every one of the plugin's admin routes, whatever the body", async () => {
    const routes = (casebook.strapi.plugin('casebook').routes as unknown as { admin: { routes: Array<{ method: Method; path: string }> } }).admin.routes;
    const none = principals['no permissions'];
    const answers: string[] = [];
    for (const route of routes) {
      const resolved = `/casebook${route.path.replace(':campaign', world.campaign.documentId).replace(':documentId', await importedCase())}`;
      const body = route.method === 'POST' || route.method === 'PUT' ? { ...upload({ file: 'forbidden.txt' } as Cell), publish: true, document: { hospitals: [], metrics: [], cases: [] } } : undefined;
      const response = await send(none, route.method, resolved, body);
      answers.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(answers).toEqual(routes.map((route) => `${route.method} ${route.path}: 403`));
    expect(await casebook.strapi.db.query('plugin::casebook.source-document').count({ where: { filename: 'forbidden.txt' } })).toBe(0);
  });
});
