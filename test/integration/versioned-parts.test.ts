import fs from 'node:fs';
import path from 'node:path';
import { bootCasebook, type Casebook } from '../support/strapi';
import { seedShowcase, type Showcase } from '../support/fixtures';
import { signInAs, type AdminPrincipal } from '../support/admin';
import { recordQueries } from '../support/queries';
import { SEED_FILES } from '../support/paths';
import { separateVersions } from '../../plugins/casebook/server/src/case-parts';

/**
 * Issue 16, "Unpublished edits go live": initiatives and metrics are drafts until their case is published. An
 * editor's edit of a part, through the Content Manager, reaches no public route (Strapi's GraphQL and REST, the
 * showcase's queries and its search) until the case is published again; unpublishing the case hides its parts
 * everywhere; the importer writes parts as drafts, and publishes them with their case.
 */

let casebook: Casebook;
let world: Showcase;
let editor: AdminPrincipal;

beforeAll(async () => {
  casebook = await bootCasebook();
  world = await seedShowcase(casebook.strapi);
  editor = await signInAs(casebook, 'strapi-editor');
});

afterAll(async () => {
  await casebook?.stop();
});

const CM = '/content-manager/collection-types';

type PublicParts = { metrics: string[]; initiatives: string[] };

/** Every public route's view of one case's parts, as "label=value" and names, each route's answer sorted. */
const publicViews = async (caseId: string): Promise<Record<string, PublicParts>> => {
  const http = casebook.http();
  const rest = await http.get(`/api/cases/${caseId}?populate[metrics]=true&populate[initiatives]=true`);
  const restCase = rest.status === 200 ? (rest.body.data as { metrics: Array<{ label: string; value: number }>; initiatives: Array<{ name: string }> }) : { metrics: [], initiatives: [] };
  const restMetrics = (await http.get(`/api/metrics?filters[case][documentId][$eq]=${caseId}&pagination[pageSize]=100`).expect(200)).body.data as Array<{ label: string; value: number }>;
  const restInitiatives = (await http.get(`/api/initiatives?filters[case][documentId][$eq]=${caseId}&pagination[pageSize]=100`).expect(200)).body.data as Array<{ name: string }>;
  const shadow = await casebook.graphql<{
    case: { metrics: Array<{ label: string; value: number }>; initiatives: Array<{ name: string }> } | null;
    metrics: Array<{ label: string; value: number }>;
    initiatives: Array<{ name: string }>;
  }>(
    `query ($id: ID!) {
      case(documentId: $id) { metrics { label value } initiatives { name } }
      metrics(filters: { case: { documentId: { eq: $id } } }) { label value }
      initiatives(filters: { case: { documentId: { eq: $id } } }) { name }
    }`,
    { id: caseId },
  );
  expect(shadow.errors).toBeUndefined();
  const detail = await casebook.graphql<{ caseDetail: { metrics: Array<{ label: string; value: number }>; initiatives: Array<{ name: string }> } }>(
    `query ($id: ID) { caseDetail(documentId: $id) { metrics { label value } initiatives { name } } }`,
    { id: caseId },
  );
  const metrics = (rows: Array<{ label: string; value: number | string }> | undefined) => (rows ?? []).map((row) => `${row.label}=${Number(row.value)}`).sort();
  const names = (rows: Array<{ name: string }> | undefined) => (rows ?? []).map((row) => row.name).sort();
  return {
    'REST /api/cases/:id': { metrics: metrics(restCase.metrics), initiatives: names(restCase.initiatives) },
    'REST /api/metrics, /api/initiatives': { metrics: metrics(restMetrics), initiatives: names(restInitiatives) },
    'GraphQL case': { metrics: metrics(shadow.data?.case?.metrics), initiatives: names(shadow.data?.case?.initiatives) },
    'GraphQL metrics, initiatives': { metrics: metrics(shadow.data?.metrics), initiatives: names(shadow.data?.initiatives) },
    'GraphQL caseDetail': { metrics: metrics(detail.data?.caseDetail?.metrics), initiatives: names(detail.data?.caseDetail?.initiatives) },
  };
};

/** The same parts on every public route. */
const everywhere = (given: PublicParts) => {
  const parts = { metrics: [...given.metrics].sort(), initiatives: [...given.initiatives].sort() };
  return {
  'REST /api/cases/:id': parts,
  'REST /api/metrics, /api/initiatives': parts,
  'GraphQL case': parts,
  'GraphQL metrics, initiatives': parts,
  'GraphQL caseDetail': parts,
  };
};

const searchTitles = async (query: string) => {
  const response = await casebook.graphql<{ caseSearch: { nodes: Array<{ case: { title: string } }> } }>(`query ($q: String!) { caseSearch(query: $q) { nodes { case { title } } } }`, { q: query });
  expect(response.errors).toBeUndefined();
  return response.data!.caseSearch.nodes.map((node) => node.case.title);
};

/** A case like seedShowcase's published one, published, with its own parts: each test edits its own. */
const publishedCase = async (title: string) => {
  const created = await casebook.strapi.documents('api::case.case').create({ data: { title, summary: `${title}摘要`, body: `${title}正文`, hospital: world.hospital.documentId } });
  const initiative = await casebook.strapi.documents('api::initiative.initiative').create({ data: { name: `${title}举措`, order: 0, case: created.documentId } });
  const metric = await casebook.strapi.documents('api::metric.metric').create({
    data: { label: `${title}指标`, value: 12, unit: '次', qualifier: 'exact', kind: 'count', case: created.documentId, initiative: initiative.documentId },
  });
  await editor.post(`${CM}/api::case.case/${created.documentId}/actions/publish`).expect(200);
  return { caseId: created.documentId, initiativeId: initiative.documentId, metricId: metric.documentId, title };
};

describe('a part edited in the Content Manager', () => {
  test('changes no public answer until its case is published, then every one', async () => {
    const { caseId, initiativeId, metricId, title } = await publishedCase('版本测试甲');
    const before = everywhere({ metrics: [`${title}指标=12`], initiatives: [`${title}举措`] });
    expect(await publicViews(caseId)).toEqual(before);

    await editor.put(`${CM}/api::metric.metric/${metricId}`, { label: '改过的指标', value: 99 }).expect(200);
    await editor.put(`${CM}/api::initiative.initiative/${initiativeId}`, { name: '改过的举措' }).expect(200);
    expect(await publicViews(caseId)).toEqual(before);
    expect(await searchTitles('改过的举措')).toEqual([]);

    // The Content Manager shows the edit as a draft of a published part.
    const draft = await editor.get(`${CM}/api::metric.metric/${metricId}`).expect(200);
    expect(draft.body.data).toMatchObject({ label: '改过的指标', publishedAt: null });
    expect(draft.body.meta.availableStatus).toEqual([expect.objectContaining({ publishedAt: expect.any(String) })]);

    await editor.post(`${CM}/api::case.case/${caseId}/actions/publish`).expect(200);
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: ['改过的指标=99'], initiatives: ['改过的举措'] }));
    expect(await searchTitles('改过的举措')).toEqual([title]);
  });

  test('a metric added as a draft to a published case stays out of sight until the case is published', async () => {
    const { caseId, title } = await publishedCase('版本测试乙');
    await editor
      .post(`${CM}/api::metric.metric`, { label: '新增指标', value: 7, unit: '项', qualifier: 'exact', kind: 'count', case: { connect: [{ documentId: caseId }] } })
      .expect(201);
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: [`${title}指标=12`], initiatives: [`${title}举措`] }));
    await editor.post(`${CM}/api::case.case/actions/bulkPublish`, { documentIds: [caseId] }).expect(200);
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: [`${title}指标=12`, '新增指标=7'], initiatives: [`${title}举措`] }));
  });

  test('is given back its published version when the case draft is discarded', async () => {
    const { caseId, metricId, title } = await publishedCase('版本测试丙');
    await editor.put(`${CM}/api::metric.metric/${metricId}`, { label: '要放弃的修改' }).expect(200);
    await editor.post(`${CM}/api::case.case/${caseId}/actions/discard`).expect(200);
    const draft = await editor.get(`${CM}/api::metric.metric/${metricId}`).expect(200);
    expect(draft.body.data.label).toBe(`${title}指标`);
    await editor.post(`${CM}/api::case.case/${caseId}/actions/publish`).expect(200);
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: [`${title}指标=12`], initiatives: [`${title}举措`] }));
  });

  test('cannot be published or unpublished on its own, behind its case', async () => {
    const { metricId } = await publishedCase('版本测试丁');
    await editor.put(`${CM}/api::metric.metric/${metricId}`, { label: '想单独发布' }).expect(200);
    const publish = await editor.post(`${CM}/api::metric.metric/${metricId}/actions/publish`);
    expect(publish.status).toBe(400);
    expect(publish.body.error.message).toContain('随所属案例');
    await editor.post(`${CM}/api::metric.metric/${metricId}/actions/unpublish`).expect(400);
    expect(await casebook.strapi.db.query('api::metric.metric').count({ where: { label: '想单独发布', publishedAt: { $notNull: true } } })).toBe(0);
  });
});

describe('unpublishing a case', () => {
  test('hides its parts from every public route', async () => {
    const { caseId, metricId, initiativeId } = await publishedCase('版本测试戊');
    await editor.post(`${CM}/api::case.case/${caseId}/actions/unpublish`).expect(200);
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: [], initiatives: [] }));
    await casebook.http().get(`/api/metrics/${metricId}`).expect(404);
    await casebook.http().get(`/api/initiatives/${initiativeId}`).expect(404);
    // Their drafts stay, for the next publication.
    expect(await casebook.strapi.db.query('api::metric.metric').count({ where: { documentId: metricId } })).toBe(1);
    expect(await casebook.strapi.db.query('api::metric.metric').count({ where: { documentId: metricId, publishedAt: { $notNull: true } } })).toBe(0);
  });

  test('leaves the seed world as it was: a published case with one published version of each part', async () => {
    for (const part of ['api::metric.metric', 'api::initiative.initiative'] as const) {
      const rows = await casebook.strapi.db.query(part).findMany({ where: { documentId: world.published[part === 'api::metric.metric' ? 'metric' : 'initiative'].documentId } });
      expect(rows.map((row: { publishedAt: unknown }) => row.publishedAt === null).sort()).toEqual([false, true]);
    }
  });
});

describe('deleting a case', () => {
  test('deletes its parts, draft and published, so no public route shows a deleted case’s figures', async () => {
    const { caseId, metricId, initiativeId } = await publishedCase('版本测试己');
    // A draft edit and a draft-only part too: every version of every part goes.
    await editor.put(`${CM}/api::metric.metric/${metricId}`, { label: '删除前的草稿修改' }).expect(200);
    const extra = await editor
      .post(`${CM}/api::metric.metric`, { label: '删除前新增', value: 3, unit: '项', qualifier: 'exact', kind: 'count', case: { connect: [{ documentId: caseId }] } })
      .expect(201);
    const other = await publishedCase('版本测试庚');
    await editor.delete(`${CM}/api::case.case/${caseId}`).expect(200);

    for (const [uid, documentId] of [['api::metric.metric', metricId], ['api::metric.metric', extra.body.data.documentId], ['api::initiative.initiative', initiativeId]] as const) {
      expect(await casebook.strapi.db.query(uid).count({ where: { documentId } })).toBe(0);
    }
    await casebook.http().get(`/api/metrics/${metricId}`).expect(404);
    const labels = (await casebook.graphql<{ metrics: Array<{ label: string }> }>('{ metrics(pagination: { limit: 100 }) { label } }')).data!.metrics.map((row) => row.label);
    expect(labels).not.toContain('版本测试己指标');
    // Another case's parts are left alone.
    expect(await publicViews(other.caseId)).toEqual(everywhere({ metrics: [`${other.title}指标=12`], initiatives: [`${other.title}举措`] }));
  });
});

describe('a database from before parts had versions', () => {
  test('has the links Strapi\'s migration left crossed between drafts and published versions removed at start', async () => {
    const { caseId, metricId, title } = await publishedCase('版本测试己');
    const strapi = casebook.strapi;
    const rowOf = async (uid: string, documentId: string, published: boolean) =>
      (await strapi.db.query(uid as 'api::case.case').findOne({ where: { documentId, publishedAt: published ? { $notNull: true } : null }, select: ['id'] })) as { id: number };
    // Before versions, one part row was linked by both versions of its case: the migration left such links behind.
    const link = strapi.db.metadata.get('api::metric.metric').attributes.case as unknown as { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } };
    const { name, joinColumn, inverseJoinColumn } = link.joinTable;
    await strapi.db.connection(name).insert({ [joinColumn.name]: (await rowOf('api::metric.metric', metricId, true)).id, [inverseJoinColumn.name]: (await rowOf('api::case.case', caseId, false)).id });
    await strapi.db.connection(name).insert({ [joinColumn.name]: (await rowOf('api::metric.metric', metricId, false)).id, [inverseJoinColumn.name]: (await rowOf('api::case.case', caseId, true)).id });

    expect(await separateVersions(strapi)).toBe(2);
    expect(await separateVersions(strapi)).toBe(0);
    for (const status of ['draft', 'published'] as const) {
      const version = await strapi.documents('api::case.case').findOne({ documentId: caseId, status, populate: ['metrics'] });
      expect((version?.metrics ?? []).map((metric) => [metric.label, metric.publishedAt === null])).toEqual([[`${title}指标`, status === 'draft']]);
    }
    expect(await publicViews(caseId)).toEqual(everywhere({ metrics: [`${title}指标=12`], initiatives: [`${title}举措`] }));
  });
});

describe('publishing a case', () => {
  /** A published case with `count` metrics and as many initiatives, written as drafts in one go. */
  const caseWithParts = async (title: string, count: number) => {
    const created = await casebook.strapi.documents('api::case.case').create({ data: { title, hospital: world.hospital.documentId } });
    for (let index = 0; index < count; index += 1) {
      const initiative = await casebook.strapi.documents('api::initiative.initiative').create({ data: { name: `${title}举措${index}`, order: index, case: created.documentId } });
      await casebook.strapi.documents('api::metric.metric').create({
        data: { label: `${title}指标${index}`, value: index, qualifier: 'exact', kind: 'count', case: created.documentId, initiative: initiative.documentId },
      });
    }
    return created.documentId;
  };

  test('costs the same SQL whatever the number of parts', async () => {
    const few = await caseWithParts('少量部件', 1);
    const many = await caseWithParts('大量部件', 12);
    // Strapi's own deep reads of the case (`select distinct`, one per relation) are left out: whether it issues them
    // varies between otherwise equal publishes; the statements counted are those that write and map the versions.
    const publish = async (documentId: string) =>
      (await recordQueries(casebook.strapi, () => casebook.strapi.documents('api::case.case').publish({ documentId }))).queries.filter((sql) => !/^select distinct/i.test(sql));
    // The writes of the parts above let go of their last statements (the relations' reload) before anything is counted.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fewQueries = (await publish(few)).length;
    const manyQueries = (await publish(many)).length;
    expect(manyQueries).toBe(fewQueries);
    // Republishing replaces the published parts: the same for both again.
    expect((await publish(many)).length).toBe((await publish(few)).length);
    const view = await publicViews(many);
    expect(view['GraphQL caseDetail']!.metrics).toHaveLength(12);
    expect(view['REST /api/metrics, /api/initiatives']!.initiatives).toHaveLength(12);
    // Each published metric links its published initiative.
    const linked = await casebook.http().get(`/api/metrics?filters[case][documentId][$eq]=${many}&populate[initiative]=true&pagination[pageSize]=100`).expect(200);
    for (const metric of linked.body.data as Array<{ label: string; initiative: { name: string } | null }>) {
      expect(metric.initiative?.name).toBe(metric.label.replace('指标', '举措'));
    }
  });
});

describe('the importer', () => {
  const importer = () => casebook.strapi.plugin('casebook').service('importer');
  const partsOf = async (caseId: string) => {
    const row = await casebook.strapi.db.query('api::case.case').findOne({ where: { documentId: caseId, publishedAt: null }, populate: { metrics: true } });
    const documentIds = (row.metrics as Array<{ documentId: string }>).map((metric) => metric.documentId);
    const rows: Array<{ publishedAt: unknown }> = await casebook.strapi.db.query('api::metric.metric').findMany({ where: { documentId: { $in: documentIds } } });
    return { drafts: rows.filter((metric) => metric.publishedAt === null).length, published: rows.filter((metric) => metric.publishedAt !== null).length, documents: documentIds.length };
  };

  test('writes a draft case with draft parts only, and `publish` publishes them with the case', async () => {
    const file = SEED_FILES.find((name) => path.basename(name).includes('chengdu')) ?? SEED_FILES[0]!;
    const drafted = await importer().importDocument(path.basename(file), fs.readFileSync(file), {});
    expect(drafted.error).toBeUndefined();
    const draftCase = await casebook.strapi.db.query('api::case.case').findOne({ where: { sourceDocument: { sha256: drafted.sha256 }, publishedAt: null } });
    const draftParts = await partsOf(draftCase.documentId);
    expect(draftParts.documents).toBeGreaterThan(0);
    expect(draftParts).toEqual({ drafts: draftParts.documents, published: 0, documents: draftParts.documents });

    const other = SEED_FILES.find((name) => name !== file)!;
    const published = await importer().importDocument(path.basename(other), fs.readFileSync(other), { publish: true });
    expect(published.error).toBeUndefined();
    const publishedCase = await casebook.strapi.db.query('api::case.case').findOne({ where: { sourceDocument: { sha256: published.sha256 }, publishedAt: { $notNull: true } } });
    const publishedParts = await partsOf(publishedCase.documentId);
    expect(publishedParts).toEqual({ drafts: publishedParts.documents, published: publishedParts.documents, documents: publishedParts.documents });
    const view = await publicViews(publishedCase.documentId);
    expect(view['GraphQL caseDetail']!.metrics).toHaveLength(publishedParts.documents);
    expect(view['REST /api/metrics, /api/initiatives']!.metrics).toHaveLength(publishedParts.documents);
  });
});
