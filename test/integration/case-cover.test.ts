import { anonymous, apiToken, signInAs, type Principal } from '../support/admin';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { imageOf, noisePngOf, upload, uploadFixture, type Upload } from '../support/images';
import { bootCasebook, type Casebook } from '../support/strapi';

/**
 * Case covers (issue 17): what the media library takes (images only, within CASEBOOK_UPLOAD_MAX_BYTES), the headers
 * the stored files are served with, and the cover as the showcase API answers it, never a draft's.
 */

/** A small limit, so that an oversize image is quick to make. */
const LIMIT = 300 * 1024;

type StoredFile = { id: number; url: string; name: string; mime: string; width: number | null; height: number | null; formats: Record<string, { url: string }> | null };

let casebook: Casebook;
let world: Showcase;
let editor: Principal;
let token: Principal;
const FILE_UID = 'plugin::upload.file';

beforeAll(async () => {
  casebook = await bootCasebook({ env: { CASEBOOK_UPLOAD_MAX_BYTES: String(LIMIT) } });
  world = await seedShowcase(casebook.strapi);
  editor = await signInAs(casebook, 'strapi-editor');
  token = await apiToken(casebook, 'full-access');
});

afterAll(async () => {
  if (casebook) {
    // The stored files live in cms/public/uploads: leave none behind.
    const files = await casebook.strapi.db.query(FILE_UID).findMany();
    for (const file of files) await casebook.strapi.plugin('upload').service('upload').remove(file);
  }
  await casebook?.stop();
});

const fileCount = () => casebook.strapi.db.query(FILE_UID).count();

/** Uploads `file` as `principal` to `route` and answers the stored file (the request must succeed). */
const stored = async (principal: Principal, route: '/upload' | '/api/upload', file: Upload): Promise<StoredFile> => {
  const response = await upload(principal, route, file);
  expect([response.status, response.body?.error?.message]).toEqual([201, undefined]);
  return response.body[0] as StoredFile;
};

const ROUTES = [
  ['the media library (an editor)', '/upload', () => editor],
  ['the content API (a full-access token)', '/api/upload', () => token],
] as const;

describe.each(ROUTES)('uploads through %s', (_name, route, principal) => {
  test.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
    ['avif', 'image/avif'],
  ] as const)('a real %s image is accepted and stored as %s', async (format, mime) => {
    const file = await stored(principal(), route, { content: await imageOf(format, 640, 480), filename: `cover.${format === 'jpeg' ? 'jpg' : format}`, contentType: mime });
    expect(file.mime).toBe(mime);
    // Strapi 5.54 reads no size of an AVIF (its image library names the format heif) and makes no renditions of it.
    expect([file.width, file.height]).toEqual(format === 'avif' ? [null, null] : [640, 480]);
  });

  test.each([
    ['an HTML page named cover.png, sent as image/png', () => ({ content: uploadFixture('page.html'), filename: 'cover.png', contentType: 'image/png' })],
    ['an HTML page named cover.png, sent as application/octet-stream', () => ({ content: uploadFixture('page.html'), filename: 'cover.png', contentType: 'application/octet-stream' })],
    ['an HTML page as itself', () => ({ content: uploadFixture('page.html'), filename: 'page.html', contentType: 'text/html' })],
    ['an SVG with script named cover.png, sent as image/png', () => ({ content: uploadFixture('script.svg'), filename: 'cover.png', contentType: 'image/png' })],
    ['an SVG with script named cover.jpg, sent as image/jpeg', () => ({ content: uploadFixture('script.svg'), filename: 'cover.jpg', contentType: 'image/jpeg' })],
    ['an SVG with script as itself', () => ({ content: uploadFixture('script.svg'), filename: 'logo.svg', contentType: 'image/svg+xml' })],
    ['plain text named notes.txt', () => ({ content: Buffer.from('会议纪要'), filename: 'notes.txt', contentType: 'text/plain' })],
  ])('%s is refused with a 400, and nothing is stored', async (_case, file) => {
    const before = await fileCount();
    const response = await upload(principal(), route, file());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/not allowed|只接受/);
    expect(await fileCount()).toBe(before);
  });

  test(`an image over the limit (${LIMIT} bytes) is refused with a 413 that names the limit, and nothing is stored`, async () => {
    const before = await fileCount();
    const content = await noisePngOf(LIMIT + 10_000);
    const response = await upload(principal(), route, { content, filename: 'big.png', contentType: 'image/png' });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/300 KB/);
    expect(await fileCount()).toBe(before);
  });
});

describe('replacing a stored image', () => {
  test('with an HTML page named like it is refused, and the stored file stays as it was', async () => {
    const original = await stored(editor, '/upload', { content: await imageOf('png'), filename: 'kept.png', contentType: 'image/png' });
    const response = await editor
      .request('POST', `/upload?id=${original.id}`)
      .attach('files', uploadFixture('page.html'), { filename: 'kept.png', contentType: 'image/png' });
    expect(response.status).toBe(400);
    const after = await casebook.strapi.db.query(FILE_UID).findOne({ where: { id: original.id } });
    expect(after).toMatchObject({ mime: 'image/png', width: 800, height: 600 });
    await casebook.http().get(original.url).expect(200).expect('content-type', 'image/png');
  });
});

describe('files under /uploads', () => {
  test('are served with nosniff, a sandboxing Content-Security-Policy, and may be shown by pages of other origins', async () => {
    const file = await stored(editor, '/upload', { content: await imageOf('png'), filename: 'served.png', contentType: 'image/png' });
    // The other spellings of the same path that `strapi::public` decodes and serves too.
    const spellings = [file.url.replace('/uploads/', '/%75ploads/'), file.url.replace('/uploads/', '/x/..%2fuploads/')];
    for (const url of [file.url, file.formats!.thumbnail!.url, file.formats!.small!.url, ...spellings]) {
      const response = await casebook.http().get(url).set('Origin', 'https://showcase.example.org').expect(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    }
  });
});

type CoverAnswer = { url: string; smallUrl: string; width: number | null; height: number | null; alternativeText: string } | null;

describe("a case's cover in the showcase API", () => {
  let file: StoredFile;
  let documentId: string;

  beforeAll(async () => {
    file = await stored(editor, '/upload', {
      content: await imageOf('jpeg', 1200, 800),
      filename: 'party-school.jpg',
      contentType: 'image/jpeg',
      fileInfo: { alternativeText: '党校课堂' },
    });
    const created = await casebook.strapi.documents('api::case.case').create({
      data: { title: '有封面的案例', summary: '封面', hospital: world.hospital.documentId, cover: file.id } as never,
    });
    documentId = created.documentId;
    await casebook.strapi.documents('api::case.case').publish({ documentId });
  });

  const COVER = 'cover { url smallUrl width height alternativeText }';

  test('caseDetail answers its address, small rendition, size and text, and the address serves the image', async () => {
    const { data, errors } = await casebook.graphql<{ caseDetail: { cover: CoverAnswer } }>(`{ caseDetail(documentId: "${documentId}") { ${COVER} } }`);
    expect(errors).toBeUndefined();
    expect(data!.caseDetail.cover).toEqual({ url: file.url, smallUrl: file.formats!.small!.url, width: 1200, height: 800, alternativeText: '党校课堂' });
    await casebook.http().get(data!.caseDetail.cover!.url).expect(200).expect('content-type', 'image/jpeg');
    await casebook.http().get(data!.caseDetail.cover!.smallUrl).expect(200).expect('content-type', 'image/jpeg');
  });

  test("lists show covers; a case without one answers null; without the editor's text, the title describes it", async () => {
    await casebook.strapi.plugin('upload').service('upload').updateFileInfo(file.id, { alternativeText: '' });
    try {
      const { data, errors } = await casebook.graphql<{ caseList: { nodes: Array<{ title: string; cover: CoverAnswer }> } }>(`{ caseList { nodes { title ${COVER} } } }`);
      expect(errors).toBeUndefined();
      const covers = Object.fromEntries(data!.caseList.nodes.map((node) => [node.title, node.cover]));
      expect(covers['有封面的案例']).toMatchObject({ url: file.url, alternativeText: '有封面的案例' });
      expect(covers['构建医院党校 提升实干能力']).toBeNull();
    } finally {
      await casebook.strapi.plugin('upload').service('upload').updateFileInfo(file.id, { alternativeText: '党校课堂' });
    }
  });

  test('with a public URL configured (PUBLIC_URL), the addresses are absolute on it', async () => {
    const configured = casebook.strapi.config.get('server.url');
    casebook.strapi.config.set('server.url', 'https://cms.example.org');
    try {
      const { data } = await casebook.graphql<{ caseDetail: { cover: CoverAnswer } }>(`{ caseDetail(documentId: "${documentId}") { ${COVER} } }`);
      expect(data!.caseDetail.cover).toMatchObject({ url: `https://cms.example.org${file.url}`, smallUrl: `https://cms.example.org${file.formats!.small!.url}` });
    } finally {
      casebook.strapi.config.set('server.url', configured);
    }
  });

  test('the upload plugin’s file (provider data, the entries using it) is not what Case.cover answers', async () => {
    const { errors } = await casebook.graphql(`{ caseDetail(documentId: "${documentId}") { cover { related { __typename } provider } } }`);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('covers of drafts are not public', () => {
  let draftCover: StoredFile;
  let newCover: StoredFile;
  let publishedCover: StoredFile;

  beforeAll(async () => {
    const image = async (filename: string) => stored(editor, '/upload', { content: await imageOf('png', 600, 400), filename, contentType: 'image/png' });
    publishedCover = await image('published-cover.png');
    draftCover = await image('secret-draft-cover.png');
    newCover = await image('unpublished-new-cover.png');
    const cases = casebook.strapi.documents('api::case.case');
    // The never-published case has a cover of its own; the edited case was published with one and has a new one in its draft.
    await cases.update({ documentId: world.draft.case.documentId, data: { cover: draftCover.id } as never });
    await cases.update({ documentId: world.edited.case.documentId, data: { cover: publishedCover.id, title: '已发布后修改的案例' } as never });
    await cases.publish({ documentId: world.edited.case.documentId });
    await cases.update({ documentId: world.edited.case.documentId, data: { cover: newCover.id, title: '未发布的新标题' } as never });
    // The draft's image is also a published case's cover: the entries using it (`related`) list the draft too.
    await cases.update({ documentId: world.published.case.documentId, data: { cover: draftCover.id } as never });
    await cases.publish({ documentId: world.published.case.documentId });
  });

  /** What only drafts hold: neither a public answer nor its error may name it. */
  const expectNoDraft = (text: string) => {
    expect(text).not.toContain('unpublished_new_cover');
    expect(text).not.toContain('未发布的新标题');
    expect(text).not.toContain('草稿案例');
  };

  test('GraphQL: the published version shows the cover it was published with, through every query', async () => {
    const queries = [
      `{ caseDetail(documentId: "${world.edited.case.documentId}") { title cover { url } } }`,
      '{ caseList { nodes { title cover { url smallUrl } } } }',
      '{ caseSearch(query: "案例") { nodes { case { title cover { url } } } } }',
      '{ caseRanking { title cover { url } } }',
      '{ hospitals { cases { title cover { url } } } }',
      '{ cases { title cover { url } } }',
      `{ case(documentId: "${world.draft.case.documentId}") { title cover { url } } }`,
    ];
    for (const query of queries) {
      const response = await casebook.graphql(query);
      expect([query, response.errors]).toEqual([query, undefined]);
      expectNoDraft(JSON.stringify(response.data));
    }
    const { data } = await casebook.graphql<{ caseDetail: { cover: { url: string } } }>(`{ caseDetail(documentId: "${world.edited.case.documentId}") { cover { url } } }`);
    expect(data!.caseDetail.cover.url).toBe(publishedCover.url);
  });

  test('GraphQL: the upload plugin’s own queries are not public', async () => {
    for (const query of ['{ uploadFiles { url related { __typename } } }', '{ uploadFiles_connection { nodes { url } } }']) {
      const response = await casebook.graphql(query);
      expect(response.data?.uploadFiles ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expectNoDraft(JSON.stringify(response));
    }
  });

  test.each([
    '/api/cases?populate=cover',
    '/api/cases?populate=*',
    '/api/cases/EDITED?populate=cover',
    '/api/hospitals?populate[cases][populate]=cover',
    '/api/themes?populate[cases][populate][cover][fields][0]=url',
  ])('REST: GET %s shows published covers only', async (path) => {
    const response = await anonymous(casebook).get(path.replace('EDITED', world.edited.case.documentId)).expect(200);
    expect(response.text).toContain('published_cover');
    expectNoDraft(response.text);
  });

  test.each([
    '/api/cases?populate[cover][populate][related]=true',
    // Strapi spells `*` out before the rule sees it: all of a file's relations include `related`.
    '/api/cases?populate[cover][populate]=*',
    '/api/cases?populate[cover][populate][related][on][api::case.case][fields][0]=title',
    '/api/cases?populate[cover][populate][0]=related',
    '/api/cases?filters[cover][related][title][$contains]=草稿',
    '/api/hospitals?populate[cases][populate][cover][populate]=related',
  ])('REST: GET %s (the entries that use a file, drafts too) is refused', async (path) => {
    const response = await anonymous(casebook).get(path);
    expect(response.status).toBe(400);
    expectNoDraft(response.text);
  });

  test.each(['/api/upload/files', '/api/upload/files/FILE', '/api/upload/files?populate=related'])('REST: GET %s is forbidden', async (path) => {
    const response = await anonymous(casebook).get(path.replace('FILE', String(draftCover.id)));
    expect(response.status).toBe(403);
    expectNoDraft(response.text);
  });

  test('an API token still previews the draft with its new cover', async () => {
    const response = await casebook.graphql<{ cases: Array<{ title: string; cover: { url: string } }> }>(
      `{ cases(filters: { documentId: { eq: "${world.edited.case.documentId}" } }, status: DRAFT) { title cover { url } } }`,
      undefined,
      { Authorization: `Bearer ${token.token}` },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cases).toEqual([{ title: '未发布的新标题', cover: { url: newCover.url } }]);
  });
});
