import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
  TypeInfo,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLEnumType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { OPERATIONS } from '../../client-sdk/src/operations';
import * as sdkSchemas from '../../client-sdk/src/schemas';
import { bootCasebook, type Casebook } from '../support/strapi';
import { ROOT_DIR } from '../support/paths';

const { fetchLiveSchema, printSnapshot } = require('../../client-sdk/scripts/live-schema.cjs') as {
  fetchLiveSchema(endpoint: string): Promise<GraphQLSchema>;
  printSnapshot(schema: GraphQLSchema): string;
};

let casebook: Casebook;
let schema: GraphQLSchema;

beforeAll(async () => {
  casebook = await bootCasebook();
  const server = casebook.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  schema = await fetchLiveSchema(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
});

afterAll(async () => {
  await casebook?.stop();
});

test('client-sdk/schema.graphql is the schema the CMS serves (npm run schema:print rewrites it)', () => {
  const snapshot = fs.readFileSync(path.join(ROOT_DIR, 'client-sdk', 'schema.graphql'), 'utf8');
  expect(printSnapshot(schema)).toBe(snapshot);
});

test.each(OPERATIONS.map((operation) => [operation.name, operation.document]))('the SDK operation %s is valid against the live schema', (_name, document) => {
  expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
});

/** The GraphQL enum each zod enum of the SDK mirrors. */
const GRAPHQL_ENUM_OF: Record<string, string> = {
  ProvinceSchema: 'ENUM_HOSPITAL_PROVINCE',
  HospitalCategorySchema: 'ENUM_HOSPITAL_CATEGORY',
  HospitalLevelSchema: 'ENUM_HOSPITAL_LEVEL',
  CampaignStageSchema: 'ENUM_CAMPAIGN_STAGE',
  MetricQualifierSchema: 'ENUM_METRIC_QUALIFIER',
  MetricKindSchema: 'ENUM_METRIC_KIND',
  CaseSortSchema: 'CaseSort',
  HospitalSortSchema: 'HospitalSort',
  VoteRefusalSchema: 'VoteRefusal',
  SnippetFieldSchema: 'SnippetField',
};

/** Every zod enum client-sdk/src/schemas.ts exports, by export name, with its values. */
const SDK_ENUMS = Object.entries(sdkSchemas).flatMap(([name, exported]) => {
  const schema = exported as { _zod?: { def: { type: string } }; options?: readonly string[] };
  return schema._zod?.def.type === 'enum' ? [[name, schema.options!] as const] : [];
});

/** The enums the SDK's operations meet: in the fields they select and the variables (and their input fields) they send. */
const enumsOfOperations = (): Set<string> => {
  const found = new Set<string>();
  const seen = new Set<string>();
  const meet = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isEnumType(type)) found.add(type.name);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) meet(getNamedType(field.type));
  };
  for (const { document } of OPERATIONS) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(document),
      visitWithTypeInfo(typeInfo, {
        Field() {
          const type = typeInfo.getType();
          if (type) meet(getNamedType(type));
        },
        VariableDefinition(node) {
          const type = typeFromAST(schema, node.type);
          if (type) meet(getNamedType(type));
        },
      }),
    );
  }
  return found;
};

test('every zod enum of the SDK mirrors a GraphQL enum, and every enum its operations meet has its zod enum', () => {
  expect(SDK_ENUMS.map(([name]) => name).sort()).toEqual(Object.keys(GRAPHQL_ENUM_OF).sort());
  expect([...enumsOfOperations()].filter((name) => !Object.values(GRAPHQL_ENUM_OF).includes(name))).toEqual([]);
});

test.each(SDK_ENUMS)("the SDK's %s knows exactly the values of its GraphQL enum", (name, values) => {
  const type = schema.getType(GRAPHQL_ENUM_OF[name]!) as GraphQLEnumType | undefined;
  expect(type && isEnumType(type)).toBe(true);
  expect(type!.getValues().map((value) => value.name).sort()).toEqual([...values].sort());
});
