import { CAMPAIGN_STAGE, HOSPITAL_CATEGORY, HOSPITAL_LEVEL, METRIC_KIND, METRIC_QUALIFIER, PROVINCE } from '../../plugins/casebook/server/src/closed-sets';
import { bootCasebook, type Casebook } from '../support/strapi';

let casebook: Casebook;

beforeAll(async () => {
  casebook = await bootCasebook();
});

afterAll(async () => {
  await casebook?.stop();
});

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type Introspected = { fields: Array<{ name: string; type: TypeRef }> | null; enumValues: Array<{ name: string }> | null };

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

const introspect = async (name: string): Promise<Introspected> => {
  const { data, errors } = await casebook.graphql<{ __type: Introspected }>(
    `query ($name: String!) { __type(name: $name) { fields { name type { ${TYPE_REF} } } enumValues { name } } }`,
    { name },
  );
  expect(errors).toBeUndefined();
  expect(data!.__type).not.toBeNull();
  return data!.__type;
};

/** A GraphQL type reference written the way SDL writes it: [Case]!, String!, … */
const sdl = (type: TypeRef): string => {
  if (type.kind === 'NON_NULL') return `${sdl(type.ofType!)}!`;
  if (type.kind === 'LIST') return `[${sdl(type.ofType!)}]`;
  return type.name!;
};

const fieldsOf = async (name: string) =>
  Object.fromEntries((await introspect(name)).fields!.filter((field) => !field.name.endsWith('_connection')).map((field) => [field.name, sdl(field.type)]));

const SYSTEM = { documentId: 'ID!', createdAt: 'DateTime', updatedAt: 'DateTime', publishedAt: 'DateTime' };

describe('the content model as GraphQL shows it', () => {
  test.each([
    [
      'Hospital',
      {
        ...SYSTEM, name: 'String!', slug: 'String', aliases: 'JSON', province: 'ENUM_HOSPITAL_PROVINCE', city: 'String',
        category: 'ENUM_HOSPITAL_CATEGORY', level: 'ENUM_HOSPITAL_LEVEL', affiliatedUniversity: 'String',
        parentGroup: 'Hospital', members: '[Hospital]!', cases: '[Case]!', publishedCaseCount: 'Int!',
      },
    ],
    [
      'Case',
      {
        ...SYSTEM, title: 'String!', slug: 'String', hospital: 'Hospital', summary: 'String', body: 'String',
        people: '[ComponentCasebookPerson]', source: 'ComponentCasebookSource', themes: '[Theme]!', campaign: 'Campaign',
        award: 'String', initiatives: '[Initiative]!', metrics: '[Metric]!', sourceStart: 'Int', sourceEnd: 'Int',
        votes: 'Int!', views: 'Int!', cover: 'CaseImage', seoTitle: 'String', seoDescription: 'String', seo: 'CaseSeo!',
      },
    ],
    [
      'Initiative',
      { ...SYSTEM, name: 'String!', summary: 'String', order: 'Int', case: 'Case', theme: 'Theme', metrics: '[Metric]!' },
    ],
    [
      'Metric',
      {
        ...SYSTEM, label: 'String!', value: 'Float!', unit: 'String', qualifier: 'ENUM_METRIC_QUALIFIER!', kind: 'ENUM_METRIC_KIND!',
        period: 'String', asOf: 'Date', quote: 'String', sourceStart: 'Int', sourceEnd: 'Int', order: 'Int', case: 'Case',
        initiative: 'Initiative',
      },
    ],
    ['Theme', { ...SYSTEM, name: 'String!', slug: 'String', description: 'String', cases: '[Case]!' }],
    [
      'Campaign',
      {
        ...SYSTEM, name: 'String!', slug: 'String', organiser: 'String', year: 'Int', description: 'String',
        stage: 'ENUM_CAMPAIGN_STAGE!', cases: '[Case]!',
      },
    ],
    ['ComponentCasebookPerson', { id: 'ID!', name: 'String!', role: 'String', unit: 'String' }],
    [
      'ComponentCasebookSource',
      { id: 'ID!', publication: 'String', column: 'String', issue: 'String', date: 'Date', url: 'String', readCount: 'Int' },
    ],
  ])('%s', async (name, expected) => {
    expect(await fieldsOf(name)).toEqual(expected);
  });

  test.each([
    ['ENUM_METRIC_QUALIFIER', METRIC_QUALIFIER.keys],
    ['ENUM_METRIC_KIND', METRIC_KIND.keys],
    ['ENUM_HOSPITAL_CATEGORY', HOSPITAL_CATEGORY.keys],
    ['ENUM_HOSPITAL_LEVEL', HOSPITAL_LEVEL.keys],
    ['ENUM_CAMPAIGN_STAGE', CAMPAIGN_STAGE.keys],
  ] as Array<[string, readonly string[]]>)('%s lists the keys of its closed set', async (name, values) => {
    expect((await introspect(name)).enumValues!.map((value) => value.name)).toEqual(values);
  });

  test('ENUM_HOSPITAL_PROVINCE covers the 34 provincial-level divisions, each with a Chinese label', async () => {
    const values = (await introspect('ENUM_HOSPITAL_PROVINCE')).enumValues!.map((value) => value.name);
    expect(values).toHaveLength(34);
    expect(values).toEqual([...PROVINCE.keys]);
    expect(values.every((value) => /\p{Script=Han}/u.test(PROVINCE.label(value) ?? ''))).toBe(true);
  });

  test('relations go both ways', () => {
    const pairs: Array<[string, string, string, string]> = [
      ['api::case.case', 'hospital', 'api::hospital.hospital', 'cases'],
      ['api::initiative.initiative', 'case', 'api::case.case', 'initiatives'],
      ['api::metric.metric', 'case', 'api::case.case', 'metrics'],
      ['api::metric.metric', 'initiative', 'api::initiative.initiative', 'metrics'],
      ['api::case.case', 'themes', 'api::theme.theme', 'cases'],
      ['api::case.case', 'campaign', 'api::campaign.campaign', 'cases'],
      ['api::hospital.hospital', 'parentGroup', 'api::hospital.hospital', 'members'],
      ['api::case.case', 'sourceDocument', 'plugin::casebook.source-document', 'cases'],
    ];
    for (const [owner, field, target, inverse] of pairs) {
      const attribute = casebook.strapi.getModel(owner as any).attributes[field] as { target: string; inversedBy: string };
      expect([attribute.target, attribute.inversedBy]).toEqual([target, inverse]);
      const back = casebook.strapi.getModel(target as any).attributes[inverse] as { target: string; mappedBy: string };
      expect([back.target, back.mappedBy]).toEqual([owner, field]);
    }
  });

  test('only Case and its parts (published with it) have draft and publish', () => {
    const withDraftAndPublish = Object.values(casebook.strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::') || contentType.uid.startsWith('plugin::casebook.'))
      .filter((contentType) => contentType.options?.draftAndPublish)
      .map((contentType) => contentType.uid);
    expect(withDraftAndPublish).toEqual(['api::case.case', 'api::initiative.initiative', 'api::metric.metric']);
  });

  test('rejects a metric without a value (when its case is published: a draft may be incomplete) and an unknown qualifier', async () => {
    const draft = await casebook.strapi.documents('api::case.case').create({ data: { title: '缺少数值的案例' } });
    await casebook.strapi.documents('api::metric.metric').create({ data: { label: '培训', qualifier: 'exact', kind: 'count', case: draft.documentId } as any });
    await expect(casebook.strapi.documents('api::case.case').publish({ documentId: draft.documentId })).rejects.toThrow(/缺少必填项（value）/);
    expect(await casebook.strapi.db.query('api::case.case').count({ where: { documentId: draft.documentId, publishedAt: { $notNull: true } } })).toBe(0);
    await casebook.strapi.documents('api::case.case').delete({ documentId: draft.documentId });
    await expect(
      casebook.strapi.documents('api::metric.metric').create({ data: { label: '培训', value: 3, qualifier: 'roughly' as any, kind: 'count' } }),
    ).rejects.toThrow(/qualifier must be one of/);
  });

  test('the Content Manager lists cases with Chinese labels and useful columns', async () => {
    const configuration = await casebook.strapi
      .plugin('content-manager')
      .service('content-types')
      .findConfiguration(casebook.strapi.contentType('api::case.case'));
    expect(configuration.settings.mainField).toBe('title');
    // The list view's hook adds province, review state, votes and views (admin/src/components/counter-columns.tsx).
    expect(configuration.layouts.list).toEqual(['title', 'hospital', 'updatedAt']);
    expect(configuration.metadatas.hospital.list.label).toBe('医院');
    expect(configuration.metadatas.title.edit.label).toBe('标题');
  });
});
