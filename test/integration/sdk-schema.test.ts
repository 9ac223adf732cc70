import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse, validate, type GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { OPERATIONS } from '../../client-sdk/src/operations';
import { CaseSortSchema, HospitalCategorySchema, HospitalSortSchema, ProvinceSchema } from '../../client-sdk/src/schemas';
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

test.each([
  ['ENUM_HOSPITAL_PROVINCE', ProvinceSchema.options],
  ['ENUM_HOSPITAL_CATEGORY', HospitalCategorySchema.options],
  ['CaseSort', CaseSortSchema.options],
  ['HospitalSort', HospitalSortSchema.options],
])('the SDK knows exactly the values of %s', (name, values) => {
  const type = schema.getType(name) as GraphQLEnumType;
  expect(type.getValues().map((value) => value.name).sort()).toEqual([...values].sort());
});
